// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/environment.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QUrl>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;

namespace portico::core {
class AccessTokenProvider;
class ArmClient;
class DeviceCodeSignIn;
class EntraTokenProvider;
class SecretStore;
struct DeviceCodeChallenge;
} // namespace portico::core

namespace portico::ui {

// Environment → Add Azure environment: where (display name, tenant, optional public client id,
// authority and management URLs with the Azure public cloud defaults) and how (device code or
// the Azure CLI's login) to sign in; then the device code sign-in itself (user code and
// verification URL to copy or open, live status, cancel); then the account's subscriptions, of
// which the user picks one. environmentReady() hands over the Environment (identity only); the
// refresh token went to the SecretStore under the environment's id through EntraTokenProvider.
// Closing (or destroying) the dialog before that removes the stored refresh token again, also
// when the keychain answers the write only after the dialog is gone.
//
// A subscription that an environment the console already has shows (sameSubscription(); see
// setExistingEnvironments) is marked in the list: selecting it names that environment next to the
// list and keeps Add disabled; the other choices stay as they are.
//
// In "sign in again" mode (signInAgain()) the environment is fixed and the new sign-in goes to
// the environment's own token provider; the dialog accepts once it is signed in.
class AddEnvironmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddEnvironmentDialog)

public:
    static const QUrl defaultAuthority;
    static const QUrl defaultManagementUrl;

    // Whether tokens may be sent to `url`: https, or plain http to this computer only (loopback).
    static bool isSafeUrl(const QUrl &url);
    // Whether two Azure environments show the same subscription: the same cloud (management URL,
    // "https://management.azure.com" and ".../" being one) and the same subscription id. A
    // subscription id is unique within a cloud, so the tenant does not decide it: typed as a
    // domain (contoso.onmicrosoft.com) for one and as its id (a GUID, as ARM lists it) for the
    // other, it is the same subscription. The tenant matters for the sign-in only.
    static bool sameSubscription(const core::Environment &a, const core::Environment &b);

    AddEnvironmentDialog(QNetworkAccessManager *network, core::SecretStore *secrets,
                         QWidget *parent = nullptr);
    ~AddEnvironmentDialog() override;

    // Multiplies Entra ID's polling interval and transfer timeout (EntraConfig::timeScale).
    void setEntraTimeScale(double scale) { m_timeScale = scale; }
    void setAzureCliProgram(const QString &program) { m_azProgram = program; }
    // The environments the console has; none of them can be added a second time.
    void setExistingEnvironments(QList<core::Environment> environments)
    {
        m_existing = std::move(environments);
    }

    // Signs in to `environment` again; a device code sign-in's tokens go to `target`.
    void signInAgain(const core::Environment &environment, const QUrl &authority,
                     core::EntraTokenProvider *target);

    void reject() override;

Q_SIGNALS:
    void environmentReady(const portico::core::Environment &environment, const QUrl &authority);
    void signedInAgain();

private:
    enum class Step { Settings, SignIn, Subscription };

    QWidget *makeSettingsPage();
    QWidget *makeSignInPage();
    QWidget *makeSubscriptionPage();
    void showStep(Step step);
    void startSignIn();
    void onCodeReady(const core::DeviceCodeChallenge &challenge);
    void onDeviceCodeFinished();
    // The store keeps secrets for this session only (no keychain answered).
    bool sessionOnly() const;
    void onSignedIn(core::AccessTokenProvider *tokens);
    void listSubscriptions();
    void failSignIn(const QString &text);
    void finishAdding();
    void forgetSignIn();
    QString describeSignInError(const core::Error &error) const;
    // The existing environment that shows `subscriptionId` in this dialog's cloud, else null.
    const core::Environment *existingFor(const QString &subscriptionId) const;
    void onSubscriptionChanged(QListWidgetItem *item);

    QPointer<QNetworkAccessManager> m_network;
    QPointer<core::SecretStore> m_secrets;
    double m_timeScale = 1.0;
    QString m_azProgram;
    QList<core::Environment> m_existing;
    core::Environment m_environment;
    QUrl m_authority;
    QPointer<core::EntraTokenProvider> m_signInTarget; // sign-in-again mode
    bool m_signInAgain = false;
    bool m_storedRefreshToken = false;
    bool m_refreshTokenPending = false; // written to the SecretStore, no answer yet
    bool m_done = false;

    std::unique_ptr<core::DeviceCodeSignIn> m_signIn;
    std::unique_ptr<core::AccessTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;

    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_tenant = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLineEdit *m_authorityEdit = nullptr;
    QLineEdit *m_managementUrl = nullptr;
    QComboBox *m_method = nullptr;
    QLabel *m_authorityMessage = nullptr;
    QLabel *m_managementUrlMessage = nullptr;
    QLabel *m_settingsMessage = nullptr;
    QPushButton *m_signInButton = nullptr;

    QLabel *m_status = nullptr;
    QLineEdit *m_userCode = nullptr;
    QLineEdit *m_verificationUrl = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_openBrowser = nullptr;
    QPushButton *m_cancelSignIn = nullptr;

    QListWidget *m_subscriptions = nullptr;
    QLabel *m_subscriptionMessage = nullptr;
    QLabel *m_keptNote = nullptr; // where the sign-in is kept, when that is not the keychain
    QPushButton *m_add = nullptr;
};

} // namespace portico::ui
