// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/secrets/secretservicelock.h"

#include <QTimer>

#if PORTICO_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace portico::core {

#if PORTICO_SECRET_SERVICE
namespace {

const QString kService = u"org.freedesktop.secrets"_qs;
constexpr int kTimeoutMs = 5000;

// Calls `message` and hands its reply (or error) to `then`, with `context` alive.
void callAsync(QObject *context, const QDBusMessage &message,
               std::function<void(const QDBusMessage &reply)> then)
{
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message, kTimeoutMs),
                                                context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, then = std::move(then)] {
                         watcher->deleteLater();
                         then(watcher->reply());
                     });
}

} // namespace
#endif

void SecretServiceLock::probe(QObject *context, std::function<void(bool locked)> done)
{
#if PORTICO_SECRET_SERVICE
    if (QDBusConnection::sessionBus().isConnected()) {
        QDBusMessage readAlias = QDBusMessage::createMethodCall(
            kService, u"/org/freedesktop/secrets"_qs, u"org.freedesktop.Secret.Service"_qs, u"ReadAlias"_qs);
        readAlias << u"default"_qs;
        callAsync(context, readAlias, [context, done](const QDBusMessage &reply) {
            const QString path = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
                ? reply.arguments().constFirst().value<QDBusObjectPath>().path()
                : QString();
            if (path.isEmpty() || path == u"/"_qs) { // no Secret Service or no default collection
                done(false);
                return;
            }
            QDBusMessage get = QDBusMessage::createMethodCall(kService, path, u"org.freedesktop.DBus.Properties"_qs,
                                                              u"Get"_qs);
            get << u"org.freedesktop.Secret.Collection"_qs << u"Locked"_qs;
            callAsync(context, get, [done](const QDBusMessage &reply) {
                done(reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
                     && reply.arguments().constFirst().value<QDBusVariant>().variant().toBool());
            });
        });
        return;
    }
#endif
    QTimer::singleShot(0, context, [done] { done(false); });
}

} // namespace portico::core
