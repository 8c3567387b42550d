// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/environments/localsupervisor.h"

#include "core/secrets/secretstore.h"

#include <QDir>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcSupervisor, "portico.core.environments")

namespace portico::core {

namespace {

constexpr qsizetype stderrTailBytes = 4096;
constexpr qsizetype maxReadyLineBytes = 64 * 1024;
constexpr int stopGraceMs = 5000;

QString newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

LocalSupervisor::LocalSupervisor(SecretStore *secrets, QString environmentId, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_environmentId(std::move(environmentId))
{
    m_clock.start();
    m_readyTimer.setSingleShot(true);
    m_restartTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_readyTimer, &QTimer::timeout, this, [this] {
        if (m_process) {
            m_process->disconnect(this);
            m_process->kill();
            m_process.release()->deleteLater();
        }
        fail(Error::make(Error::Kind::Timeout,
                         u"portico-local did not report ready within %1 s."_qs.arg(m_readyTimeoutMs / 1000)));
    });
    connect(&m_restartTimer, &QTimer::timeout, this, &LocalSupervisor::spawn);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
}

LocalSupervisor::~LocalSupervisor()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->terminate();
        // QProcess's destructor kills and reaps what did not exit on SIGTERM.
    }
}

void LocalSupervisor::setRestartPolicy(int maxRestarts, int restartWindowMs, int backoffMs)
{
    m_maxRestarts = maxRestarts;
    m_restartWindowMs = restartWindowMs;
    m_backoffMs = backoffMs;
}

qint64 LocalSupervisor::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void LocalSupervisor::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void LocalSupervisor::start()
{
    if (m_state == State::Starting || m_state == State::Running || m_state == State::Restarting)
        return;
    if (m_program.isEmpty()) {
        fail(Error::make(Error::Kind::InvalidInput, u"No portico-local executable is configured."_qs));
        return;
    }
    if (m_dataDir.isEmpty())
        m_dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                        .filePath(u"local/"_qs + m_environmentId);
    m_restarts = 0;
    m_crashTimes.clear();
    setState(State::Starting);
    withToken();
}

void LocalSupervisor::withToken()
{
    if (!m_secrets) {
        fail(Error::make(Error::Kind::Unavailable, u"No secret store."_qs));
        return;
    }
    const QString key = SecretStore::makeKey(m_environmentId, tokenPurpose);
    SecretJob *read = m_secrets->read(key);
    connect(read, &SecretJob::finished, this, [this, read, key] {
        if (m_state != State::Starting)
            return;
        if (read->result().ok() && !read->result().value().isEmpty()) {
            m_token = read->result().value();
            spawn();
            return;
        }
        if (!read->result().ok() && read->result().error().kind != Error::Kind::NotFound) {
            fail(read->result().error());
            return;
        }
        const QString token = newToken();
        SecretJob *write = m_secrets->write(key, token);
        connect(write, &SecretJob::finished, this, [this, write, token] {
            if (m_state != State::Starting)
                return;
            if (!write->result().ok()) {
                fail(write->result().error());
                return;
            }
            m_token = token;
            spawn();
        });
    });
}

QStringList LocalSupervisor::argumentsForSpawn() const
{
    QStringList arguments { u"--data-dir"_qs, m_dataDir };
    if (m_endpoints.management.isValid()) {
        // A restart keeps the URLs clients already use.
        arguments << u"--management-port"_qs << QString::number(m_endpoints.management.port())
                  << u"--gateway-port"_qs << QString::number(m_endpoints.gateway.port())
                  << u"--ml-port"_qs << QString::number(m_endpoints.ml.port());
        if (m_endpoints.gatewayHttps.isValid())
            arguments << u"--gateway-https-port"_qs << QString::number(m_endpoints.gatewayHttps.port());
        return arguments;
    }
    if (m_arguments.isEmpty())
        return arguments + QStringList { u"--management-port"_qs, u"0"_qs, u"--gateway-port"_qs, u"0"_qs,
                                         u"--gateway-https-port"_qs, u"0"_qs, u"--ml-port"_qs, u"0"_qs };
    return arguments + m_arguments;
}

void LocalSupervisor::spawn()
{
    m_stdout.clear();
    m_stderrTail.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_program);
    m_process->setArguments(argumentsForSpawn());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PORTICO_LOCAL_TOKEN"_qs, m_token);
    m_process->setProcessEnvironment(environment);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &LocalSupervisor::onReadyRead);
    connect(m_process.get(), &QProcess::readyReadStandardError, this, [this] {
        m_stderrTail += m_process->readAllStandardError();
        if (m_stderrTail.size() > stderrTailBytes)
            m_stderrTail = m_stderrTail.right(stderrTailBytes);
    });
    connect(m_process.get(), &QProcess::finished, this, &LocalSupervisor::onFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        m_readyTimer.stop();
        m_process->disconnect(this);
        m_process.release()->deleteLater();
        fail(Error::make(Error::Kind::Unavailable, u"Cannot start %1."_qs.arg(m_program)));
    });
    m_readyTimer.start(m_readyTimeoutMs);
    qCInfo(lcSupervisor) << "starting portico-local for" << m_environmentId;
    m_process->start();
}

void LocalSupervisor::onReadyRead()
{
    if (!m_process)
        return;
    if (m_state == State::Running) {
        m_process->readAllStandardOutput(); // only the first line means anything
        return;
    }
    m_stdout += m_process->readAllStandardOutput();
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0) {
        if (m_stdout.size() > maxReadyLineBytes) {
            m_readyTimer.stop();
            m_process->disconnect(this);
            m_process->kill();
            m_process.release()->deleteLater();
            fail(Error::make(Error::Kind::Protocol, u"portico-local printed no ready line."_qs));
        }
        return;
    }
    m_readyTimer.stop();
    auto endpoints = LocalEndpoints::fromReadyLine(m_stdout.left(newline));
    m_stdout.clear();
    if (!endpoints) {
        m_process->disconnect(this);
        m_process->kill();
        m_process.release()->deleteLater();
        fail(endpoints.error());
        return;
    }
    m_endpoints = *endpoints;
    const bool wasRestart = m_state == State::Restarting;
    setState(State::Running);
    if (wasRestart)
        Q_EMIT restarted(m_restarts);
    Q_EMIT ready(m_endpoints);
}

void LocalSupervisor::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_readyTimer.stop();
    m_killTimer.stop();
    m_process.release()->deleteLater();
    if (m_state == State::Stopping || m_state == State::Stopped) {
        setState(State::Stopped);
        Q_EMIT stopped();
        return;
    }
    const QString tail = QString::fromUtf8(m_stderrTail).trimmed();
    const int code = status == QProcess::CrashExit ? -1 : exitCode;
    qCWarning(lcSupervisor) << "portico-local ended unexpectedly, exit" << code;
    Q_EMIT crashed(code, tail);
    if (m_state == State::Starting && !m_endpoints.management.isValid()) {
        // Never came up: a configuration problem (data dir locked, port taken), not a crash.
        Error error = Error::make(Error::Kind::Unavailable, u"portico-local exited with code %1."_qs.arg(code));
        error.technical = tail.right(1000);
        fail(error);
        return;
    }
    const qint64 now = m_clock.elapsed();
    m_crashTimes.append(now);
    while (!m_crashTimes.isEmpty() && now - m_crashTimes.first() > m_restartWindowMs)
        m_crashTimes.removeFirst();
    if (m_crashTimes.size() > m_maxRestarts) {
        Error error = Error::make(Error::Kind::Unavailable,
                                  u"portico-local keeps crashing (%1 times within %2 s); not restarting."_qs
                                      .arg(m_crashTimes.size())
                                      .arg(m_restartWindowMs / 1000));
        error.technical = tail.right(1000);
        fail(error);
        return;
    }
    ++m_restarts;
    setState(State::Restarting);
    m_restartTimer.start(m_backoffMs * int(m_crashTimes.size()));
}

void LocalSupervisor::stop()
{
    m_restartTimer.stop();
    m_readyTimer.stop();
    if (!m_process) {
        setState(State::Stopped);
        return;
    }
    setState(State::Stopping);
    m_process->terminate();
    m_killTimer.start(stopGraceMs);
}

void LocalSupervisor::fail(Error error)
{
    m_restartTimer.stop();
    setState(State::Failed);
    Q_EMIT failed(error);
}

} // namespace portico::core
