// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/api.h"
#include "core/model/operation.h"

#include <QVariantMap>

namespace portico::ui {

// Conversions between core model values and the field maps the publisher editors stage
// (ApiEditor, OperationEditor keys). Pure functions; no protocol knowledge beyond the model.
namespace editorfields {

QVariantMap fromApi(const core::Api &api, const QStringList &productIds);
// Applies the edited fields onto `base` (the last server copy), keeping what the editor does
// not show, so a PUT does not drop unmodelled properties.
core::Api toApi(const QVariantMap &fields, core::Api base = {});

QVariantMap fromOperation(const core::Operation &operation);
// The same for an operation. Rows are matched to `base`'s by key (parameters by name, request
// representations by content type, responses by status code), so what the editor does not show
// stays: the request description, response headers, a response's further representations,
// schema links (schemaId, typeName), examples, form parameters and policies.
core::Operation toOperation(const QVariantMap &fields, core::Operation base = {});

// An ARM name from a display name: "AzureML Demo API" -> "azureml-demo-api" (lower-case
// letters and digits; any other run becomes one '-'; at most 80 characters).
QString idFromDisplayName(const QString &displayName);

// What an editor's banner says when a save failed, in that editor's own (translated) words:
// `unreachable` and `refused` (401: the sign-in) take the error's message as %1, `other` the
// server's messages that no field claimed; `seeFields` stands when every message went to a
// field. `forbidden` (an existing item) and `forbiddenCreate` (a new one) are for
// Kind::Forbidden (403: signed in, but the account lacks the permission): the item's id as %1
// and the server's message as %2; what failed only, ForbiddenText adds the advice.
// `idTaken` (the id as %1) goes next to the id of a new item when one with that id exists;
// `changedOnServer` is the banner when the item was changed on the server since it was loaded.
struct SaveFailureTexts
{
    QString unreachable;
    QString refused;
    QString seeFields;
    QString other;
    QString idTaken;
    QString changedOnServer;
    QString forbidden;
    QString forbiddenCreate;
};
QString describeSaveFailure(const core::Error &error, const QStringList &unclaimed,
                            const SaveFailureTexts &texts, const QString &id = {},
                            bool isNew = false);

} // namespace editorfields

} // namespace portico::ui
