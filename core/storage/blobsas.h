// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/storageaccount.h"

#include <QDateTime>
#include <QString>

namespace portico::core {

// A service SAS for one blob (signed resource "b"), version 2020-12-06 and later
// (create-service-sas): the string-to-sign and the query token BES returns as SasBlobToken.
class BlobSas final
{
public:
    static constexpr QStringView version = u"2020-12-06";

    struct Parameters
    {
        QString permissions = u"r"_qs;    // blob order: racwd
        QDateTime start;                  // optional; UTC
        QDateTime expiry;                 // required; UTC
        QString protocol = u"https,http"_qs;
    };

    // The 16 lines of the string-to-sign; the resource is "/blob/<account>/<container>/<blob>"
    // (URL-decoded; the account appears once, also for the emulator).
    static QByteArray stringToSign(const QString &accountName, const QString &container,
                                   const QString &blob, const Parameters &parameters);
    // "?sv=2020-12-06&st=...&se=...&sr=b&sp=r&spr=https,http&sig=..." (st only when set).
    static QString token(const StorageAccount &account, const QString &container,
                         const QString &blob, const Parameters &parameters);
    // ISO 8601 UTC to the second, as SAS fields are written: 2026-11-26T12:00:00Z.
    static QString formatTime(const QDateTime &time);
};

} // namespace portico::core
