// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QSslCertificate>
#include <QSslKey>

namespace portico::local {

struct CertificateAndKey
{
    QSslCertificate certificate;
    QSslKey privateKey;

    // Lower-case hex SHA-256 of the DER certificate, the value Portico pins.
    QString sha256Fingerprint() const;
};

// The gateway's HTTPS identity: generated once (EC P-256, valid for ten years, subject
// CN=portico-local, SAN localhost/127.0.0.1/::1) and kept in the data dir as
// gateway-cert.pem and gateway-key.pem (0600). Later starts load the same pair, so a pinned
// fingerprint stays valid.
[[nodiscard]] core::Result<CertificateAndKey> loadOrCreateGatewayCertificate(const QString &dataDir);

} // namespace portico::local
