// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/tryitrequest.h"

#include "core/model/urltemplate.h"
#include "core/tryit/wireheaders.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <optional>

namespace portico::core {

QByteArray PreparedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QUrl apiBaseUrl(const QUrl &gatewayUrl, const QString &apiPath)
{
    QString path = gatewayUrl.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    QString suffix = apiPath;
    while (suffix.startsWith(u'/'))
        suffix.remove(0, 1);
    while (suffix.endsWith(u'/'))
        suffix.chop(1);
    if (!suffix.isEmpty())
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(suffix, "/"));
    QUrl base = gatewayUrl;
    base.setPath(path, QUrl::StrictMode);
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}

namespace {

// TryItRequest::typedKey(), with the request's template as prepare() parsed it; parsed here
// only when its query items decide (null `parsed`).
TryItRequest::TypedKey findTypedKey(const TryItRequest &request, const UrlTemplate *parsed)
{
    using TypedKey = TryItRequest::TypedKey;
    const QByteArray header = request.keyHeaderName.toLatin1();
    for (const auto &[name, value] : request.headers) {
        if (!header.isEmpty() && name.compare(header, Qt::CaseInsensitive) == 0)
            return TypedKey::Header;
    }
    // The gateway compares query names exactly (apim-protocol.md 6.2).
    if (request.keyQueryName.isEmpty())
        return TypedKey::None;
    for (const auto &[name, value] : request.queryParameters) {
        if (name == request.keyQueryName)
            return TypedKey::Query;
    }
    std::optional<Result<UrlTemplate>> own;
    if (!parsed) {
        own = UrlTemplate::parse(request.urlTemplate.isEmpty() ? u"/"_qs : request.urlTemplate);
        if (!own->ok())
            return TypedKey::None;
        parsed = &own->value();
    }
    for (const UrlTemplate::QueryItem &item : parsed->queryItems()) {
        if (item.name == request.keyQueryName)
            return TypedKey::Query;
    }
    return TypedKey::None;
}

} // namespace

Result<PreparedRequest> TryItRequest::prepare() const
{
    if (!gatewayUrl.isValid() || gatewayUrl.isRelative()
        || (gatewayUrl.scheme() != u"http"_qs && gatewayUrl.scheme() != u"https"_qs)) {
        Error error = Error::make(Error::Kind::InvalidInput, u"The gateway URL is not an http(s) URL."_qs,
                                  u"InvalidGatewayUrl"_qs);
        error.target = u"gatewayUrl"_qs;
        return error;
    }
    if (method.isEmpty() || method.contains(' ') || method.contains('\n')) {
        Error error = Error::make(Error::Kind::InvalidInput, u"The HTTP method is not valid."_qs, u"InvalidMethod"_qs);
        error.target = u"method"_qs;
        return error;
    }
    auto parsed = UrlTemplate::parse(urlTemplate.isEmpty() ? u"/"_qs : urlTemplate);
    if (!parsed)
        return parsed.error();
    auto relative = parsed->expand(templateValues);
    if (!relative)
        return relative.error();

    QString text = apiBaseUrl(gatewayUrl, apiPath).toString(QUrl::FullyEncoded) + *relative;

    QString extra;
    for (const auto &[name, value] : queryParameters) {
        if (name.isEmpty())
            continue;
        extra += (extra.isEmpty() ? QString() : u"&"_qs) + QString::fromLatin1(QUrl::toPercentEncoding(name))
            + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    const TypedKey typed = findTypedKey(*this, &parsed.value());
    const bool inject = !subscriptionKey.isEmpty() && typed == TypedKey::None;
    if (inject && keyPlacement == KeyPlacement::Query) {
        extra += (extra.isEmpty() ? QString() : u"&"_qs) + QString::fromLatin1(QUrl::toPercentEncoding(keyQueryName))
            + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(subscriptionKey));
    }
    if (!extra.isEmpty())
        text += (text.contains(u'?') ? u'&' : u'?') + extra;

    PreparedRequest prepared;
    prepared.method = method.toUpper();
    prepared.typedKey = typed;
    prepared.url = QUrl(text, QUrl::StrictMode);
    if (!prepared.url.isValid()) {
        Error error = Error::make(Error::Kind::InvalidInput, u"The resulting URL is not valid."_qs, u"InvalidUrl"_qs);
        error.technical = prepared.url.errorString();
        return error;
    }
    bool hasContentType = false;
    for (const auto &[name, value] : headers) {
        if (name.isEmpty())
            continue;
        if (name.contains(':') || name.contains('\n') || value.contains('\n') || value.contains('\r')) {
            Error error = Error::make(Error::Kind::InvalidInput, u"A header name or value is not valid."_qs,
                                      u"InvalidHeader"_qs);
            error.target = QString::fromLatin1(name);
            return error;
        }
        hasContentType = hasContentType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
        prepared.headers.append({ name, value });
    }
    if (!body.isEmpty() && !hasContentType)
        prepared.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    if (inject && keyPlacement == KeyPlacement::Header)
        prepared.headers.append({ keyHeaderName.toLatin1(), subscriptionKey.toUtf8() });
    prepared.body = body;
    return prepared;
}

TryItRequest::TypedKey TryItRequest::typedKey() const
{
    return findTypedKey(*this, nullptr);
}

Result<PreparedRequest> TryItRequest::preview() const
{
    auto prepared = prepare();
    if (!prepared)
        return prepared;
    PreparedRequest masked = *prepared;
    masked.url = redactUrl(masked.url, secretQueryNames());
    masked.headers = redactHeaders(wireHeaders(masked), secretHeaderNames(), secretQueryNames());
    return masked;
}

QStringList TryItRequest::secretValues() const
{
    QStringList values;
    if (!subscriptionKey.isEmpty())
        values.append(subscriptionKey);
    for (const auto &[name, value] : headers) {
        if (isSecretHeader(name, secretHeaderNames())) {
            const QString text = QString::fromUtf8(value);
            values.append(text);
            const qsizetype space = text.indexOf(u' ');
            if (space > 0)
                values.append(text.mid(space + 1)); // "Bearer <token>": the token alone too
        }
    }
    for (const auto &[name, value] : queryParameters) {
        if (isSecretQueryItem(name, secretQueryNames()))
            values.append(value);
    }
    for (const QString &name : secretTemplateParameters())
        values.append(templateValues.value(name));
    values.removeAll(QString());
    return values;
}

QStringList TryItRequest::secretTemplateParameters() const
{
    QStringList names;
    for (auto it = templateValues.begin(); it != templateValues.end(); ++it) {
        if (isSecretQueryItem(it.key(), secretQueryNames()))
            names.append(it.key());
    }
    // A template that does not parse is still stored: the names alone decide then.
    if (const auto parsed = UrlTemplate::parse(urlTemplate.isEmpty() ? u"/"_qs : urlTemplate); parsed.ok()) {
        for (const UrlTemplate::QueryItem &item : parsed->queryItems()) {
            if (item.kind == UrlTemplate::QueryItem::Kind::Parameter && !names.contains(item.parameter)
                && isSecretQueryItem(item.name, secretQueryNames()))
                names.append(item.parameter);
        }
    }
    return names;
}

QJsonObject TryItRequest::toJson() const
{
    const QStringList secretParameters = secretTemplateParameters();
    QJsonObject values;
    for (auto it = templateValues.begin(); it != templateValues.end(); ++it) {
        const bool secret = secretParameters.contains(it.key()) && !it.value().isEmpty();
        values.insert(it.key(), secret ? secretMask.toString() : it.value());
    }
    QJsonArray query;
    for (const auto &[name, value] : queryParameters)
        query.append(QJsonArray { name, isSecretQueryItem(name, secretQueryNames()) ? secretMask.toString() : value });
    QJsonArray headerArray;
    for (const auto &[name, value] : redactHeaders(headers, secretHeaderNames(), secretQueryNames()))
        headerArray.append(QJsonArray { QString::fromLatin1(name), QString::fromUtf8(value) });
    return {
        { u"apiId"_qs, apiId },
        { u"operationId"_qs, operationId },
        { u"operationName"_qs, operationName },
        { u"method"_qs, QString::fromLatin1(method) },
        { u"gatewayUrl"_qs, gatewayUrl.toString() },
        { u"apiPath"_qs, apiPath },
        { u"urlTemplate"_qs, urlTemplate },
        { u"templateValues"_qs, values },
        { u"query"_qs, query },
        { u"headers"_qs, headerArray },
        { u"body"_qs, QString::fromUtf8(scrubSecrets(body, secretValues())) },
        { u"subscriptionName"_qs, subscriptionName },
        { u"subscriptionId"_qs, subscriptionId },
        { u"keyHeaderName"_qs, keyHeaderName },
        { u"keyQueryName"_qs, keyQueryName },
        { u"keyPlacement"_qs, keyPlacement == KeyPlacement::Query ? u"query"_qs : u"header"_qs },
    };
}

TryItRequest TryItRequest::fromJson(const QJsonObject &object)
{
    TryItRequest request;
    request.apiId = object.value(u"apiId"_qs).toString();
    request.operationId = object.value(u"operationId"_qs).toString();
    request.operationName = object.value(u"operationName"_qs).toString();
    request.method = object.value(u"method"_qs).toString().toLatin1();
    request.gatewayUrl = QUrl(object.value(u"gatewayUrl"_qs).toString());
    request.apiPath = object.value(u"apiPath"_qs).toString();
    request.urlTemplate = object.value(u"urlTemplate"_qs).toString();
    const QJsonObject values = object.value(u"templateValues"_qs).toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        request.templateValues.insert(it.key(), it.value().toString());
    for (const QJsonValue &item : object.value(u"query"_qs).toArray())
        request.queryParameters.append({ item.toArray().at(0).toString(), item.toArray().at(1).toString() });
    for (const QJsonValue &item : object.value(u"headers"_qs).toArray())
        request.headers.append({ item.toArray().at(0).toString().toLatin1(), item.toArray().at(1).toString().toUtf8() });
    request.body = object.value(u"body"_qs).toString().toUtf8();
    request.subscriptionName = object.value(u"subscriptionName"_qs).toString();
    request.subscriptionId = object.value(u"subscriptionId"_qs).toString();
    request.keyHeaderName = object.value(u"keyHeaderName"_qs).toString(request.keyHeaderName);
    request.keyQueryName = object.value(u"keyQueryName"_qs).toString(request.keyQueryName);
    request.keyPlacement = object.value(u"keyPlacement"_qs).toString() == u"query"_qs ? KeyPlacement::Query
                                                                                   : KeyPlacement::Header;
    return request;
}

} // namespace portico::core
