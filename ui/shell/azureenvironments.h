// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/environment.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace portico::core {
class ArmClient;
class EnvironmentSession;
class SecretStore;
class Settings;
} // namespace portico::core

namespace portico::ui {

class AddEnvironmentDialog;
class BannerWidget;
class MainWindow;

// The console's Azure environments: the ones the user added (Environment → Add Azure
// environment) are kept in the settings (environments/list, Environment::toJson plus the
// sign-in authority; never a token) and opened again at the next start, signing in silently
// with the refresh token from the SecretStore. When that is not possible any more (refresh
// token expired or revoked, Azure CLI logged out, a 401 that a refresh does not cure) the
// environment gets a banner "Sign-in to <name> expired" with Sign in again, never an empty tree.
// Removing an environment asks first and deletes its refresh token and the other secrets kept
// for it (EnvironmentSecrets) from the SecretStore; what the keychain would not delete is named
// in a banner. Entries of the list that cannot be read are named in a banner and saved back
// verbatim; an entry whose authority or management URL is plain http to another computer is
// kept but not opened (tokens never travel unencrypted).
//
// A subscription is shown once (AddEnvironmentDialog::sameSubscription: the same cloud and
// subscription id, whatever the tenant). An environment that reaches add() for a subscription
// already there (e.g. from a second Add dialog opened before the first one added it) is not
// added: it is a fresh sign-in for the environment already there, which takes over its sign-in
// (its refresh token replaces the kept one under the environment's id) and is opened again;
// its banner says so. Duplicates in the settings (older versions) are restored once per
// subscription: the most recently used one (environments/last), else the first; each dropped
// twin's secrets move to the kept environment where it has none of its own (the kept one's are
// never deleted) and are deleted otherwise, then the list is written back in one go and a banner
// names the subscriptions.
class AzureEnvironments final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AzureEnvironments)

public:
    AzureEnvironments(MainWindow *window, core::Settings *settings, core::SecretStore *secrets,
                      QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AzureEnvironments() override;

    // Multiplies Entra ID's device code polling interval (tests replay recorded intervals).
    void setEntraTimeScale(double scale) { m_timeScale = scale; }
    void setAzureCliProgram(const QString &program) { m_azProgram = program; }

    // Opens every Azure environment kept in the settings.
    void restore();
    // Environment → Add Azure environment…
    void addInteractively();
    // Environment → Remove environment…: asks, then forgets `environmentId` and its secrets.
    void removeInteractively(const QString &environmentId);
    // Sign in again (the banner's button).
    void signInAgain(const QString &environmentId);
    // Its services could not be read for another reason than the sign-in (connection lost,
    // timeout): the environment's banner says so with Retry (retryRequested()), until cleared.
    void showUnreachable(const QString &environmentId, const core::Error &error);
    void clearUnreachable(const QString &environmentId);

    QStringList ids() const;
    bool contains(const QString &environmentId) const;
    const core::Environment *environment(const QString &environmentId) const;
    // The environment's client while it is open, else null.
    core::ArmClient *client(const QString &environmentId) const;
    QStringList scopes(const QString &environmentId) const;
    BannerWidget *banner(const QString &environmentId) const;

Q_SIGNALS:
    // The environment is open: its client and scopes can go into the tree.
    void opened(const QString &environmentId);
    // Its client is about to go away (removed, or opened again with a new sign-in): drop every
    // pointer to it now; opened() follows when it was opened again.
    void aboutToRemove(const QString &environmentId);
    // Signed in again after an expiry: reload what it shows.
    void signedInAgain(const QString &environmentId);
    // Retry on the "cannot be reached" banner.
    void retryRequested(const QString &environmentId);

private:
    // A dialog over the window that deletes itself on close, with this console's Entra time
    // scale and Azure CLI program.
    AddEnvironmentDialog *newDialog();
    struct Entry;

    Entry *find(const QString &environmentId) const;
    void ensureBanner(Entry *entry);
    void open(Entry *entry);
    // A restored entry whose authority or management URL is plain http to another computer.
    void showPlainHttp(Entry *entry);
    void add(const core::Environment &environment, const QUrl &authority);
    // The entry that shows the same subscription as `environment` (or has its id), else null.
    Entry *twinOf(const core::Environment &environment) const;
    // A fresh sign-in (`fresh`, from add()) for the subscription `existing` shows already.
    void takeOverSignIn(Entry *existing, const core::Environment &fresh, const QUrl &authority);
    // Restore: keeps one of `restored` per subscription (in list order), opens them, and moves
    // the twins' secrets to the kept ones first (azureenvironmentduplicates.cpp).
    void restoreOncePerSubscription(std::vector<std::unique_ptr<Entry>> restored);
    // Opens a restored entry, or says why it is not opened (plain http).
    void openRestored(Entry *entry);
    // Restore: moves the secrets of the dropped `twins` to `keptId`'s entry one twin after the
    // other, then opens that entry; `done` gets the twins' keys the keychain still holds.
    void absorbTwins(const QString &keptId, QList<core::Environment> twins, QStringList stillKept,
                     std::function<void(const QStringList &)> done);
    // Why the sign-in banner shows: the token provider gave up (signInRequired), ARM refused a
    // fresh token (ArmClient::unauthorized), or the user closed "sign in again" unfinished.
    enum class SignInProblem { TokenRefused, AccessRefused, NotSignedIn };
    void showSignInExpired(Entry *entry, SignInProblem problem, const core::Error &reason);
    // The keychain is locked: the environment's kept sign-in cannot be read until it is unlocked.
    static QString lockedText(const QString &name);
    void save();
    // A banner above the panels about the list in the settings (entries that could not be read).
    void showSettingsProblem(const QString &text);
    // The same banner with a note that needs no action.
    void showSettingsNote(const QString &text);
    void showSettingsMessage(bool problem, const QString &text);

    QPointer<MainWindow> m_window;
    core::Settings *m_settings;
    QPointer<core::SecretStore> m_secrets;
    QPointer<QNetworkAccessManager> m_network;
    double m_timeScale = 1.0;
    QString m_azProgram;
    std::vector<std::unique_ptr<Entry>> m_entries;
    QPointer<BannerWidget> m_settingsBanner;
    bool m_listUnreadable = false; // the settings' list is not JSON: never overwritten
};

} // namespace portico::ui
