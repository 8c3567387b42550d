// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/azuritefixture.h"

#include "core/storage/blobclient.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>

namespace portico::test {

namespace {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

AzuriteFixture::AzuriteFixture() = default;

AzuriteFixture::~AzuriteFixture()
{
    stop();
}

QString AzuriteFixture::executable()
{
    return QStringLiteral(PORTICO_AZURITE_DIR) + u"/node_modules/.bin/azurite-blob"_qs;
}

bool AzuriteFixture::start()
{
    if (!QFileInfo(executable()).isExecutable()) {
        m_error = u"Azurite is not installed at %1; run ./test.sh or npm ci in tools/azurite"_qs.arg(
            executable());
        return false;
    }
    // A port taken between probing and Azurite's bind shows up as an early exit; try again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeLoopbackPort();
        m_process.setProgram(executable());
        m_process.setArguments({ u"--blobHost"_qs, u"127.0.0.1"_qs, u"--blobPort"_qs,
                                 QString::number(m_port), u"--location"_qs, m_workspace.path(),
                                 u"--silent"_qs, u"--skipApiVersionCheck"_qs, u"--loose"_qs,
                                 u"--disableTelemetry"_qs });
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            m_error = m_process.errorString();
            return false;
        }
        QByteArray output;
        const QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            output += m_process.readAll();
            if (output.contains("successfully listens"))
                return true;
        }
        m_error = u"Azurite did not start: %1"_qs.arg(QString::fromUtf8(output));
        stop();
    }
    return false;
}

void AzuriteFixture::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QUrl AzuriteFixture::blobEndpoint() const
{
    return QUrl(u"http://127.0.0.1:%1/%2"_qs.arg(m_port).arg(QLatin1StringView(accountName)));
}

QString AzuriteFixture::connectionString() const
{
    return u"DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;BlobEndpoint=%3;"_qs.arg(
        QLatin1StringView(accountName), QLatin1StringView(accountKey), blobEndpoint().toString());
}

std::unique_ptr<core::BlobClient> AzuriteFixture::clientWithContainer(QNetworkAccessManager *network,
                                                                     const QString &container) const
{
    auto account = core::StorageAccount::fromConnectionString(connectionString());
    if (!account) {
        qWarning("%s", qPrintable(account.error().toString()));
        return {};
    }
    auto client = std::make_unique<core::BlobClient>(account.value(), network);
    auto *job = client->createContainer(container);
    QSignalSpy done(job, &core::BlobJob::finished);
    if (!done.wait(20000) || !job->result()) {
        qWarning("cannot make the container %s: %s", qPrintable(container),
                 qPrintable(job->isFinished() ? job->result().error().toString() : u"no answer"_qs));
        return {};
    }
    job->deleteLater();
    return client;
}

} // namespace portico::test
