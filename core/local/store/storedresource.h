// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace portico::local {

// One ARM resource as the management store keeps it. Every resource of portico-local
// (subscription-level resource groups, services and all of a service's children) is one row:
// the JSON envelope exactly as GET serves it, plus what must never be served.
struct StoredResource
{
    QString key;         // the ARM id, lower-cased: ARM ids compare case-insensitively
    QString parentKey;   // the parent's key ("" for resource groups)
    QString kind;        // the collection segment: resourceGroups, service, apis, operations, ...
    QString name;        // last id segment, as the client spelled it on create
    QString displayName; // properties.displayName (or name), for $filter and ordering
    QString uniqueKey;   // what must be unique among siblings (API path, user email, ...)
    quint64 etag = 0;    // bumped by every write; rendered by etagHeader()
    QJsonObject body;    // {id, type, name, properties, ...}: never holds a secret
    QJsonObject privateData; // subscription keys, secret named values, raw policy text
    QByteArray storedBody;   // body as stored (compact JSON); only filled by reads

    QString id() const { return body.value(QLatin1StringView("id")).toString(); }
    QJsonObject properties() const
    {
        return body.value(QLatin1StringView("properties")).toObject();
    }
    // The quoted, opaque ETag (e.g. "AAAAAAAAAAM="), as ARM renders a row version.
    QByteArray etagHeader() const;
};

} // namespace portico::local
