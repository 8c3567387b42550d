// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// AzureEnvironments: one environment per subscription (AddEnvironmentDialog::sameSubscription).
// A fresh sign-in for a subscription already there updates that environment; twins in the
// settings are restored once, with their secrets.
#include "ui/shell/azureenvironments.h"

#include "core/auth/entratokenprovider.h"
#include "core/settings/settings.h"
#include "ui/shell/addenvironmentdialog.h"
#include "ui/shell/azureenvironmententry.h"
#include "ui/shell/environmentsecrets.h"
#include "ui/shell/environmenttwins.h"
#include "ui/shell/secretmove.h"

namespace portico::ui {

void AzureEnvironments::restoreOncePerSubscription(std::vector<std::unique_ptr<Entry>> restored)
{
    // One entry per subscription (older versions could keep twins), in the first one's place.
    QList<core::Environment> environments;
    for (const auto &entry : restored)
        environments << entry->environment;
    std::vector<std::pair<Entry *, QList<core::Environment>>> withTwins;
    QStringList subscriptions;
    for (const TwinGroup &group : groupTwins(environments, m_settings->value(core::settingkeys::lastEnvironmentId))) {
        Entry *entry = restored[size_t(group.kept)].get();
        m_entries.push_back(std::move(restored[size_t(group.kept)]));
        if (group.twins.isEmpty()) {
            openRestored(entry);
            continue;
        }
        QList<core::Environment> twins;
        for (qsizetype twin : group.twins)
            twins << environments.at(twin);
        subscriptions << u"“%1” (%2)"_qs.arg(entry->environment.displayName, entry->environment.subscriptionId);
        withTwins.emplace_back(entry, twins);
    }
    if (withTwins.empty())
        return;
    // The twins' secrets first (written under the kept id before they are deleted), then the
    // list without them, in one write.
    auto pending = std::make_shared<std::pair<size_t, QStringList>>(withTwins.size(), QStringList());
    for (const auto &[entry, twins] : withTwins) {
        absorbTwins(entry->environment.id, twins, {}, [this, pending, subscriptions](const QStringList &stillKept) {
            pending->second << stillKept;
            if (--pending->first > 0)
                return;
            save();
            const int count = int(subscriptions.size());
            if (pending->second.isEmpty())
                showSettingsNote(tr("%n subscription(s) were listed more than once in the settings (left by an "
                                    "older version of Portico); Portico now keeps one environment for each: %1.",
                                    nullptr, count)
                                     .arg(subscriptions.join(u", "_qs)));
            else
                showSettingsProblem(tr("%n subscription(s) were listed more than once in the settings (left by "
                                       "an older version of Portico); Portico now keeps one environment for "
                                       "each: %1. These secrets of the duplicates could not be moved or deleted "
                                       "from the keychain: %2. Delete them with the keychain's own tool.",
                                       nullptr, count)
                                        .arg(subscriptions.join(u", "_qs), pending->second.join(u", "_qs)));
        });
    }
}

void AzureEnvironments::absorbTwins(const QString &keptId, QList<core::Environment> twins,
                                    QStringList stillKept, std::function<void(const QStringList &)> done)
{
    Entry *entry = find(keptId);
    if (!entry || twins.isEmpty()) {
        if (entry)
            openRestored(entry);
        done(stillKept);
        return;
    }
    const core::Environment twin = twins.takeFirst();
    const QString refreshToken = QString(core::EntraTokenProvider::refreshTokenPurpose);
    QStringList purposes { refreshToken };
    if (auto *all = qobject_cast<EnvironmentSecrets *>(m_secrets.data())) {
        const QString prefix = twin.id + u'/';
        for (const QString &key : all->names(twin.id)) {
            if (key.startsWith(prefix))
                purposes << key.mid(prefix.size());
        }
    }
    // A twin with the kept one's id shares its secrets: SecretMove leaves them alone.
    auto *move = new SecretMove(m_secrets, twin.id, keptId, purposes, SecretMove::Policy::KeepTarget, this);
    connect(move, &SecretMove::finished, this,
            [this, move, keptId, twin, twins, stillKept, done, refreshToken]() mutable {
                Entry *entry = find(keptId);
                if (entry && move->moved().contains(refreshToken)
                    && entry->environment.signIn == core::Environment::SignIn::DeviceCode
                    && twin.signIn == core::Environment::SignIn::DeviceCode) {
                    // The kept one had no sign-in of its own: it signs in as its twin did.
                    entry->environment.tenantId = twin.tenantId;
                    entry->environment.clientId = twin.clientId;
                }
                absorbTwins(keptId, std::move(twins), stillKept + move->kept(), std::move(done));
            });
    move->start();
}

AzureEnvironments::Entry *AzureEnvironments::twinOf(const core::Environment &environment) const
{
    for (const auto &entry : m_entries) {
        if (entry->environment.id == environment.id
            || AddEnvironmentDialog::sameSubscription(entry->environment, environment))
            return entry.get();
    }
    return nullptr;
}

void AzureEnvironments::takeOverSignIn(Entry *existing, const core::Environment &fresh, const QUrl &authority)
{
    const QString id = existing->environment.id;
    // Its client and token provider go first: the old provider must not write its refresh token
    // back over the new one. opened() puts it back into the tree.
    Q_EMIT aboutToRemove(id);
    existing->session.reset();
    auto finish = [this, id, fresh, authority](bool taken) {
        Entry *entry = find(id);
        if (!entry)
            return;
        const QString name = entry->environment.displayName;
        if (taken) {
            entry->environment.tenantId = fresh.tenantId;
            entry->environment.clientId = fresh.clientId;
            entry->environment.signIn = fresh.signIn;
            entry->authority = authority;
            save();
        }
        ensureBanner(entry);
        if (entry->banner) {
            entry->problem = Entry::Problem::None;
            entry->banner->showMessage(
                taken ? BannerWidget::Kind::Information : BannerWidget::Kind::Warning,
                taken ? tr("The subscription “%1” is already in Portico as the environment “%2”, so it was "
                           "not added a second time; “%2” now uses the new sign-in.")
                            .arg(fresh.subscriptionId, name)
                      : tr("The subscription “%1” is already in Portico as the environment “%2”, so it was "
                           "not added a second time. The new sign-in could not be kept in the keychain; "
                           "“%2” keeps its earlier sign-in.")
                            .arg(fresh.subscriptionId, name),
                false);
        }
        openRestored(entry); // a problem opening it replaces the message
    };
    const QString refreshToken = QString(core::EntraTokenProvider::refreshTokenPurpose);
    if (fresh.signIn != core::Environment::SignIn::DeviceCode || fresh.id == id) {
        finish(true); // nothing kept for the fresh sign-in (the Azure CLI keeps its own login)
        return;
    }
    // The fresh refresh token replaces the environment's (written first, then the fresh key goes).
    auto *move = new SecretMove(m_secrets, fresh.id, id, { refreshToken }, SecretMove::Policy::ReplaceTarget, this);
    connect(move, &SecretMove::finished, this, [this, move, finish, fresh, refreshToken] {
        if (!move->kept().isEmpty() && m_secrets)
            (void)m_secrets->remove(fresh.secretKey(refreshToken)); // kept for no environment
        finish(move->moved().contains(refreshToken));
    });
    move->start();
}

} // namespace portico::ui
