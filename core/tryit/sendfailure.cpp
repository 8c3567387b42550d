// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/sendfailure.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace portico::core {

namespace {

using Kind = SendFailure::Kind;

// Names, not numbers, in the stored form: the history outlives this enum's order.
constexpr std::array<std::pair<Kind, QLatin1StringView>, 14> kindNames { {
    { Kind::Other, QLatin1StringView("other") },
    { Kind::ConnectionRefused, QLatin1StringView("connectionRefused") },
    { Kind::HostNotFound, QLatin1StringView("hostNotFound") },
    { Kind::ConnectTimeout, QLatin1StringView("connectTimeout") },
    { Kind::NoAnswer, QLatin1StringView("noAnswer") },
    { Kind::Deadline, QLatin1StringView("deadline") },
    { Kind::ConnectionClosed, QLatin1StringView("connectionClosed") },
    { Kind::NetworkLost, QLatin1StringView("networkLost") },
    { Kind::Tls, QLatin1StringView("tls") },
    { Kind::Proxy, QLatin1StringView("proxy") },
    { Kind::Cancelled, QLatin1StringView("cancelled") },
    { Kind::BodyTooLarge, QLatin1StringView("bodyTooLarge") },
    { Kind::CannotStoreBody, QLatin1StringView("cannotStoreBody") },
    { Kind::KeyUnavailable, QLatin1StringView("keyUnavailable") },
} };

} // namespace

QJsonObject SendFailure::toJson() const
{
    QJsonObject json;
    for (const auto &[k, name] : kindNames) {
        if (k == kind)
            json.insert(u"kind"_qs, QString(name));
    }
    auto put = [&json](const QString &key, const QJsonValue &value, bool present) {
        if (present)
            json.insert(key, value);
    };
    put(u"host"_qs, host, !host.isEmpty());
    put(u"port"_qs, port, port >= 0);
    put(u"scheme"_qs, scheme, !scheme.isEmpty());
    put(u"timeoutSeconds"_qs, timeoutSeconds, timeoutSeconds > 0);
    put(u"elapsedMs"_qs, elapsedMs, elapsedMs >= 0);
    QJsonArray errors;
    for (const int error : tlsErrors)
        errors.append(error);
    put(u"tlsErrors"_qs, errors, !tlsErrors.isEmpty());
    if (certificate)
        json.insert(u"certificate"_qs, certificate->toJson());
    put(u"pinMismatch"_qs, true, pinMismatch);
    put(u"proxyHost"_qs, proxyHost, !proxyHost.isEmpty());
    put(u"proxyPort"_qs, proxyPort, proxyPort >= 0);
    put(u"limitBytes"_qs, limitBytes, limitBytes > 0);
    put(u"path"_qs, path, !path.isEmpty());
    put(u"subscription"_qs, subscription, !subscription.isEmpty());
    put(u"networkErrorCode"_qs, networkErrorCode, networkErrorCode != 0);
    put(u"detail"_qs, detail, !detail.isEmpty());
    return json;
}

std::optional<SendFailure> SendFailure::fromJson(const QJsonObject &json)
{
    const QString name = json.value(u"kind"_qs).toString();
    if (name.isEmpty())
        return std::nullopt;
    SendFailure failure;
    for (const auto &[k, kindName] : kindNames) {
        if (name == kindName)
            failure.kind = k;
    }
    failure.host = json.value(u"host"_qs).toString();
    failure.port = json.value(u"port"_qs).toInt(-1);
    failure.scheme = json.value(u"scheme"_qs).toString();
    failure.timeoutSeconds = json.value(u"timeoutSeconds"_qs).toInt();
    failure.elapsedMs = json.value(u"elapsedMs"_qs).toInteger(-1);
    for (const QJsonValue &error : json.value(u"tlsErrors"_qs).toArray())
        failure.tlsErrors.append(error.toInt());
    if (json.value(u"certificate"_qs).isObject())
        failure.certificate = Certificate::fromJson(json.value(u"certificate"_qs).toObject());
    failure.pinMismatch = json.value(u"pinMismatch"_qs).toBool();
    failure.proxyHost = json.value(u"proxyHost"_qs).toString();
    failure.proxyPort = json.value(u"proxyPort"_qs).toInt(-1);
    failure.limitBytes = json.value(u"limitBytes"_qs).toInteger();
    failure.path = json.value(u"path"_qs).toString();
    failure.subscription = json.value(u"subscription"_qs).toString();
    failure.networkErrorCode = json.value(u"networkErrorCode"_qs).toInt();
    failure.detail = json.value(u"detail"_qs).toString();
    return failure;
}

} // namespace portico::core
