// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/porticolocalfixture.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace portico::test {

PorticoLocalFixture::PorticoLocalFixture() = default;

PorticoLocalFixture::~PorticoLocalFixture()
{
    stop();
}

QString PorticoLocalFixture::executable()
{
    return QStringLiteral(PORTICO_LOCAL_EXECUTABLE);
}

bool PorticoLocalFixture::start(const QStringList &extraArguments, const QString &dataDir)
{
    m_dataDir = dataDir.isEmpty() ? m_tempDataDir.path() : dataDir;
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(executable());
    m_process->setArguments(QStringList { u"--data-dir"_qs, m_dataDir, u"--management-port"_qs,
                                          u"0"_qs, u"--gateway-port"_qs, u"0"_qs,
                                          u"--gateway-https-port"_qs, u"0"_qs, u"--ml-port"_qs,
                                          u"0"_qs }
                            + extraArguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(30000);
    while (!m_process->canReadLine() && !deadline.hasExpired()
           && m_process->state() == QProcess::Running)
        m_process->waitForReadyRead(100);
    if (!m_process->canReadLine()) {
        m_process->waitForFinished(1000);
        m_error = u"no ready line; stderr: %1"_qs.arg(
            QString::fromUtf8(m_process->readAllStandardError()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument ready = QJsonDocument::fromJson(m_process->readLine(), &parseError);
    if (!ready.isObject()) {
        m_error = u"ready line is not a JSON object: %1"_qs.arg(parseError.errorString());
        return false;
    }
    m_ready = ready.object();
    return true;
}

int PorticoLocalFixture::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(3000);
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void PorticoLocalFixture::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

} // namespace portico::test
