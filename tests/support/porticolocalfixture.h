// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/tempdir.h"

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace portico::test {

// The real portico-local, started as a child process on ephemeral ports with its own data dir
// (or a given one, to test restarts). start() waits for the ready line and parses it.
class PorticoLocalFixture final
{
public:
    PorticoLocalFixture();
    ~PorticoLocalFixture();

    PorticoLocalFixture(const PorticoLocalFixture &) = delete;
    PorticoLocalFixture &operator=(const PorticoLocalFixture &) = delete;

    static QString executable();

    // Extra arguments are appended after the ephemeral-port defaults, so they win.
    [[nodiscard]] bool start(const QStringList &extraArguments = {}, const QString &dataDir = {});
    // SIGTERM, then wait; returns the exit code (or -1 if it had to be killed).
    int stop();
    // SIGKILL without any chance to clean up (durability tests).
    void kill();

    QString errorString() const { return m_error; }
    QString dataDir() const { return m_dataDir; }
    const QJsonObject &readyLine() const { return m_ready; }
    QUrl managementUrl() const { return QUrl(m_ready.value(u"management"_qs).toString()); }
    QUrl gatewayUrl() const { return QUrl(m_ready.value(u"gateway"_qs).toString()); }
    QUrl gatewayHttpsUrl() const { return QUrl(m_ready.value(u"gatewayHttps"_qs).toString()); }
    QUrl mlUrl() const { return QUrl(m_ready.value(u"ml"_qs).toString()); }
    QString token() const { return m_ready.value(u"token"_qs).toString(); }
    QString mlKey() const { return m_ready.value(u"mlKey"_qs).toString(); }
    QProcess &process() { return *m_process; }

private:
    TempDir m_tempDataDir;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QJsonObject m_ready;
    QString m_error;
};

} // namespace portico::test
