// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/addenvironmentdialog.h"

#include "core/arm/armclient.h"
#include "core/auth/azureclitokenprovider.h"
#include "core/auth/devicecodesignin.h"
#include "core/auth/entratokenprovider.h"
#include "core/environments/azureenvironment.h"
#include "core/secrets/secretstore.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace portico::ui {

const QUrl AddEnvironmentDialog::defaultAuthority { QStringLiteral("https://login.microsoftonline.com") };
const QUrl AddEnvironmentDialog::defaultManagementUrl { QStringLiteral("https://management.azure.com") };

namespace {

QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

// A tenant is a GUID, a domain name, or one of Entra ID's multi-tenant aliases (§9.1).
bool isTenant(const QString &tenant)
{
    static const QRegularExpression pattern(
        u"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
        "|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
        "|organizations|common)$"_qs);
    return pattern.match(tenant).hasMatch();
}

// A subscription in the picker: its id, its display name, and the display name of the
// environment that already shows it (empty when none does).
constexpr int kSubscriptionIdRole = Qt::UserRole;
constexpr int kSubscriptionNameRole = Qt::UserRole + 1;
constexpr int kExistingEnvironmentRole = Qt::UserRole + 2;

bool canBeAdded(const QListWidgetItem *item)
{
    return item && (item->flags() & Qt::ItemIsEnabled) && item->data(kExistingEnvironmentRole).toString().isEmpty();
}

// The cloud a management URL names: "https://management.azure.com" and ".../" are one cloud.
QString sameCloud(const QUrl &managementUrl)
{
    QString path = managementUrl.adjusted(QUrl::NormalizePathSegments).path();
    while (path.endsWith(u'/'))
        path.chop(1);
    const int port = managementUrl.port(managementUrl.scheme() == u"https"_qs ? 443 : 80);
    return managementUrl.scheme().toLower() + u"://"_qs + managementUrl.host().toLower() + u':'
        + QString::number(port) + path;
}

} // namespace

bool AddEnvironmentDialog::isSafeUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    if (url.scheme() == u"https"_qs)
        return true;
    if (url.scheme() != u"http"_qs)
        return false;
    // Plain http only where the tokens never leave this computer (local replay servers).
    const QString host = url.host();
    return host.compare(u"localhost"_qs, Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
}

bool AddEnvironmentDialog::sameSubscription(const core::Environment &a, const core::Environment &b)
{
    return a.kind == core::Environment::Kind::Azure && b.kind == core::Environment::Kind::Azure
        && !a.subscriptionId.isEmpty()
        && a.subscriptionId.compare(b.subscriptionId, Qt::CaseInsensitive) == 0
        && sameCloud(a.managementUrl) == sameCloud(b.managementUrl);
}

AddEnvironmentDialog::AddEnvironmentDialog(QNetworkAccessManager *network, core::SecretStore *secrets,
                                           QWidget *parent)
    : QDialog(parent)
    , m_network(network)
    , m_secrets(secrets)
{
    setObjectName(u"addEnvironmentDialog"_qs);
    setWindowTitle(tr("Add Azure environment"));
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"environmentStepsStackedWidget"_qs);
    m_pages->addWidget(makeSettingsPage());
    m_pages->addWidget(makeSignInPage());
    m_pages->addWidget(makeSubscriptionPage());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelPushButton"_qs);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddEnvironmentDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    resize(560, 420);
    showStep(Step::Settings);
}

AddEnvironmentDialog::~AddEnvironmentDialog()
{
    // The client points to the token provider.
    m_client.reset();
    m_signIn.reset();
    if (!m_done)
        forgetSignIn(); // closed without adding (also when destroyed without reject())
    m_tokens.reset();
}

QWidget *AddEnvironmentDialog::makeSettingsPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    m_displayName = new QLineEdit(page);
    m_displayName->setObjectName(u"displayNameLineEdit"_qs);
    m_displayName->setPlaceholderText(tr("e.g. Contoso production"));
    form->addRow(tr("&Display name:"), m_displayName);
    m_tenant = new QLineEdit(page);
    m_tenant->setObjectName(u"tenantLineEdit"_qs);
    m_tenant->setPlaceholderText(tr("Tenant ID or domain, e.g. contoso.onmicrosoft.com"));
    form->addRow(tr("&Tenant:"), m_tenant);
    m_method = new QComboBox(page);
    m_method->setObjectName(u"signInMethodComboBox"_qs);
    m_method->addItem(tr("Device code (sign in with a browser)"), int(core::Environment::SignIn::DeviceCode));
    m_method->addItem(tr("Azure CLI login (az login)"), int(core::Environment::SignIn::AzureCli));
    form->addRow(tr("Sign-in &method:"), m_method);
    m_clientId = new QLineEdit(page);
    m_clientId->setObjectName(u"clientIdLineEdit"_qs);
    m_clientId->setPlaceholderText(tr("Optional; default: the Azure CLI's public client"));
    form->addRow(tr("Public &client ID:"), m_clientId);
    m_authorityEdit = new QLineEdit(defaultAuthority.toString(), page);
    m_authorityEdit->setObjectName(u"authorityLineEdit"_qs);
    form->addRow(tr("Sign-in &authority:"), m_authorityEdit);
    m_authorityMessage = messageLabel(u"authorityMessageLabel"_qs, page);
    m_authorityMessage->hide();
    form->addRow(QString(), m_authorityMessage);
    m_managementUrl = new QLineEdit(defaultManagementUrl.toString(), page);
    m_managementUrl->setObjectName(u"managementUrlLineEdit"_qs);
    form->addRow(tr("&Management URL:"), m_managementUrl);
    m_managementUrlMessage = messageLabel(u"managementUrlMessageLabel"_qs, page);
    m_managementUrlMessage->hide();
    form->addRow(QString(), m_managementUrlMessage);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        m_clientId->setEnabled(m_method->currentData().toInt() == int(core::Environment::SignIn::DeviceCode));
    });

    auto *note = new QLabel(tr("The authority and management URLs are those of the Azure public "
                               "cloud; change them for a sovereign cloud."),
                            page);
    note->setWordWrap(true);
    m_settingsMessage = messageLabel(u"settingsMessageLabel"_qs, page);
    m_signInButton = new QPushButton(tr("&Sign in"), page);
    m_signInButton->setObjectName(u"signInPushButton"_qs);
    m_signInButton->setDefault(true);
    connect(m_signInButton, &QPushButton::clicked, this, &AddEnvironmentDialog::startSignIn);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_settingsMessage);
    layout->addStretch(1);
    layout->addWidget(m_signInButton, 0, Qt::AlignRight);
    return page;
}

QWidget *AddEnvironmentDialog::makeSignInPage()
{
    auto *page = new QWidget(this);
    m_status = messageLabel(u"signInStatusLabel"_qs, page);
    m_userCode = new QLineEdit(page);
    m_userCode->setObjectName(u"userCodeLineEdit"_qs);
    m_userCode->setReadOnly(true);
    QFont big = m_userCode->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_userCode->setFont(big);
    m_verificationUrl = new QLineEdit(page);
    m_verificationUrl->setObjectName(u"verificationUrlLineEdit"_qs);
    m_verificationUrl->setReadOnly(true);
    m_copy = new QPushButton(tr("&Copy code"), page);
    m_copy->setObjectName(u"copyCodePushButton"_qs);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (QClipboard *clipboard = QGuiApplication::clipboard())
            clipboard->setText(m_userCode->text());
    });
    m_openBrowser = new QPushButton(tr("&Open browser"), page);
    m_openBrowser->setObjectName(u"openBrowserPushButton"_qs);
    connect(m_openBrowser, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl(m_verificationUrl->text())); });
    m_cancelSignIn = new QPushButton(tr("Cancel &sign-in"), page);
    m_cancelSignIn->setObjectName(u"cancelSignInPushButton"_qs);
    connect(m_cancelSignIn, &QPushButton::clicked, this, [this] {
        failSignIn(tr("The sign-in was cancelled."));
    });

    auto *form = new QFormLayout;
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_userCode, 1);
    codeRow->addWidget(m_copy);
    form->addRow(tr("&Code:"), codeRow);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_verificationUrl, 1);
    urlRow->addWidget(m_openBrowser);
    form->addRow(tr("&Web page:"), urlRow);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_status);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_cancelSignIn, 0, Qt::AlignRight);
    return page;
}

QWidget *AddEnvironmentDialog::makeSubscriptionPage()
{
    auto *page = new QWidget(this);
    auto *label = new QLabel(tr("Choose the &subscription whose API Management services this "
                                "environment shows:"),
                             page);
    label->setWordWrap(true);
    m_subscriptions = new QListWidget(page);
    m_subscriptions->setObjectName(u"subscriptionsListWidget"_qs);
    label->setBuddy(m_subscriptions);
    m_subscriptionMessage = messageLabel(u"subscriptionMessageLabel"_qs, page);
    m_keptNote = messageLabel(u"signInKeptLabel"_qs, page);
    m_add = new QPushButton(tr("&Add environment"), page);
    m_add->setObjectName(u"addEnvironmentPushButton"_qs);
    m_add->setEnabled(false);
    connect(m_subscriptions, &QListWidget::currentItemChanged, this, &AddEnvironmentDialog::onSubscriptionChanged);
    connect(m_subscriptions, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (canBeAdded(item))
            finishAdding();
    });
    connect(m_add, &QPushButton::clicked, this, &AddEnvironmentDialog::finishAdding);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(label);
    layout->addWidget(m_subscriptions, 1);
    layout->addWidget(m_subscriptionMessage);
    layout->addWidget(m_keptNote);
    layout->addWidget(m_add, 0, Qt::AlignRight);
    return page;
}

void AddEnvironmentDialog::showStep(Step step)
{
    m_pages->setCurrentIndex(int(step));
    switch (step) {
    case Step::Settings: m_signInButton->setDefault(true); m_displayName->setFocus(); break;
    case Step::SignIn: m_cancelSignIn->setFocus(); break;
    case Step::Subscription: m_subscriptions->setFocus(); break;
    }
}

void AddEnvironmentDialog::signInAgain(const core::Environment &environment, const QUrl &authority,
                                       core::EntraTokenProvider *target)
{
    m_signInAgain = true;
    m_signInTarget = target;
    setWindowTitle(tr("Sign in to %1 again").arg(environment.displayName));
    m_displayName->setText(environment.displayName);
    m_tenant->setText(environment.tenantId);
    m_clientId->setText(environment.clientId);
    m_authorityEdit->setText(authority.toString());
    m_managementUrl->setText(environment.managementUrl.toString());
    m_method->setCurrentIndex(m_method->findData(int(environment.signIn)));
    for (QWidget *w : { static_cast<QWidget *>(m_displayName), static_cast<QWidget *>(m_tenant),
                        static_cast<QWidget *>(m_clientId), static_cast<QWidget *>(m_authorityEdit),
                        static_cast<QWidget *>(m_managementUrl), static_cast<QWidget *>(m_method) })
        w->setEnabled(false);
    m_environment = environment;
}

void AddEnvironmentDialog::startSignIn()
{
    m_settingsMessage->clear();
    m_authorityMessage->clear();
    m_authorityMessage->hide();
    m_managementUrlMessage->clear();
    m_managementUrlMessage->hide();
    const QString name = m_displayName->text().trimmed();
    const QString tenant = m_tenant->text().trimmed();
    const QUrl authority(m_authorityEdit->text().trimmed(), QUrl::StrictMode);
    const QUrl management(m_managementUrl->text().trimmed(), QUrl::StrictMode);
    if (name.isEmpty()) {
        m_settingsMessage->setText(tr("Enter a display name for the environment."));
        m_displayName->setFocus();
        return;
    }
    if (!isTenant(tenant)) {
        m_settingsMessage->setText(tr("“%1” is not a tenant. Enter the tenant ID (a GUID) or one of "
                                      "its domains, such as contoso.onmicrosoft.com.")
                                       .arg(tenant));
        m_tenant->setFocus();
        return;
    }
    if (!isSafeUrl(authority)) {
        m_authorityMessage->setText(
            tr("The sign-in authority must be an https URL, such as %1: tokens are never sent "
               "unencrypted. Plain http is allowed only for this computer (localhost, 127.0.0.1, ::1).")
                .arg(defaultAuthority.toString()));
        m_authorityMessage->show();
        m_authorityEdit->setFocus();
        return;
    }
    if (!isSafeUrl(management)) {
        m_managementUrlMessage->setText(
            tr("The management URL must be an https URL, such as %1: tokens are never sent "
               "unencrypted. Plain http is allowed only for this computer (localhost, 127.0.0.1, ::1).")
                .arg(defaultManagementUrl.toString()));
        m_managementUrlMessage->show();
        m_managementUrl->setFocus();
        return;
    }
    if (!m_network || !m_secrets) {
        m_settingsMessage->setText(tr("The network or the keychain is not available."));
        return;
    }
    if (!m_signInAgain) {
        m_environment = {};
        m_environment.id = u"azure-"_qs + QUuid::createUuid().toString(QUuid::Id128).left(12);
        m_environment.kind = core::Environment::Kind::Azure;
        m_environment.displayName = name;
        m_environment.tenantId = tenant;
        m_environment.managementUrl = management;
        m_environment.clientId = m_clientId->text().trimmed();
        m_environment.signIn = core::Environment::SignIn(m_method->currentData().toInt());
    }
    m_authority = authority;
    m_userCode->clear();
    m_verificationUrl->clear();
    m_copy->setEnabled(false);
    m_openBrowser->setEnabled(false);
    showStep(Step::SignIn);

    if (m_environment.signIn == core::Environment::SignIn::AzureCli) {
        m_status->setText(tr("Asking the Azure CLI for a token for tenant %1…").arg(tenant));
        auto cli = std::make_unique<core::AzureCliTokenProvider>();
        if (!m_azProgram.isEmpty())
            cli->setProgram(m_azProgram);
        cli->setTenant(tenant);
        cli->setManagementUrl(m_environment.managementUrl);
        core::AccessTokenProvider *tokens = cli.get();
        m_tokens = std::move(cli);
        core::TokenJob *job = tokens->token();
        connect(job, &core::TokenJob::finished, this, [this, job, tokens] {
            if (tokens != m_tokens.get())
                return;
            if (!job->result()) {
                failSignIn(tr("The Azure CLI gave no token: %1 Sign in with “az login” and try again.")
                               .arg(job->result().error().message));
                return;
            }
            if (m_signInAgain) {
                m_done = true;
                Q_EMIT signedInAgain();
                accept();
                return;
            }
            onSignedIn(tokens);
        });
        return;
    }

    core::EntraConfig config;
    config.authority = authority;
    config.tenant = tenant;
    config.clientId = m_environment.clientId.isEmpty() ? QString(core::EntraConfig::azureCliClientId)
                                                       : m_environment.clientId;
    config.setManagementUrl(m_environment.managementUrl);
    config.timeScale = m_timeScale;
    m_status->setText(tr("Asking Entra ID for a sign-in code…"));
    m_signIn = std::make_unique<core::DeviceCodeSignIn>(m_network, config);
    connect(m_signIn.get(), &core::DeviceCodeSignIn::codeReady, this, &AddEnvironmentDialog::onCodeReady);
    connect(m_signIn.get(), &core::DeviceCodeSignIn::finished, this, &AddEnvironmentDialog::onDeviceCodeFinished);
    m_signIn->start();
}

void AddEnvironmentDialog::onCodeReady(const core::DeviceCodeChallenge &challenge)
{
    m_userCode->setText(challenge.userCode);
    m_verificationUrl->setText(challenge.verificationUri.toString());
    m_copy->setEnabled(true);
    m_openBrowser->setEnabled(true);
    m_status->setText(tr("Open %1 in a browser, enter the code below and sign in. Waiting for the "
                         "sign-in (the code is valid for %n minute(s))…",
                         nullptr, qMax(1, challenge.expiresInSeconds / 60))
                          .arg(challenge.verificationUri.toString()));
}

QString AddEnvironmentDialog::describeSignInError(const core::Error &error) const
{
    if (error.code == u"authorization_declined"_qs)
        return tr("The sign-in was declined in the browser. Sign in again to add the environment.");
    // Only Entra ID's expired_token (or the code's own expires_in passing) means the code expired;
    // a silent network is a timeout without that code.
    if (error.code == u"expired_token"_qs)
        return tr("The code expired before the sign-in was completed. Sign in again for a new code.");
    if (error.kind == core::Error::Kind::Timeout) {
        core::EntraConfig config;
        config.timeScale = m_timeScale;
        return tr("Entra ID at %1 did not answer within %n second(s). Check the network connection "
                  "(and proxy), then sign in again.",
                  nullptr, (config.transferTimeoutMs() + 999) / 1000)
            .arg(m_authority.toString());
    }
    if (error.kind == core::Error::Kind::Tls)
        return tr("The secure connection to Entra ID at %1 failed: %2")
            .arg(m_authority.toString(), error.message);
    if (error.kind == core::Error::Kind::Network)
        return tr("Entra ID could not be reached at %1: %2").arg(m_authority.toString(), error.message);
    return tr("Entra ID refused the sign-in for tenant “%1”: %2 Check the tenant and the client ID.")
        .arg(m_environment.tenantId, error.message);
}

void AddEnvironmentDialog::onDeviceCodeFinished()
{
    if (!m_signIn)
        return;
    const core::Result<core::TokenSet> result = m_signIn->result();
    m_signIn.release()->deleteLater(); // we are inside its signal
    if (!result) {
        failSignIn(describeSignInError(result.error()));
        return;
    }
    // Worded from where the store keeps secrets: without a keychain nothing outlives Portico.
    m_status->setText(sessionOnly() ? tr("Signed in. No keychain is available: the sign-in is kept "
                                         "only until Portico quits…")
                                    : tr("Signed in. Keeping the sign-in in the keychain…"));
    core::EntraTokenProvider *provider = m_signInTarget;
    if (!provider) {
        core::EntraConfig config;
        config.authority = m_authority;
        config.tenant = m_environment.tenantId;
        config.clientId = m_environment.clientId.isEmpty() ? QString(core::EntraConfig::azureCliClientId)
                                                           : m_environment.clientId;
        config.setManagementUrl(m_environment.managementUrl);
        auto own = std::make_unique<core::EntraTokenProvider>(m_network, config, m_secrets, m_environment.id);
        provider = own.get();
        m_tokens = std::move(own);
    }
    connect(provider, &core::EntraTokenProvider::refreshTokenStored, this,
            [this, provider](const core::Error &error) {
                disconnect(provider, &core::EntraTokenProvider::refreshTokenStored, this, nullptr);
                m_refreshTokenPending = false;
                if (error.kind != core::Error::Kind::None) {
                    failSignIn(tr("The sign-in could not be kept in the keychain: %1").arg(error.message));
                    return;
                }
                m_storedRefreshToken = true;
                // The write itself may have found that no keychain answers.
                m_keptNote->setText(sessionOnly()
                                        ? tr("No keychain is available: this sign-in is kept only "
                                             "until Portico quits, and you will have to sign in "
                                             "again after a restart.")
                                        : QString());
                if (m_signInAgain) {
                    m_done = true;
                    Q_EMIT signedInAgain();
                    accept();
                    return;
                }
                onSignedIn(provider);
            });
    if (result->refreshToken.isEmpty()) {
        failSignIn(tr("Entra ID gave no refresh token, so Portico could not stay signed in. Check "
                      "that the client ID allows offline access."));
        return;
    }
    m_refreshTokenPending = !m_signInAgain;
    provider->setSignedIn(result.value());
}

bool AddEnvironmentDialog::sessionOnly() const
{
    return m_secrets && m_secrets->backend() == core::SecretStore::Backend::SessionOnly;
}

void AddEnvironmentDialog::onSignedIn(core::AccessTokenProvider *tokens)
{
    m_client = std::make_unique<core::ArmClient>(m_network, m_environment.managementUrl, tokens);
    listSubscriptions();
}

void AddEnvironmentDialog::listSubscriptions()
{
    m_status->setText(tr("Signed in. Listing the subscriptions of this account…"));
    auto *job = core::AzureEnvironment(m_client.get(), this).listSubscriptions();
    connect(job, &core::AzureListJob::finished, this, [this, job] {
        if (!job->result()) {
            failSignIn(tr("The subscriptions of this account could not be listed: %1")
                           .arg(job->result().error().message));
            return;
        }
        m_subscriptions->clear();
        int enabled = 0;
        QListWidgetItem *firstEnabled = nullptr;
        QListWidgetItem *firstNew = nullptr;
        for (const core::AzureSubscription &s : job->result().value()) {
            const core::Environment *existing = existingFor(s.subscriptionId);
            QString label;
            if (!s.isEnabled())
                label = tr("%1 (%2), %3: not usable").arg(s.displayName, s.subscriptionId, s.state);
            else if (existing)
                label = tr("%1 (%2), already added as “%3”").arg(s.displayName, s.subscriptionId, existing->displayName);
            else
                label = tr("%1 (%2)").arg(s.displayName, s.subscriptionId);
            auto *item = new QListWidgetItem(label, m_subscriptions);
            item->setData(kSubscriptionIdRole, s.subscriptionId);
            item->setData(kSubscriptionNameRole, s.displayName);
            if (existing)
                item->setData(kExistingEnvironmentRole, existing->displayName);
            if (!s.isEnabled()) {
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
                continue;
            }
            ++enabled;
            if (!firstEnabled)
                firstEnabled = item;
            if (!firstNew && !existing)
                firstNew = item;
        }
        // The first subscription that can be added; when every one is there already, the first of
        // those, so that the message says where.
        m_subscriptions->setCurrentItem(firstNew ? firstNew : firstEnabled);
        onSubscriptionChanged(m_subscriptions->currentItem());
        showStep(Step::Subscription);
        if (enabled == 0)
            m_subscriptionMessage->setText(
                tr("This account has no enabled Azure subscription in tenant “%1”. Ask for access "
                   "to a subscription, or sign in with another account.")
                    .arg(m_environment.tenantId));
    });
}

const core::Environment *AddEnvironmentDialog::existingFor(const QString &subscriptionId) const
{
    core::Environment candidate = m_environment;
    candidate.subscriptionId = subscriptionId;
    for (const core::Environment &e : m_existing) {
        if (sameSubscription(e, candidate))
            return &e;
    }
    return nullptr;
}

void AddEnvironmentDialog::onSubscriptionChanged(QListWidgetItem *item)
{
    m_add->setEnabled(canBeAdded(item));
    const QString existing = item ? item->data(kExistingEnvironmentRole).toString() : QString();
    if (existing.isEmpty()) {
        m_subscriptionMessage->clear();
        return;
    }
    m_subscriptionMessage->setText(
        tr("The subscription “%1” is already in Portico as the environment “%2”. Choose another "
           "subscription, or cancel and use the existing environment.")
            .arg(item->data(kSubscriptionNameRole).toString(), existing));
}

void AddEnvironmentDialog::failSignIn(const QString &text)
{
    m_signIn.reset();
    m_client.reset();
    forgetSignIn();
    if (!m_signInTarget)
        m_tokens.reset();
    showStep(Step::Settings);
    m_settingsMessage->setText(text);
}

void AddEnvironmentDialog::finishAdding()
{
    QListWidgetItem *item = m_subscriptions->currentItem();
    if (!canBeAdded(item))
        return;
    m_environment.subscriptionId = item->data(kSubscriptionIdRole).toString();
    m_done = true;
    Q_EMIT environmentReady(m_environment, m_authority);
    accept();
}

void AddEnvironmentDialog::forgetSignIn()
{
    // A refresh token stored for an environment that was never added must not stay behind.
    const QString key = m_environment.secretKey(QString(core::EntraTokenProvider::refreshTokenPurpose));
    if (m_storedRefreshToken && !m_signInAgain && m_secrets)
        (void)m_secrets->remove(key);
    m_storedRefreshToken = false;
    if (!std::exchange(m_refreshTokenPending, false) || m_signInAgain || !m_secrets)
        return;
    // The keychain has not answered the write yet: the provider outlives this dialog until it
    // has, then the token is removed again.
    auto *provider = qobject_cast<core::EntraTokenProvider *>(m_tokens.get());
    if (!provider)
        return;
    (void)m_tokens.release();
    provider->disconnect(this);
    provider->setParent(m_secrets);
    QPointer<core::SecretStore> secrets = m_secrets;
    connect(provider, &core::EntraTokenProvider::refreshTokenStored, provider,
            [provider, secrets, key](const core::Error &error) {
                if (error.kind == core::Error::Kind::None && secrets)
                    (void)secrets->remove(key);
                provider->deleteLater();
            });
}

void AddEnvironmentDialog::reject()
{
    m_signIn.reset(); // stops polling
    m_client.reset();
    if (!m_done)
        forgetSignIn();
    QDialog::reject();
}

} // namespace portico::ui
