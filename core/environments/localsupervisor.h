// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/environments/localendpoints.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace portico::core {

class SecretStore;

// Starts portico-local as a child process and keeps it running:
//   - the management token comes from the SecretStore ("<environment id>/local-token"; created
//     on first use) and reaches the child through PORTICO_LOCAL_TOKEN, never the command line;
//   - the JSON ready line is read (with a deadline) and announced through ready();
//   - a crash is reported (crashed()) and the child restarted on the same ports after a short
//     backoff (restarted()); more than maxRestarts crashes within restartWindowMs give up
//     (state Failed, failed());
//   - stop() ends it with SIGTERM (SIGKILL after a grace period); the destructor does the same,
//     so the child never outlives Portico.
class LocalSupervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSupervisor)

public:
    enum class State { Stopped, Starting, Running, Restarting, Stopping, Failed };
    Q_ENUM(State)

    static constexpr QLatin1StringView tokenPurpose { "local-token" };

    LocalSupervisor(SecretStore *secrets, QString environmentId, QObject *parent = nullptr);
    ~LocalSupervisor() override;

    void setProgram(QString program) { m_program = std::move(program); }
    void setDataDir(QString dataDir) { m_dataDir = std::move(dataDir); }
    // Extra portico-local arguments, e.g. {"--management-port","0",…}; the default uses
    // ephemeral ports for every listener and pins them after the first start.
    void setArguments(QStringList arguments) { m_arguments = std::move(arguments); }
    void setRestartPolicy(int maxRestarts, int restartWindowMs, int backoffMs);
    void setReadyTimeoutMs(int ms) { m_readyTimeoutMs = ms; }

    void start();
    void stop();

    State state() const { return m_state; }
    // Valid while Running.
    const LocalEndpoints &endpoints() const { return m_endpoints; }
    int restartCount() const { return m_restarts; }
    qint64 processId() const;

Q_SIGNALS:
    void stateChanged(portico::core::LocalSupervisor::State state);
    void ready(const portico::core::LocalEndpoints &endpoints);
    // The child ended without being asked to; stderrTail is its last stderr lines.
    void crashed(int exitCode, const QString &stderrTail);
    void restarted(int restartCount);
    void failed(const portico::core::Error &error);
    void stopped();

private:
    void setState(State state);
    void withToken();
    void spawn();
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fail(Error error);
    QStringList argumentsForSpawn() const;

    QPointer<SecretStore> m_secrets;
    QString m_environmentId;
    QString m_program;
    QString m_dataDir;
    QStringList m_arguments;
    QString m_token;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderrTail;
    QTimer m_readyTimer;
    QTimer m_restartTimer;
    QTimer m_killTimer;
    LocalEndpoints m_endpoints;
    QList<qint64> m_crashTimes;
    QElapsedTimer m_clock;
    State m_state = State::Stopped;
    int m_restarts = 0;
    int m_maxRestarts = 5;
    int m_restartWindowMs = 60'000;
    int m_backoffMs = 500;
    int m_readyTimeoutMs = 30'000;
};

} // namespace portico::core
