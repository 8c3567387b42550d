// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace portico::core {
class SecretStore;
}

namespace portico::ui {

// Moves secrets of one Azure environment to another that shows the same subscription: a fresh
// sign-in merged into the environment already there, or a duplicate dropped from the settings.
// For each purpose the source's value is written under the target's key first and the source's
// key is deleted only once that write succeeded; a source the keychain does not have is nothing
// to do. With Policy::KeepTarget a value the target already has stays, and the source's copy is
// deleted (never the target's: it is the one the kept environment uses). Values only pass through
// memory; nothing is logged. finished() comes exactly once, from the event loop; then the object
// deletes itself.
class SecretMove final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretMove)

public:
    enum class Policy { KeepTarget, ReplaceTarget };

    SecretMove(core::SecretStore *secrets, QString fromEnvironmentId, QString toEnvironmentId,
               QStringList purposes, Policy policy, QObject *parent = nullptr);
    ~SecretMove() override;

    void start();

    // After finished(): the purposes whose value the target now has from the source.
    QStringList moved() const { return m_moved; }
    // After finished(): the source's keys still in the keychain (a read, write or delete failed).
    QStringList kept() const { return m_kept; }

Q_SIGNALS:
    void finished();

private:
    QString source(const QString &purpose) const;
    QString target(const QString &purpose) const;
    void next();
    void copy(const QString &purpose);
    void removeSource(const QString &purpose);

    QPointer<core::SecretStore> m_secrets;
    QString m_from;
    QString m_to;
    QStringList m_purposes;
    Policy m_policy;
    qsizetype m_index = 0;
    bool m_finished = false;
    QStringList m_moved;
    QStringList m_kept;
};

} // namespace portico::ui
