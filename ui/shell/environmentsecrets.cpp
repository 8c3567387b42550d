// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/environmentsecrets.h"

#include "core/settings/settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace portico::ui {

namespace {

// {"<environment id>": ["<environment id>/<purpose>", …]}: names only.
const core::SettingKey<QByteArray> kSecretNames { u"environments/secretNames"_qs, {} };

QString environmentOf(const QString &key)
{
    return key.section(u'/', 0, 0);
}

core::SecretJob *failedJob(const QString &key)
{
    auto *job = new core::SecretJob(key);
    job->complete(core::Error::make(core::Error::Kind::Unavailable, u"No secret store."_qs));
    return job;
}

} // namespace

EnvironmentSecrets::EnvironmentSecrets(core::SecretStore *inner, QObject *parent)
    : core::SecretStore(parent)
    , m_inner(inner)
{
    if (inner)
        connect(inner, &core::SecretStore::backendChanged, this, &core::SecretStore::backendChanged);
}

EnvironmentSecrets::~EnvironmentSecrets() = default;

core::SecretJob *EnvironmentSecrets::read(const QString &key)
{
    return m_inner ? m_inner->read(key) : failedJob(key);
}

core::SecretJob *EnvironmentSecrets::write(const QString &key, const QString &secret)
{
    if (!m_inner)
        return failedJob(key);
    core::SecretJob *job = m_inner->write(key, secret);
    connect(job, &core::SecretJob::finished, this, [this, job] {
        if (job->result())
            list(job->key(), true);
    });
    return job;
}

core::SecretJob *EnvironmentSecrets::remove(const QString &key)
{
    if (!m_inner)
        return failedJob(key);
    core::SecretJob *job = m_inner->remove(key);
    // Un-listed only once it is gone: a secret the keychain kept must stay findable.
    connect(job, &core::SecretJob::finished, this, [this, job] {
        if (isGone(job))
            list(job->key(), false);
    });
    return job;
}

bool EnvironmentSecrets::isGone(const core::SecretJob *job)
{
    return job->result().ok() || job->result().error().kind == core::Error::Kind::NotFound;
}

core::SecretStore::Backend EnvironmentSecrets::backend() const
{
    return m_inner ? m_inner->backend() : Backend::SessionOnly;
}

QStringList EnvironmentSecrets::names(const QString &environmentId) const
{
    if (!m_settings)
        return {};
    const QJsonObject all = QJsonDocument::fromJson(m_settings->value(kSecretNames)).object();
    QStringList names;
    for (const QJsonValue &name : all.value(environmentId).toArray())
        names << name.toString();
    return names;
}

void EnvironmentSecrets::removeAll(const QString &environmentId, const QStringList &alsoRemove,
                                   QObject *context, std::function<void(const QStringList &)> done)
{
    QStringList keys = names(environmentId);
    for (const QString &key : alsoRemove) {
        if (!keys.contains(key))
            keys << key;
    }
    struct Progress
    {
        qsizetype pending = 0;
        QStringList kept;
    };
    auto progress = std::make_shared<Progress>();
    progress->pending = keys.size();
    if (keys.isEmpty() && done)
        done({});
    for (const QString &key : std::as_const(keys)) {
        core::SecretJob *job = remove(key); // deletes itself; "not found" counts as gone
        connect(job, &core::SecretJob::finished, context ? context : this, [job, progress, done] {
            if (!isGone(job))
                progress->kept << job->key();
            if (--progress->pending == 0 && done)
                done(progress->kept);
        });
    }
}

void EnvironmentSecrets::list(const QString &key, bool add)
{
    const QString environment = environmentOf(key);
    // The refresh token's name is known to whoever removes an environment; it is not listed.
    if (!m_settings || environment.isEmpty() || environment == u"local"_qs
        || key.endsWith(u"/entra-refresh-token"_qs))
        return;
    QJsonObject all = QJsonDocument::fromJson(m_settings->value(kSecretNames)).object();
    QJsonArray names = all.value(environment).toArray();
    const bool listed = names.contains(key);
    if (add == listed)
        return;
    if (add) {
        names.append(key);
    } else {
        for (qsizetype i = names.size() - 1; i >= 0; --i) {
            if (names.at(i).toString() == key)
                names.removeAt(i);
        }
    }
    if (names.isEmpty())
        all.remove(environment);
    else
        all.insert(environment, names);
    // Names are not secrets; a refusal here would be a programming error.
    if (m_settings->setValue(kSecretNames, QJsonDocument(all).toJson(QJsonDocument::Compact)))
        (void)m_settings->sync();
}

} // namespace portico::ui
