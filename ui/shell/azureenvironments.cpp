// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/azureenvironments.h"

#include "core/arm/armclient.h"
#include "core/auth/entratokenprovider.h"
#include "core/environments/environmentsession.h"
#include "core/secrets/secretstore.h"
#include "core/settings/settings.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/decisions.h"
#include "ui/shell/addenvironmentdialog.h"
#include "ui/shell/azureenvironmententry.h"
#include "ui/shell/environmentsecrets.h"
#include "ui/shell/mainwindow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

namespace portico::ui {

namespace {

// Kept next to Environment::toJson's fields in the same object; Environment::fromJson ignores it.
const QString kAuthorityKey = u"authority"_qs;

} // namespace


AzureEnvironments::AzureEnvironments(MainWindow *window, core::Settings *settings,
                                     core::SecretStore *secrets, QNetworkAccessManager *network,
                                     QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_network(network)
{
}

AzureEnvironments::~AzureEnvironments()
{
    if (m_settingsBanner)
        m_settingsBanner->deleteLater();
    for (const auto &entry : m_entries) {
        if (entry->banner)
            entry->banner->deleteLater();
    }
}

AzureEnvironments::Entry *AzureEnvironments::find(const QString &environmentId) const
{
    for (const auto &entry : m_entries) {
        if (entry->environment.id == environmentId)
            return entry.get();
    }
    return nullptr;
}

QStringList AzureEnvironments::ids() const
{
    QStringList ids;
    for (const auto &entry : m_entries)
        ids << entry->environment.id;
    return ids;
}

bool AzureEnvironments::contains(const QString &environmentId) const
{
    return find(environmentId) != nullptr;
}

const core::Environment *AzureEnvironments::environment(const QString &environmentId) const
{
    Entry *entry = find(environmentId);
    return entry ? &entry->environment : nullptr;
}

core::ArmClient *AzureEnvironments::client(const QString &environmentId) const
{
    Entry *entry = find(environmentId);
    return entry && entry->session ? entry->session->client() : nullptr;
}

QStringList AzureEnvironments::scopes(const QString &environmentId) const
{
    Entry *entry = find(environmentId);
    return entry && entry->session ? entry->session->scopes() : QStringList();
}

BannerWidget *AzureEnvironments::banner(const QString &environmentId) const
{
    Entry *entry = find(environmentId);
    return entry ? entry->banner.data() : nullptr;
}

void AzureEnvironments::restore()
{
    if (!m_settings)
        return;
    const QByteArray stored = m_settings->value(core::settingkeys::environments);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stored, &parseError);
    m_listUnreadable = !stored.trimmed().isEmpty() && !document.isArray();
    if (m_listUnreadable) {
        showSettingsProblem(tr("The list of environments in the settings could not be read, so no "
                               "Azure environment was opened. Portico leaves the list as it is and "
                               "does not save environments until it is repaired. Details: %1")
                                .arg(parseError.errorString()));
        return;
    }
    QStringList unreadable;
    std::vector<std::unique_ptr<Entry>> restored;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject json = value.toObject();
        if (json.value(u"kind"_qs).toString() != u"azure"_qs)
            continue; // another kind's (or not an object): not ours, saved as it is
        auto environment = core::Environment::fromJson(json);
        if (!environment) {
            // Kept verbatim by save(); named in a banner.
            const QString name = json.value(u"displayName"_qs).toString(json.value(u"id"_qs).toString());
            unreadable << (name.isEmpty() ? tr("(an entry without a name)") : name);
            continue;
        }
        if (environment->kind != core::Environment::Kind::Azure || contains(environment->id))
            continue;
        QUrl authority(json.value(kAuthorityKey).toString());
        if (!authority.isValid() || authority.isEmpty())
            authority = AddEnvironmentDialog::defaultAuthority;
        auto entry = std::make_unique<Entry>();
        entry->environment = environment.value();
        entry->authority = authority;
        restored.push_back(std::move(entry));
    }
    if (!unreadable.isEmpty())
        showSettingsProblem(tr("%n Azure environment(s) in the settings could not be read and were not "
                               "opened: %1. Portico keeps them in the settings as they are.",
                               nullptr, int(unreadable.size()))
                                .arg(unreadable.join(u", "_qs)));

    restoreOncePerSubscription(std::move(restored));
}

void AzureEnvironments::openRestored(Entry *entry)
{
    if (!AddEnvironmentDialog::isSafeUrl(entry->authority)
        || !AddEnvironmentDialog::isSafeUrl(entry->environment.managementUrl)) {
        // Kept in the list (removing it stays possible), but never signed in to.
        showPlainHttp(entry);
        return;
    }
    open(entry);
}

void AzureEnvironments::showSettingsProblem(const QString &text)
{
    showSettingsMessage(true, text);
}

void AzureEnvironments::showSettingsNote(const QString &text)
{
    showSettingsMessage(false, text);
}

void AzureEnvironments::showSettingsMessage(bool problem, const QString &text)
{
    if (!m_window)
        return;
    if (!m_settingsBanner) {
        m_settingsBanner = new BannerWidget(m_window);
        m_settingsBanner->setObjectName(u"environmentsSettingsBannerWidget"_qs);
        m_window->addBanner(m_settingsBanner);
    }
    m_settingsBanner->showMessage(problem ? BannerWidget::Kind::Warning : BannerWidget::Kind::Information, text,
                                  false);
}

void AzureEnvironments::showPlainHttp(Entry *entry)
{
    ensureBanner(entry);
    if (!entry->banner)
        return;
    const bool authority = !AddEnvironmentDialog::isSafeUrl(entry->authority);
    const QString text = authority
        ? tr("%1 was not opened: its sign-in authority %2 is not an https URL, so its tokens would be "
             "sent unencrypted. Remove the environment and add it again with an https URL.")
              .arg(entry->environment.displayName, entry->authority.toString())
        : tr("%1 was not opened: its management URL %2 is not an https URL, so its tokens would be "
             "sent unencrypted. Remove the environment and add it again with an https URL.")
              .arg(entry->environment.displayName, entry->environment.managementUrl.toString());
    entry->banner->showMessage(BannerWidget::Kind::Error, text, false);
}

void AzureEnvironments::save()
{
    if (!m_settings)
        return;
    if (m_listUnreadable) {
        // Never overwrite a list the user may still repair.
        showSettingsProblem(tr("The list of environments could not be saved because the one in the "
                               "settings could not be read; repair or remove it first."));
        return;
    }
    // Entries this class does not own (other kinds), and Azure entries it could not read, stay
    // as they are.
    QJsonArray list;
    for (const QJsonValue &value : QJsonDocument::fromJson(m_settings->value(core::settingkeys::environments)).array()) {
        const QJsonObject json = value.toObject();
        if (json.value(u"kind"_qs).toString() != u"azure"_qs || !core::Environment::fromJson(json))
            list.append(value);
    }
    for (const auto &entry : m_entries) {
        QJsonObject json = entry->environment.toJson();
        if (entry->authority != AddEnvironmentDialog::defaultAuthority)
            json.insert(kAuthorityKey, entry->authority.toString());
        list.append(json);
    }
    auto written = m_settings->setValue(core::settingkeys::environments,
                                        QJsonDocument(list).toJson(QJsonDocument::Compact));
    if (written)
        written = m_settings->sync();
    if (!written && m_window)
        m_window->showConnectionProblem(tr("The list of environments could not be saved: %1")
                                            .arg(written.error().message));
}

void AzureEnvironments::ensureBanner(Entry *entry)
{
    const QString id = entry->environment.id;
    if (!entry->banner && m_window) {
        entry->banner = new BannerWidget(m_window);
        entry->banner->setObjectName(u"signInBannerWidget"_qs);
        entry->banner->setProperty("environmentId", id);
        entry->banner->setRetryText(tr("Sign &in again"));
        m_window->addBanner(entry->banner);
        connect(entry->banner, &BannerWidget::retryRequested, this, [this, id] {
            Entry *entry = find(id);
            if (!entry)
                return;
            const Entry::Problem problem = std::exchange(entry->problem, Entry::Problem::None);
            if (problem == Entry::Problem::SignInExpired)
                signInAgain(id);
            else
                Q_EMIT retryRequested(id);
        });
    }
}

void AzureEnvironments::open(Entry *entry)
{
    const QString id = entry->environment.id;
    ensureBanner(entry);
    core::EntraConfig config;
    config.authority = entry->authority;
    config.tenant = entry->environment.tenantId;
    config.clientId = entry->environment.clientId.isEmpty() ? QString(core::EntraConfig::azureCliClientId)
                                                            : entry->environment.clientId;
    config.setManagementUrl(entry->environment.managementUrl);
    config.timeScale = m_timeScale;
    entry->session = std::make_unique<core::EnvironmentSession>(entry->environment, m_network, m_secrets);
    entry->session->setEntraConfig(config);
    if (!m_azProgram.isEmpty())
        entry->session->setAzureCliProgram(m_azProgram);
    core::EnvironmentSession *session = entry->session.get();
    connect(session, &core::EnvironmentSession::opened, this, [this, id, session] {
        Entry *entry = find(id);
        if (!entry || entry->session.get() != session)
            return;
        connect(session->tokenProvider(), &core::AccessTokenProvider::signInRequired, this,
                [this, id](const core::Error &reason) {
                    if (Entry *entry = find(id))
                        showSignInExpired(entry, SignInProblem::TokenRefused, reason);
                });
        // A 401 that a fresh token did not cure: the same banner.
        connect(session->client(), &core::ArmClient::unauthorized, this, [this, id](const core::Error &reason) {
            if (Entry *entry = find(id))
                showSignInExpired(entry, SignInProblem::AccessRefused, reason);
        });
        Q_EMIT opened(id);
    });
    connect(session, &core::EnvironmentSession::failed, this, [this, id](const core::Error &error) {
        Entry *entry = find(id);
        if (!entry || !entry->banner)
            return;
        const QString name = entry->environment.displayName;
        QString text;
        if (core::SecretStore::isLocked(error)) {
            entry->banner->showMessage(
                BannerWidget::Kind::Error,
                tr("%1 could not be opened: the keychain is locked, so its kept sign-in or token "
                   "cannot be read. Unlock the keychain (for example by logging in to your desktop "
                   "session) and retry.")
                    .arg(name));
            return;
        }
        switch (error.kind) {
        case core::Error::Kind::Network:
        case core::Error::Kind::Tls:
        case core::Error::Kind::Timeout:
            text = tr("%1 could not be opened: Entra ID or Azure could not be reached. Details: %2")
                       .arg(name, error.message);
            break;
        case core::Error::Kind::Unavailable:
            text = tr("%1 could not be opened: the network or the keychain is not available. Details: %2")
                       .arg(name, error.message);
            break;
        default:
            text = tr("%1 could not be opened. Details: %2").arg(name, error.message);
            break;
        }
        entry->banner->showMessage(BannerWidget::Kind::Error, text, false);
    });
    session->open();
}

QString AzureEnvironments::lockedText(const QString &name)
{
    return tr("%1 cannot be opened: the keychain is locked, so its kept sign-in cannot be read. Unlock "
              "the keychain (for example by logging in to your desktop session) and retry.")
        .arg(name);
}

void AzureEnvironments::showSignInExpired(Entry *entry, SignInProblem problem, const core::Error &reason)
{
    if (!entry->banner)
        return;
    const QString name = entry->environment.displayName;
    const QString said = reason.message.isEmpty() ? reason.code : reason.message;
    if (core::SecretStore::isLocked(reason)) {
        // The sign-in is kept; it cannot be read until the keychain is unlocked. Retry reads it.
        entry->problem = Entry::Problem::Unreachable;
        entry->banner->setRetryText(tr("&Retry"));
        entry->banner->showMessage(BannerWidget::Kind::Error, lockedText(name), true);
        return;
    }
    QString text;
    if (entry->environment.signIn == core::Environment::SignIn::AzureCli) {
        text = tr("Sign-in to %1 expired. The Azure CLI has no usable login: run “az login”, then sign in again.")
                   .arg(name);
    } else if (problem == SignInProblem::AccessRefused) {
        text = tr("Sign-in to %1 expired. Azure refused even a freshly obtained token; sign in again, "
                  "with an account that has access to the subscription. Azure said: “%2”")
                   .arg(name, said);
    } else if (problem == SignInProblem::TokenRefused && !reason.code.isEmpty()) {
        text = tr("Sign-in to %1 expired. Entra ID no longer accepts the kept sign-in (it expired or "
                  "was revoked); sign in again. Entra ID said: “%2”")
                   .arg(name, said);
    } else if (problem == SignInProblem::TokenRefused) {
        text = tr("Sign-in to %1 expired. No sign-in is kept for it in the keychain; sign in again.").arg(name);
    } else {
        text = tr("Sign-in to %1 expired. Sign in again to see its services.").arg(name);
    }
    entry->problem = Entry::Problem::SignInExpired;
    entry->banner->setRetryText(tr("Sign &in again"));
    entry->banner->showMessage(BannerWidget::Kind::Error, text, true);
}

void AzureEnvironments::showUnreachable(const QString &environmentId, const core::Error &error)
{
    Entry *entry = find(environmentId);
    // An expired sign-in is the cause to fix first; its banner stays.
    if (!entry || !entry->banner || entry->problem == Entry::Problem::SignInExpired)
        return;
    entry->problem = Entry::Problem::Unreachable;
    entry->banner->setRetryText(tr("&Retry"));
    const QString name = entry->environment.displayName;
    if (core::SecretStore::isLocked(error)) { // the token could not be read: the same as its banner
        entry->banner->showMessage(BannerWidget::Kind::Error, lockedText(name), true);
        return;
    }
    QString text;
    switch (error.kind) {
    case core::Error::Kind::Timeout:
        text = tr("%1 cannot be reached: Azure did not answer in time. Details: %2").arg(name, error.message);
        break;
    case core::Error::Kind::Tls:
        text = tr("%1 cannot be reached: the secure connection to Azure failed. Details: %2").arg(name, error.message);
        break;
    case core::Error::Kind::Unavailable:
        text = tr("%1 cannot be reached: the network is not available. Details: %2").arg(name, error.message);
        break;
    default:
        text = tr("%1 cannot be reached: the connection to Azure failed. Details: %2").arg(name, error.message);
        break;
    }
    entry->banner->showMessage(BannerWidget::Kind::Error, text, true);
}

void AzureEnvironments::clearUnreachable(const QString &environmentId)
{
    Entry *entry = find(environmentId);
    if (!entry || !entry->banner || entry->problem != Entry::Problem::Unreachable)
        return;
    entry->problem = Entry::Problem::None;
    entry->banner->clear();
}

AddEnvironmentDialog *AzureEnvironments::newDialog()
{
    auto *dialog = new AddEnvironmentDialog(m_network, m_secrets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEntraTimeScale(m_timeScale);
    if (!m_azProgram.isEmpty())
        dialog->setAzureCliProgram(m_azProgram);
    return dialog;
}

void AzureEnvironments::addInteractively()
{
    if (!m_window)
        return;
    AddEnvironmentDialog *dialog = newDialog();
    QList<core::Environment> existing;
    for (const auto &entry : m_entries)
        existing << entry->environment;
    dialog->setExistingEnvironments(existing);
    connect(dialog, &AddEnvironmentDialog::environmentReady, this, &AzureEnvironments::add);
    dialog->open();
}

void AzureEnvironments::add(const core::Environment &environment, const QUrl &authority)
{
    // Whatever brings it here (the dialog's list of existing environments may be older than the
    // list), a subscription already shown is not added twice: it is a fresh sign-in for it.
    if (Entry *existing = twinOf(environment)) {
        takeOverSignIn(existing, environment, authority);
        return;
    }
    auto entry = std::make_unique<Entry>();
    entry->environment = environment;
    entry->authority = authority;
    Entry *added = entry.get();
    m_entries.push_back(std::move(entry));
    save();
    open(added);
}

void AzureEnvironments::signInAgain(const QString &environmentId)
{
    Entry *entry = find(environmentId);
    if (!entry || !m_window)
        return;
    AddEnvironmentDialog *dialog = newDialog();
    auto *entra = entry->session ? qobject_cast<core::EntraTokenProvider *>(entry->session->tokenProvider())
                                 : nullptr;
    dialog->signInAgain(entry->environment, entry->authority, entra);
    connect(dialog, &AddEnvironmentDialog::signedInAgain, this, [this, environmentId] {
        Entry *entry = find(environmentId);
        if (!entry)
            return;
        entry->problem = Entry::Problem::None;
        if (entry->banner)
            entry->banner->clear();
        if (!client(environmentId)) {
            open(entry); // it had not opened: opened() puts it in the tree
            return;
        }
        Q_EMIT signedInAgain(environmentId);
    });
    connect(dialog, &QDialog::rejected, this, [this, environmentId] {
        // Still signed out: the banner stays.
        if (Entry *entry = find(environmentId); entry && entry->banner && entry->problem == Entry::Problem::None)
            showSignInExpired(entry, SignInProblem::NotSignedIn, core::Error());
    });
    dialog->open();
}

void AzureEnvironments::removeInteractively(const QString &environmentId)
{
    Entry *entry = find(environmentId);
    if (!entry || !m_window)
        return;
    decisions::confirm(
        m_window, tr("Remove environment"),
        tr("Remove the environment “%1” from Portico? Its services in Azure stay as they are; "
           "Portico forgets the environment and its sign-in.")
            .arg(entry->environment.displayName),
        tr("&Remove"), [this, environmentId](bool accepted) {
            Entry *entry = find(environmentId);
            if (!accepted || !entry)
                return;
            Q_EMIT aboutToRemove(environmentId);
            const QString refreshToken = entry->environment.secretKey(
                QString(core::EntraTokenProvider::refreshTokenPurpose));
            const QString name = entry->environment.displayName;
            auto report = [this, name](const QStringList &kept) {
                if (!kept.isEmpty())
                    showSettingsProblem(
                        tr("%n secret(s) kept for the removed environment %1 could not be deleted "
                           "from the keychain: %2. Delete them with the keychain's own tool.",
                           nullptr, int(kept.size()))
                            .arg(name, kept.join(u", "_qs)));
            };
            if (auto *all = qobject_cast<EnvironmentSecrets *>(m_secrets.data())) {
                all->removeAll(environmentId, { refreshToken }, this, report); // and the keys kept for it
            } else if (m_secrets) {
                core::SecretJob *job = m_secrets->remove(refreshToken); // deletes itself
                connect(job, &core::SecretJob::finished, this, [job, report] {
                    if (!job->result().ok() && job->result().error().kind != core::Error::Kind::NotFound)
                        report({ job->key() });
                });
            }
            if (entry->banner)
                entry->banner->deleteLater();
            std::erase_if(m_entries, [entry](const auto &e) { return e.get() == entry; });
            save();
        });
}

} // namespace portico::ui
