// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/armmessage.h"

#include <QJsonArray>

namespace portico::local {

using core::Error;
using core::ErrorDetail;

QString ArmRequest::resourceId() const
{
    QString id = path;
    while (id.size() > 1 && id.endsWith(u'/'))
        id.chop(1);
    return id;
}

QString ArmRequest::pathAndQuery() const
{
    return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment
                        | QUrl::FullyEncoded);
}

ArmResponse ArmResponse::json(int status, const QJsonObject &body,
                              QList<QPair<QByteArray, QByteArray>> headers)
{
    return ArmResponse { status, body, std::move(headers) };
}

ArmResponse ArmResponse::empty(int status, QList<QPair<QByteArray, QByteArray>> headers)
{
    return ArmResponse { status, QJsonValue(QJsonValue::Undefined), std::move(headers) };
}

ArmResponse ArmResponse::error(int status, const QString &code, const QString &message,
                               const QList<ErrorDetail> &details, const QString &target)
{
    QJsonObject error { { u"code"_qs, code }, { u"message"_qs, message } };
    if (!target.isEmpty())
        error.insert(u"target"_qs, target);
    if (!details.isEmpty()) {
        QJsonArray array;
        for (const ErrorDetail &detail : details)
            array.append(QJsonObject { { u"code"_qs, detail.code },
                                       { u"target"_qs, detail.target },
                                       { u"message"_qs, detail.message } });
        error.insert(u"details"_qs, array);
    }
    return json(status, QJsonObject { { u"error"_qs, error } });
}

ArmResponse ArmResponse::fromError(const Error &e)
{
    int status = e.httpStatus;
    if (status == 0) {
        switch (e.kind) {
        case Error::Kind::InvalidInput:
            status = 400;
            break;
        case Error::Kind::Conflict:
            status = 409;
            break;
        case Error::Kind::NotFound:
            status = 404;
            break;
        default:
            status = 500;
            break;
        }
    }
    if (status == 500)
        return error(500, u"InternalServerError"_qs,
                     u"portico-local could not complete the request: %1"_qs.arg(e.message));
    const QString code = !e.code.isEmpty() ? e.code
        : status == 404                    ? u"ResourceNotFound"_qs
        : status == 409                    ? u"Conflict"_qs
                                           : u"ValidationError"_qs;
    return error(status, code, e.message, e.details, e.target);
}

ArmResponse ArmResponse::validation(const QString &target, const QString &message)
{
    return validation(QList<ErrorDetail> { ErrorDetail { u"ValidationError"_qs, message, target } });
}

ArmResponse ArmResponse::validation(const QList<ErrorDetail> &details)
{
    return error(400, u"ValidationError"_qs, u"One or more fields contain incorrect values:"_qs,
                 details);
}

ArmResponse ArmResponse::notFound(const QString &entity)
{
    // APIM's own errors carry "details": null when there is nothing to add.
    ArmResponse response = error(404, u"ResourceNotFound"_qs, u"%1 not found."_qs.arg(entity));
    QJsonObject body = response.body.toObject();
    QJsonObject inner = body.value(u"error"_qs).toObject();
    inner.insert(u"details"_qs, QJsonValue(QJsonValue::Null));
    body.insert(u"error"_qs, inner);
    response.body = body;
    return response;
}

} // namespace portico::local
