// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace portico::local {

// swagger.json of the feature-hashing service, in the shape AzureML (classic) published and
// clients read: paths with operationId `execute` (and the batch operations), and definitions
// ExecutionRequest (with an example), input1Item and output1Item.
QJsonObject featureHashingSwagger(const QString &host, const QString &workspace,
                                  const QString &service);

} // namespace portico::local
