// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/tempdir.h"

#include <QProcess>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace portico::core {
class BlobClient;
}

namespace portico::test {

// Real Azurite (blob service only) from the project-local npm install (tools/azurite), on a
// free loopback port, with a temporary workspace and telemetry off.
class AzuriteFixture final
{
public:
    static constexpr const char *accountName = "devstoreaccount1";
    static constexpr const char *accountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    AzuriteFixture();
    ~AzuriteFixture();

    AzuriteFixture(const AzuriteFixture &) = delete;
    AzuriteFixture &operator=(const AzuriteFixture &) = delete;

    static QString executable();

    [[nodiscard]] bool start();
    void stop();

    QString errorString() const { return m_error; }
    quint16 port() const { return m_port; }
    // Azurite's (node's) process id, e.g. to stop it answering for a while with SIGSTOP.
    qint64 processId() const { return m_process.processId(); }
    // http://127.0.0.1:<port>/devstoreaccount1
    QUrl blobEndpoint() const;
    // A full connection string for this instance (not the UseDevelopmentStorage shortcut,
    // which implies port 10000).
    QString connectionString() const;
    // A client for this instance's account on `network`, with `container` made; null (and a
    // warning) when the container cannot be made.
    std::unique_ptr<core::BlobClient> clientWithContainer(QNetworkAccessManager *network,
                                                          const QString &container) const;

private:
    TempDir m_workspace;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace portico::test
