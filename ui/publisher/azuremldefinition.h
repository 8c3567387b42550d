// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QVariantList>
#include <QVariantMap>

namespace portico::ui {

// What "Add AzureML web service" creates, as editor field maps (the same shapes ApiEditor and
// OperationEditor use): the API, the seed's five operations with the URL templates of
// azureml-protocol.md §1.1 verbatim, the secret named value that holds the ML API key, and the
// API policy that injects it as "Authorization: Bearer {{…}}" so consumers need only a
// subscription key.
struct AzureMlDefinition
{
    QString baseUrl;     // the ML service host, e.g. https://ussouthcentral.services.azureml.net
    QString workspace;   // e.g. the workspace id
    QString service;     // e.g. the web service id
    QString apiName = QStringLiteral("AzureML Demo API");
    QString apiPath = QStringLiteral("azureml-demo");
    QString productId = QStringLiteral("starter");

    // Portico-local's sample service publishes workspace "local", service "feature-hashing".
    static AzureMlDefinition localSample(const QString &mlBaseUrl);

    QString apiId() const;
    QString namedValueId() const;    // e.g. "azureml-demo-api-key"
    QVariantMap apiFields() const;   // ApiEditor keys
    QVariantList operations() const; // OperationEditor keys, in seed order
    QString apiPolicy() const;
};

} // namespace portico::ui
