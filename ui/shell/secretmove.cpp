// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/secretmove.h"

#include "core/secrets/secretstore.h"

#include <QTimer>

namespace portico::ui {

namespace {

bool isNotFound(const core::Result<QString> &result)
{
    return !result && result.error().kind == core::Error::Kind::NotFound;
}

} // namespace

SecretMove::SecretMove(core::SecretStore *secrets, QString fromEnvironmentId, QString toEnvironmentId,
                       QStringList purposes, Policy policy, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_from(std::move(fromEnvironmentId))
    , m_to(std::move(toEnvironmentId))
    , m_purposes(std::move(purposes))
    , m_policy(policy)
{
    m_purposes.removeDuplicates();
}

SecretMove::~SecretMove() = default;

QString SecretMove::source(const QString &purpose) const
{
    return m_from + u'/' + purpose;
}

QString SecretMove::target(const QString &purpose) const
{
    return m_to + u'/' + purpose;
}

void SecretMove::start()
{
    // Always from the event loop, also when there is nothing to do.
    QTimer::singleShot(0, this, &SecretMove::next);
}

void SecretMove::next()
{
    if (m_finished)
        return;
    if (m_from == m_to)
        m_index = m_purposes.size(); // one environment's own secrets: nothing to move
    if (!m_secrets) {
        // The store went away: what was not moved yet may still be in the keychain.
        for (; m_index < m_purposes.size(); ++m_index)
            m_kept << source(m_purposes.at(m_index));
    }
    if (m_index >= m_purposes.size()) {
        m_finished = true;
        Q_EMIT finished();
        deleteLater();
        return;
    }
    const QString purpose = m_purposes.at(m_index++);
    if (m_policy == Policy::ReplaceTarget) {
        copy(purpose);
        return;
    }
    core::SecretJob *job = m_secrets->read(target(purpose));
    connect(job, &core::SecretJob::finished, this, [this, job, purpose] {
        const core::Result<QString> &result = job->result();
        if (result && !result.value().isEmpty())
            removeSource(purpose); // the target's own stays
        else if (result || isNotFound(result))
            copy(purpose);
        else {
            m_kept << source(purpose); // unknown whether the target has one: leave both alone
            next();
        }
    });
}

void SecretMove::copy(const QString &purpose)
{
    if (!m_secrets) {
        m_kept << source(purpose);
        next();
        return;
    }
    core::SecretJob *job = m_secrets->read(source(purpose));
    connect(job, &core::SecretJob::finished, this, [this, job, purpose] {
        const core::Result<QString> &result = job->result();
        if (!result || result.value().isEmpty() || !m_secrets) {
            if (!isNotFound(result) && !(result && result.value().isEmpty()))
                m_kept << source(purpose);
            next();
            return;
        }
        core::SecretJob *write = m_secrets->write(target(purpose), result.value());
        connect(write, &core::SecretJob::finished, this, [this, write, purpose] {
            if (!write->result()) {
                m_kept << source(purpose);
                next();
                return;
            }
            m_moved << purpose;
            removeSource(purpose);
        });
    });
}

void SecretMove::removeSource(const QString &purpose)
{
    if (!m_secrets) {
        m_kept << source(purpose);
        next();
        return;
    }
    core::SecretJob *job = m_secrets->remove(source(purpose));
    connect(job, &core::SecretJob::finished, this, [this, job] {
        if (!job->result() && !isNotFound(job->result()))
            m_kept << job->key();
        next();
    });
}

} // namespace portico::ui
