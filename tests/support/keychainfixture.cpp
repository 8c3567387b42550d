// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/keychainfixture.h"

#include <QDBusConnection>
#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
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

const QString kSecrets = u"org.freedesktop.secrets"_qs;
const QString kSecretsPath = u"/org/freedesktop/secrets"_qs;
const QString kServiceInterface = u"org.freedesktop.Secret.Service"_qs;
const QByteArray kPassword = QByteArrayLiteral("portico-test-password");

QDBusConnection fixtureBus(const QString &address)
{
    return QDBusConnection::connectToBus(address, u"portico-keychain-fixture"_qs);
}

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
    m_keyring.write(kPassword);
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

namespace portico::test {

QString KeychainFixture::defaultCollection()
{
    QDBusMessage call = QDBusMessage::createMethodCall(kSecrets, kSecretsPath, kServiceInterface, u"ReadAlias"_qs);
    call << u"default"_qs;
    const QDBusReply<QDBusObjectPath> reply = fixtureBus(m_busAddress).call(call);
    if (!reply.isValid() || reply.value().path() == u"/"_qs) {
        m_error = u"no default collection: %1"_qs.arg(reply.error().message());
        return {};
    }
    return reply.value().path();
}

bool KeychainFixture::isLocked()
{
    const QString collection = defaultCollection();
    if (collection.isEmpty())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(kSecrets, collection, u"org.freedesktop.DBus.Properties"_qs,
                                                       u"Get"_qs);
    call << u"org.freedesktop.Secret.Collection"_qs << u"Locked"_qs;
    const QDBusReply<QDBusVariant> reply = fixtureBus(m_busAddress).call(call);
    return reply.isValid() && reply.value().variant().toBool();
}

bool KeychainFixture::lock()
{
    const QString collection = defaultCollection();
    if (collection.isEmpty())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(kSecrets, kSecretsPath, kServiceInterface, u"Lock"_qs);
    call << QVariant::fromValue(QList<QDBusObjectPath> { QDBusObjectPath(collection) });
    const QDBusMessage reply = fixtureBus(m_busAddress).call(call);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        m_error = u"Lock failed: %1"_qs.arg(reply.errorMessage());
        return false;
    }
    if (!isLocked()) {
        m_error = u"the collection %1 is still unlocked after Lock"_qs.arg(collection);
        return false;
    }
    return true;
}

bool KeychainFixture::unlock()
{
    // Unlock() would show a prompt; gnome-keyring's own interface takes the password instead,
    // sent in a "plain" session on the same connection.
    const QString collection = defaultCollection();
    if (collection.isEmpty())
        return false;
    QDBusConnection bus = fixtureBus(m_busAddress);
    QDBusMessage open = QDBusMessage::createMethodCall(kSecrets, kSecretsPath, kServiceInterface, u"OpenSession"_qs);
    open << u"plain"_qs << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage opened = bus.call(open);
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2) {
        m_error = u"OpenSession failed: %1"_qs.arg(opened.errorMessage());
        return false;
    }
    const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();
    QDBusArgument secret;
    secret.beginStructure();
    secret << session << QByteArray() << kPassword << u"text/plain"_qs;
    secret.endStructure();
    QDBusMessage unlock = QDBusMessage::createMethodCall(
        kSecrets, kSecretsPath, u"org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"_qs,
        u"UnlockWithMasterPassword"_qs);
    unlock << QVariant::fromValue(QDBusObjectPath(collection)) << QVariant::fromValue(secret);
    const QDBusMessage reply = bus.call(unlock);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        m_error = u"UnlockWithMasterPassword failed: %1"_qs.arg(reply.errorMessage());
        return false;
    }
    if (isLocked()) {
        m_error = u"the collection %1 is still locked after unlocking"_qs.arg(collection);
        return false;
    }
    return true;
}

} // namespace portico::test
