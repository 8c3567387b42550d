// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/armparsing.h"

#include "core/tryit/secretredaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QStringDecoder>

#include <cmath>
#include <limits>

namespace portico::core {

namespace {

constexpr qint64 maxRetryAfterMs = qint64(24) * 3600 * 1000;
constexpr int excerptChars = 300;

// The bodies excerpted here are the ones that could not be read, and some of them carry secrets:
// a token reply cut short, portico-local's ready line, a proxy page that echoes the request's
// Authorization header. Masks the value of every JSON member or form/query field whose name says
// it is a secret, Bearer and Basic credentials, and anything shaped like a JWT. A value cut off by
// the end of the body is masked too, so not even its start is shown.
QString withoutSecrets(QString text)
{
    static const QRegularExpression member(
        uR"re(("[^"]*(?:token|key|secret|password|signature|assertion)[^"]*"\s*:\s*")(?:[^"\\]|\\.)*)re"_qs,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression field(
        uR"re(\b([\w-]*(?:token|key|secret|password|signature|assertion|sig)[\w-]*=)[^&\s"'<]+)re"_qs,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression credentials(uR"re(\b(Bearer|Basic)\s+[\w\-.~+/]+=*)re"_qs,
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(uR"re(\beyJ[\w-]{6,}(?:\.[\w-]*){0,2})re"_qs);
    const QString mask = secretMask.toString();
    text.replace(member, u"\\1"_qs + mask);
    text.replace(field, u"\\1"_qs + mask);
    text.replace(credentials, u"\\1 "_qs + mask);
    text.replace(jwt, mask);
    return text;
}

// Printable excerpt of an arbitrary body without its secrets: invalid UTF-8 becomes U+FFFD,
// control characters are dropped, the length is bounded.
QString excerpt(const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = withoutSecrets(decoder(body.left(excerptChars * 4)));
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), excerptChars));
    for (const QChar c : std::as_const(text)) {
        if (out.size() >= excerptChars)
            break;
        if (c.isPrint() || c == u' ')
            out.append(c);
        else if (c == u'\n' || c == u'\t' || c == u'\r')
            out.append(u' ');
    }
    return out.trimmed();
}

QString stringOf(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

QList<ErrorDetail> detailsOf(const QJsonValue &value)
{
    QList<ErrorDetail> details;
    if (!value.isArray())
        return details; // APIM sends "details": null when there is nothing to add
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            continue;
        const QJsonObject object = item.toObject();
        details.append({ stringOf(object.value(u"code"_qs)), stringOf(object.value(u"message"_qs)),
                         stringOf(object.value(u"target"_qs)) });
        if (details.size() >= 100)
            break;
    }
    return details;
}

QString describeParseError(const QJsonParseError &error)
{
    return u"Malformed JSON at offset %1: %2"_qs.arg(error.offset).arg(error.errorString());
}

} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Error error = Error::make(Error::Kind::Protocol, describeParseError(parseError));
        error.technical = excerpt(body);
        return error;
    }
    if (!document.isObject())
        return Error::make(Error::Kind::Protocol, u"Expected a JSON object."_qs);
    return document.object();
}

Error::Kind errorKindForStatus(int httpStatus)
{
    switch (httpStatus) {
    case 401:
        return Error::Kind::Unauthorized;
    case 403: // ARM AuthorizationFailed: signed in, but the role does not allow this
        return Error::Kind::Forbidden;
    case 404:
        return Error::Kind::NotFound;
    case 409:
    case 412:
        return Error::Kind::Conflict;
    case 408:
    case 504:
        return Error::Kind::Timeout;
    default:
        return Error::Kind::Http;
    }
}

Error parseArmError(int httpStatus, const QByteArray &body)
{
    Error error;
    error.kind = errorKindForStatus(httpStatus);
    error.httpStatus = httpStatus;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject root = document.object();
        const QJsonValue envelope = root.value(u"error"_qs);
        if (envelope.isObject()) { // ARM / AzureML
            const QJsonObject e = envelope.toObject();
            error.code = stringOf(e.value(u"code"_qs));
            error.message = stringOf(e.value(u"message"_qs));
            error.target = stringOf(e.value(u"target"_qs));
            error.details = detailsOf(e.value(u"details"_qs));
        } else if (envelope.isString()) { // OAuth 2.0 token endpoint
            error.code = envelope.toString();
            error.message = stringOf(root.value(u"error_description"_qs));
        } else { // APIM flat body or the gateway's {statusCode, message}
            error.code = stringOf(root.value(u"code"_qs));
            error.message = stringOf(root.value(u"message"_qs));
            error.target = stringOf(root.value(u"target"_qs));
            error.details = detailsOf(root.value(u"details"_qs));
        }
    } else if (!body.isEmpty()) {
        error.technical = excerpt(body);
    }

    if (httpStatus == 412 && error.code.isEmpty())
        error.code = u"PreconditionFailed"_qs;
    if (error.message.isEmpty()) {
        error.message = httpStatus == 412
            ? u"The resource was changed since it was read (ETag mismatch)."_qs
            : u"The server answered HTTP %1."_qs.arg(httpStatus);
    }
    return error;
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool allDigits = true;
    for (const char c : trimmed)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        if (trimmed.size() > 9) // more than ~31 years in seconds: cap rather than overflow
            return maxRetryAfterMs;
        return qMin(trimmed.toLongLong() * 1000, maxRetryAfterMs);
    }
    if (trimmed.startsWith('-')) {
        bool ok = false;
        trimmed.toLongLong(&ok);
        return ok ? std::optional<qint64>(0) : std::nullopt;
    }
    // IMF-fixdate (RFC 9110), e.g. "Thu, 26 Nov 2026 10:00:10 GMT"
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_qs);
    when.setTimeZone(QTimeZone::utc());
    if (!when.isValid())
        return std::nullopt;
    return qBound<qint64>(0, now.msecsTo(when), maxRetryAfterMs);
}

Result<ArmPage> parsePage(const QByteArray &body)
{
    auto object = parseJsonObject(body);
    if (!object)
        return object.error();
    const QJsonValue value = object->value(u"value"_qs);
    if (!value.isArray())
        return Error::make(Error::Kind::Protocol, u"The list reply has no \"value\" array."_qs);
    ArmPage page;
    const QJsonArray items = value.toArray();
    page.items.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject())
            return Error::make(Error::Kind::Protocol,
                               u"Item %1 of the list reply is not an object."_qs.arg(i));
        page.items.append(items.at(i).toObject());
    }
    const QJsonValue next = object->value(u"nextLink"_qs);
    if (next.isString() && !next.toString().isEmpty()) {
        const QUrl url(next.toString(), QUrl::StrictMode);
        if (!url.isValid() || url.isRelative())
            return Error::make(Error::Kind::Protocol, u"The nextLink is not an absolute URL."_qs);
        page.nextLink = url;
    } else if (!next.isUndefined() && !next.isNull() && !next.isString()) {
        return Error::make(Error::Kind::Protocol, u"The nextLink is not a string."_qs);
    }
    const QJsonValue count = object->value(u"count"_qs);
    if (count.isDouble()) {
        const double d = count.toDouble();
        if (std::isfinite(d) && d >= 0 && d <= double(std::numeric_limits<qint64>::max() / 2))
            page.count = qint64(d);
    }
    return page;
}

OperationState operationStateFromString(const QString &status)
{
    if (status.compare(u"Succeeded"_qs, Qt::CaseInsensitive) == 0)
        return OperationState::Succeeded;
    if (status.compare(u"Failed"_qs, Qt::CaseInsensitive) == 0)
        return OperationState::Failed;
    if (status.compare(u"Canceled"_qs, Qt::CaseInsensitive) == 0
        || status.compare(u"Cancelled"_qs, Qt::CaseInsensitive) == 0)
        return OperationState::Canceled;
    return OperationState::InProgress;
}

Result<OperationStatus> parseOperationStatus(const QByteArray &body)
{
    auto object = parseJsonObject(body);
    if (!object)
        return object.error();
    const QJsonValue status = object->value(u"status"_qs);
    if (!status.isString() || status.toString().isEmpty())
        return Error::make(Error::Kind::Protocol, u"The operation status has no \"status\"."_qs);
    OperationStatus result;
    result.status = status.toString().left(100);
    result.state = operationStateFromString(result.status);
    const QJsonValue percent = object->value(u"percentComplete"_qs);
    if (percent.isDouble() && std::isfinite(percent.toDouble()))
        result.percentComplete = int(qBound(0.0, percent.toDouble(), 100.0));
    if (result.state == OperationState::Failed || result.state == OperationState::Canceled) {
        const QJsonObject e = object->value(u"error"_qs).toObject();
        result.error.kind = result.state == OperationState::Canceled ? Error::Kind::Cancelled
                                                                      : Error::Kind::Http;
        result.error.code = stringOf(e.value(u"code"_qs));
        result.error.message = stringOf(e.value(u"message"_qs));
        result.error.target = stringOf(e.value(u"target"_qs));
        result.error.details = detailsOf(e.value(u"details"_qs));
        if (result.error.message.isEmpty())
            result.error.message = u"The operation ended with status %1."_qs.arg(result.status);
    }
    return result;
}

std::optional<QString> provisioningState(const QJsonObject &resource)
{
    const QJsonValue state = resource.value(u"properties"_qs).toObject().value(u"provisioningState"_qs);
    if (!state.isString() || state.toString().isEmpty())
        return std::nullopt;
    return state.toString();
}

} // namespace portico::core
