// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace portico::core {

// Where an Azure Storage account's blob service is and how to sign for it, parsed from an
// Azure Storage connection string. Holds the decoded account key: never log or persist it.
struct StorageAccount
{
    // The storage emulator's well-known account (Azurite, the old emulator).
    static constexpr QStringView developmentAccountName = u"devstoreaccount1";
    static constexpr QStringView developmentAccountKey =
        u"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    QString name;
    QByteArray key;     // decoded AccountKey; empty when the string carries a SAS instead
    QString sasToken;   // SharedAccessSignature without the leading '?', or empty
    QUrl blobEndpoint;  // e.g. https://acct.blob.core.windows.net or http://127.0.0.1:10000/devstoreaccount1

    // Parses `DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...;EndpointSuffix=...`,
    // `UseDevelopmentStorage=true` (optionally with DevelopmentStorageProxyUri), an explicit
    // `BlobEndpoint=`, and `SharedAccessSignature=` with a BlobEndpoint. Pairs are split on the
    // first '=' (keys end with "=="); names are case-insensitive. Error messages name the
    // problem, never the key.
    static Result<StorageAccount> fromConnectionString(const QString &connectionString);
    // UseDevelopmentStorage=true: http://127.0.0.1:10000/devstoreaccount1.
    static StorageAccount developmentStorage();

    // The URL of a container, or of a blob in it (blob names may contain '/'; each path
    // segment is percent-encoded).
    QUrl containerUrl(const QString &container) const;
    QUrl blobUrl(const QString &container, const QString &blob) const;
};

} // namespace portico::core
