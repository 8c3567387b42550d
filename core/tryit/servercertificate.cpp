// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/servercertificate.h"

#include <QJsonArray>
#include <QSslCertificate>

namespace portico::core {

namespace {

QString dateToJson(const QDateTime &date)
{
    return date.isValid() ? date.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime dateFromJson(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate);
}

} // namespace

ServerCertificate ServerCertificate::from(const QSslCertificate &certificate)
{
    return { certificate.subjectDisplayName(), certificate.issuerDisplayName(), certificate.effectiveDate(),
             certificate.expiryDate(), QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()) };
}

QJsonObject ServerCertificate::toJson() const
{
    return { { u"subject"_qs, subject },
             { u"issuer"_qs, issuer },
             { u"notBefore"_qs, dateToJson(notBefore) },
             { u"notAfter"_qs, dateToJson(notAfter) },
             { u"sha256"_qs, sha256Fingerprint } };
}

ServerCertificate ServerCertificate::fromJson(const QJsonObject &json)
{
    return { json.value(u"subject"_qs).toString(), json.value(u"issuer"_qs).toString(),
             dateFromJson(json.value(u"notBefore"_qs)), dateFromJson(json.value(u"notAfter"_qs)),
             json.value(u"sha256"_qs).toString() };
}

TlsCertificateInfo TlsCertificateInfo::from(const QSslCertificate &certificate)
{
    TlsCertificateInfo info;
    static_cast<ServerCertificate &>(info) = ServerCertificate::from(certificate);
    return info;
}

QJsonObject TlsCertificateInfo::toJson() const
{
    QJsonObject json = ServerCertificate::toJson();
    QJsonArray kinds;
    for (const int kind : errorKinds)
        kinds.append(kind);
    json.insert(u"errors"_qs, QJsonArray::fromStringList(errors));
    json.insert(u"errorKinds"_qs, kinds);
    json.insert(u"pinned"_qs, pinned);
    return json;
}

TlsCertificateInfo TlsCertificateInfo::fromJson(const QJsonObject &json)
{
    TlsCertificateInfo info;
    static_cast<ServerCertificate &>(info) = ServerCertificate::fromJson(json);
    for (const QJsonValue &error : json.value(u"errors"_qs).toArray())
        info.errors.append(error.toString());
    for (const QJsonValue &kind : json.value(u"errorKinds"_qs).toArray())
        info.errorKinds.append(kind.toInt());
    info.pinned = json.value(u"pinned"_qs).toBool();
    return info;
}

} // namespace portico::core
