// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/keychainfixture.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

namespace portico::test {

namespace {

// A session bus without <servicedir>: nothing is auto-started on it.
const QByteArray busConfig = R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)";

} // namespace

KeychainFixture::KeychainFixture(SecretService service) : m_service(service) { }

KeychainFixture::~KeychainFixture()
{
    for (QProcess *process : { &m_keyring, &m_bus }) {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(3000))
                process->kill();
            process->waitForFinished(1000);
        }
    }
}

bool KeychainFixture::start()
{
    if (!m_home.isValid()) {
        m_error = u"cannot create a temporary HOME"_qs;
        return false;
    }
    QDir(m_home.path()).mkpath(u"data"_qs);
    QDir(m_home.path()).mkpath(u"runtime"_qs);
    QFile::setPermissions(m_home.filePath(u"runtime"_qs),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!startBus())
        return false;
    if (m_service == SecretService::Absent)
        return true;
    return startKeyring() && waitForSecretService();
}

bool KeychainFixture::startBus()
{
    m_home.write(u"bus.conf"_qs, busConfig);
    m_bus.setProgram(u"dbus-daemon"_qs);
    m_bus.setArguments({ u"--config-file=%1"_qs.arg(m_home.filePath(u"bus.conf"_qs)),
                         u"--nofork"_qs, u"--print-address=1"_qs });
    m_bus.start();
    if (!m_bus.waitForStarted(5000)) {
        m_error = u"dbus-daemon did not start: %1"_qs.arg(m_bus.errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!m_bus.canReadLine() && !deadline.hasExpired())
        m_bus.waitForReadyRead(100);
    m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
    if (m_busAddress.isEmpty()) {
        m_error = u"dbus-daemon printed no address"_qs;
        return false;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
    return true;
}

bool KeychainFixture::startKeyring()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_qs, m_busAddress);
    environment.insert(u"HOME"_qs, m_home.path());
    environment.insert(u"XDG_DATA_HOME"_qs, m_home.filePath(u"data"_qs));
    environment.insert(u"XDG_RUNTIME_DIR"_qs, m_home.filePath(u"runtime"_qs));
    m_keyring.setProcessEnvironment(environment);
    m_keyring.setProgram(u"gnome-keyring-daemon"_qs);
    m_keyring.setArguments({ u"--foreground"_qs, u"--unlock"_qs, u"--components=secrets"_qs });
    m_keyring.start();
    if (!m_keyring.waitForStarted(5000)) {
        m_error = u"gnome-keyring-daemon did not start: %1"_qs.arg(m_keyring.errorString());
        return false;
    }
    // The throwaway password unlocks (and on first use creates) the login keyring.
    m_keyring.write("portico-test-password");
    m_keyring.waitForBytesWritten(5000);
    m_keyring.closeWriteChannel();
    return true;
}

bool KeychainFixture::waitForSecretService()
{
    QDBusConnection bus = QDBusConnection::connectToBus(m_busAddress, u"portico-keychain-fixture"_qs);
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (bus.isConnected()
            && bus.interface()->isServiceRegistered(u"org.freedesktop.secrets"_qs).value())
            return true;
        if (m_keyring.state() == QProcess::NotRunning) {
            m_error = u"gnome-keyring-daemon exited: %1"_qs.arg(
                QString::fromUtf8(m_keyring.readAllStandardError()));
            return false;
        }
        m_keyring.waitForFinished(50); // lets QProcess flush and collect output meanwhile
    }
    m_error = u"the Secret Service did not appear on the private bus (connected: %1, %2); "
              "gnome-keyring-daemon said: %3"_qs.arg(bus.isConnected() ? u"yes"_qs : u"no"_qs,
                                                     bus.lastError().message(),
                                                     QString::fromUtf8(m_keyring.readAllStandardError()
                                                                       + m_keyring.readAllStandardOutput()));
    return false;
}

} // namespace portico::test
