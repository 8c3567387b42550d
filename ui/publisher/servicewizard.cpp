// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/servicewizard.h"

#include "core/model/environment.h"
#include "ui/common/bannerwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizardPage>

#include <functional>

namespace portico::ui {

namespace {

QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

void setMessage(QLabel *label, const QString &text, bool error)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, error ? QColor(0xb0, 0x10, 0x10) : QColor(0x1d, 0x6b, 0x2e));
    label->setPalette(pal);
    label->setText(text);
}

} // namespace

class EnvironmentPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit EnvironmentPage(QWidget *parent = nullptr)
        : QWizardPage(parent)
    {
        setObjectName(u"environmentWizardPage"_qs);
        setTitle(tr("Environment"));
        setSubTitle(tr("Where the new service instance will run."));
        combo = new QComboBox(this);
        combo->setObjectName(u"environmentComboBox"_qs);
        auto *layout = new QFormLayout(this);
        layout->addRow(tr("&Environment:"), combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    }
    bool isComplete() const override { return combo->currentIndex() >= 0; }
    QComboBox *combo = nullptr;
};

class NamePage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit NamePage(ServiceWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setObjectName(u"nameWizardPage"_qs);
        setTitle(tr("Instance name"));
        setSubTitle(tr("The name becomes part of the gateway host name, so it must be unique."));
        edit = new QLineEdit(this);
        edit->setObjectName(u"instanceNameLineEdit"_qs);
        edit->setMaxLength(50);
        message = messageLabel(u"instanceNameMessageLabel"_qs, this);
        availability = messageLabel(u"instanceNameAvailabilityLabel"_qs, this);
        auto *hint = new QLabel(tr("1 to 50 characters: letters, digits and hyphens; it starts "
                                   "with a letter and does not end with a hyphen."),
                                this);
        hint->setWordWrap(true);
        auto *layout = new QFormLayout(this);
        layout->addRow(tr("Instance &name:"), edit);
        layout->addRow(QString(), message);
        layout->addRow(QString(), availability);
        layout->addRow(QString(), hint);

        m_debounce.setSingleShot(true);
        m_debounce.setInterval(300);
        connect(&m_debounce, &QTimer::timeout, this, &NamePage::requestCheck);
        connect(edit, &QLineEdit::textChanged, this, &NamePage::onTextChanged);
    }

    // Back on this page after another environment was chosen: that environment is asked.
    void initializePage() override
    {
        if (m_state == ServiceWizard::Availability::Unknown)
            requestCheck();
    }

    bool isComplete() const override
    {
        return ServiceWizard::isValidServiceName(edit->text()) && m_state == ServiceWizard::Availability::Available
            && m_checkedName == edit->text();
    }

    void setAvailability(const QString &name, ServiceWizard::Availability state,
                         const QString &text)
    {
        if (name != edit->text())
            return;
        m_state = state;
        m_checkedName = name;
        switch (state) {
        case ServiceWizard::Availability::Available:
            setMessage(availability, tr("“%1” is available.").arg(name), false);
            break;
        case ServiceWizard::Availability::Taken:
            // The service this wizard failed to create holds its name: a PUT creates it again.
            if (!createAgainName.isEmpty()
                && name.compare(createAgainName, Qt::CaseInsensitive) == 0) {
                m_state = ServiceWizard::Availability::Available;
                setMessage(availability,
                           tr("“%1” is the instance whose create failed; it will be created "
                              "again.")
                               .arg(name),
                           false);
                break;
            }
            setMessage(availability,
                       text.isEmpty() ? tr("“%1” is already taken.").arg(name)
                                      : tr("“%1” is not available: %2").arg(name, text),
                       true);
            break;
        case ServiceWizard::Availability::Invalid:
            setMessage(availability, tr("The server does not accept this name: %1").arg(text),
                       true);
            break;
        case ServiceWizard::Availability::Failed:
            setMessage(availability, tr("Could not check the name: %1").arg(text), true);
            break;
        case ServiceWizard::Availability::Checking:
            setMessage(availability, tr("Checking availability…"), false);
            break;
        case ServiceWizard::Availability::Unknown:
            availability->clear();
            break;
        }
        Q_EMIT completeChanged();
    }

    // Asks again for the name shown (after a create failed, the answer changed).
    void recheck()
    {
        m_state = ServiceWizard::Availability::Unknown;
        m_checkedName.clear();
        requestCheck();
    }

    QLineEdit *edit = nullptr;
    QLabel *message = nullptr;
    QLabel *availability = nullptr;
    // The name of the instance whose create this wizard saw fail, on the environment chosen.
    QString createAgainName;

private:
    void onTextChanged(const QString &text)
    {
        m_state = ServiceWizard::Availability::Unknown;
        m_checkedName.clear();
        availability->clear();
        if (text.isEmpty()) {
            setMessage(message, tr("Enter a name for the instance."), true);
        } else if (!text.front().isLetter() || text.front().unicode() > 127) {
            setMessage(message, tr("The name must start with a letter (a–z, A–Z)."), true);
        } else if (text.endsWith(u'-')) {
            setMessage(message, tr("The name must not end with a hyphen."), true);
        } else if (!ServiceWizard::isValidServiceName(text)) {
            setMessage(message,
                       tr("Only letters a–z and A–Z, digits and hyphens are allowed."), true);
        } else {
            message->clear();
            m_debounce.start();
        }
        Q_EMIT completeChanged();
    }

    void requestCheck()
    {
        const QString name = edit->text();
        if (!ServiceWizard::isValidServiceName(name))
            return;
        setAvailability(name, ServiceWizard::Availability::Checking, {});
        Q_EMIT m_wizard->availabilityCheckRequested(m_wizard->request().environmentId, name);
    }

    ServiceWizard *m_wizard;
    QTimer m_debounce;
    ServiceWizard::Availability m_state = ServiceWizard::Availability::Unknown;
    QString m_checkedName;
};

class AzurePage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit AzurePage(QWidget *parent = nullptr)
        : QWizardPage(parent)
    {
        setObjectName(u"azureWizardPage"_qs);
        setTitle(tr("Subscription, resource group and region"));
        setSubTitle(tr("Where in Azure the instance is created and billed."));
        subscription = new QComboBox(this);
        subscription->setObjectName(u"subscriptionComboBox"_qs);
        resourceGroup = new QComboBox(this);
        resourceGroup->setObjectName(u"resourceGroupComboBox"_qs);
        newGroup = new QCheckBox(tr("Create a &new resource group"), this);
        newGroup->setObjectName(u"newResourceGroupCheckBox"_qs);
        newGroupName = new QLineEdit(this);
        newGroupName->setObjectName(u"newResourceGroupLineEdit"_qs);
        newGroupName->setMaxLength(90);
        newGroupName->setValidator(new QRegularExpressionValidator(
            QRegularExpression(uR"([-\w._()]{1,90})"_qs), newGroupName));
        newGroupName->setEnabled(false);
        region = new QComboBox(this);
        region->setObjectName(u"regionComboBox"_qs);
        banner = new BannerWidget(this);
        banner->setObjectName(u"azureChoicesBannerWidget"_qs);
        auto *layout = new QFormLayout(this);
        layout->addRow(banner);
        layout->addRow(tr("&Subscription:"), subscription);
        layout->addRow(tr("Resource &group:"), resourceGroup);
        layout->addRow(QString(), newGroup);
        layout->addRow(tr("New group na&me:"), newGroupName);
        layout->addRow(tr("&Region:"), region);
        connect(newGroup, &QCheckBox::toggled, this, [this](bool on) {
            newGroupName->setEnabled(on);
            resourceGroup->setEnabled(!on);
            Q_EMIT completeChanged();
        });
        for (QComboBox *combo : { subscription, resourceGroup, region })
            connect(combo, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
        connect(newGroupName, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }
    bool isComplete() const override
    {
        const bool group = newGroup->isChecked() ? newGroupName->hasAcceptableInput()
                                                 : resourceGroup->currentIndex() >= 0;
        return subscription->currentIndex() >= 0 && group && region->currentIndex() >= 0;
    }
    QComboBox *subscription = nullptr;
    QComboBox *resourceGroup = nullptr;
    QCheckBox *newGroup = nullptr;
    QLineEdit *newGroupName = nullptr;
    QComboBox *region = nullptr;
    BannerWidget *banner = nullptr;
    QStringList problems;
};

// A page with one line edit and a message under it: `problem` says what is wrong with the text
// (empty when it is acceptable), the message shows it as the user types, and the page is
// complete when nothing is wrong. `field` names the children (fieldLineEdit, fieldMessageLabel).
class TextFieldPage final : public QWizardPage
{
public:
    using Check = std::function<QString(const QString &)>;
    TextFieldPage(const QString &pageName, const QString &field, const QString &label, Check problem,
                  QWidget *parent)
        : QWizardPage(parent)
        , m_problem(std::move(problem))
    {
        setObjectName(pageName);
        m_edit = new QLineEdit(this);
        m_edit->setObjectName(field + u"LineEdit"_qs);
        m_edit->setMaxLength(100);
        QLabel *message = messageLabel(field + u"MessageLabel"_qs, this);
        auto *layout = new QFormLayout(this);
        layout->addRow(label, m_edit);
        layout->addRow(QString(), message);
        connect(m_edit, &QLineEdit::textChanged, this, [this, message](const QString &text) {
            const QString problemText = m_problem(text);
            if (problemText.isEmpty())
                message->clear();
            else
                setMessage(message, problemText, true);
            Q_EMIT completeChanged();
        });
    }
    bool isComplete() const override { return m_problem(m_edit->text()).isEmpty(); }

private:
    Check m_problem;
    QLineEdit *m_edit = nullptr;
};

class TierPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit TierPage(QWidget *parent = nullptr)
        : QWizardPage(parent)
    {
        setObjectName(u"tierWizardPage"_qs);
        setTitle(tr("Pricing tier"));
        setSubTitle(tr("The tier decides capacity, features and cost. It can be changed later "
                       "for most tiers."));
        combo = new QComboBox(this);
        combo->setObjectName(u"tierComboBox"_qs);
        for (const QString &tier : ServiceWizard::tiers())
            combo->addItem(tier, tier);
        note = new QLabel(this);
        note->setObjectName(u"tierNoteLabel"_qs);
        note->setWordWrap(true);
        auto *layout = new QFormLayout(this);
        layout->addRow(tr("&Tier:"), combo);
        layout->addRow(QString(), note);
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this] { note->setText(ServiceWizard::tierNote(combo->currentData().toString())); });
        note->setText(ServiceWizard::tierNote(combo->currentData().toString()));
    }
    QComboBox *combo = nullptr;
    QLabel *note = nullptr;
};

class SummaryPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryPage(ServiceWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setObjectName(u"summaryWizardPage"_qs);
        setTitle(tr("Summary"));
        setSubTitle(tr("Check the settings, then create the instance. Creating one can take a "
                       "while; you may close this window meanwhile."));
        setCommitPage(true);
        setButtonText(QWizard::CommitButton, tr("&Create"));
        summary = new QLabel(this);
        summary->setObjectName(u"summaryLabel"_qs);
        summary->setTextFormat(Qt::PlainText);
        summary->setWordWrap(true);
        summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(summary);
        layout->addStretch(1);
    }
    void initializePage() override
    {
        const ServiceWizard::Request r = m_wizard->request();
        QStringList lines;
        lines << tr("Environment: %1").arg(environmentName(r.environmentId))
              << tr("Instance name: %1").arg(r.serviceName);
        if (m_wizard->isAzure()) {
            lines << tr("Subscription: %1").arg(r.subscriptionId)
                  << (r.newResourceGroup ? tr("Resource group: %1 (new)").arg(r.resourceGroup)
                                         : tr("Resource group: %1").arg(r.resourceGroup))
                  << tr("Region: %1").arg(r.region);
        }
        lines << tr("Organization: %1").arg(r.organization)
              << tr("Administrator e-mail: %1").arg(r.adminEmail)
              << tr("Pricing tier: %1").arg(r.tier);
        summary->setText(lines.join(u'\n'));
    }
    QLabel *summary = nullptr;

private:
    QString environmentName(const QString &id) const
    {
        auto *combo = m_wizard->findChild<QComboBox *>(u"environmentComboBox"_qs);
        const int index = combo->findData(id);
        return index >= 0 ? combo->itemText(index) : id;
    }
    ServiceWizard *m_wizard;
};

class ProgressPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ProgressPage(QWidget *parent = nullptr)
        : QWizardPage(parent)
    {
        setObjectName(u"progressWizardPage"_qs);
        setTitle(tr("Creating the instance"));
        setSubTitle(tr("You can close this window; progress continues in the status bar."));
        status = messageLabel(u"provisioningStatusLabel"_qs, this);
        bar = new QProgressBar(this);
        bar->setObjectName(u"provisioningProgressBar"_qs);
        bar->setRange(0, 0);
        watchAgain = new QPushButton(tr("&Watch again"), this);
        watchAgain->setObjectName(u"watchAgainPushButton"_qs);
        watchAgain->setToolTip(tr("Keep following this creation until the instance is ready"));
        watchAgain->hide();
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(bar);
        layout->addWidget(status);
        layout->addWidget(watchAgain, 0, Qt::AlignLeft);
        layout->addStretch(1);
        setFinalPage(true);
        connect(watchAgain, &QPushButton::clicked, this, [this] {
            watchAgain->hide();
            done = false;
            bar->setRange(0, 0);
            status->setPalette(palette());
            status->setText(tr("Watching again…"));
            Q_EMIT completeChanged();
            Q_EMIT static_cast<ServiceWizard *>(wizard())->watchAgainRequested();
        });
    }
    bool isComplete() const override { return done; }
    void setStatus(const QString &text)
    {
        status->setText(tr("Status: %1").arg(text));
    }
    void finish(bool succeeded, const QString &text)
    {
        done = true;
        watchAgain->hide();
        this->succeeded = succeeded;
        bar->setRange(0, 1);
        bar->setValue(succeeded ? 1 : 0);
        if (succeeded) {
            setMessage(status, text, false);
        } else {
            // Nothing the user entered is lost: they can go back, change it and create again.
            wizard()->page(ServiceWizard::SummaryPageId)->setCommitPage(false);
            wizard()->setOption(QWizard::NoBackButtonOnLastPage, false);
            setMessage(status,
                       text + u'\n'
                           + tr("Use Back to change the settings and create the instance again."),
                       true);
        }
        Q_EMIT completeChanged();
    }
    void finishUnconfirmed(const QString &text, bool canWatchAgain)
    {
        done = true;
        succeeded = false;
        bar->setRange(0, 1);
        bar->setValue(0);
        status->setPalette(palette()); // neither success nor error colour
        status->setText(text);
        watchAgain->setVisible(canWatchAgain);
        Q_EMIT completeChanged();
    }
    // Back after a failed create: the summary creates again; this page starts over.
    void cleanupPage() override
    {
        done = false;
        succeeded = false;
        bar->setRange(0, 0);
        status->clear();
        watchAgain->hide();
        wizard()->page(ServiceWizard::SummaryPageId)->setCommitPage(true);
        wizard()->setOption(QWizard::NoBackButtonOnLastPage, true);
    }
    QLabel *status = nullptr;
    QProgressBar *bar = nullptr;
    QPushButton *watchAgain = nullptr;
    bool done = false;
    bool succeeded = false;
};

ServiceWizard::ServiceWizard(QWidget *parent)
    : QWizard(parent)
{
    setObjectName(u"serviceWizard"_qs);
    setWindowTitle(tr("New service instance"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);

    m_environmentPage = new EnvironmentPage(this);
    m_namePage = new NamePage(this);
    m_azurePage = new AzurePage(this);
    m_progressPage = new ProgressPage(this);
    setPage(EnvironmentPageId, m_environmentPage);
    setPage(NamePageId, m_namePage);
    setPage(AzurePageId, m_azurePage);
    auto *organization = new TextFieldPage(
        u"organizationWizardPage"_qs, u"organization"_qs, tr("&Organization name:"),
        [](const QString &text) {
            return text.trimmed().isEmpty() ? tr("Enter the organization name.") : QString();
        },
        this);
    organization->setTitle(tr("Organization"));
    organization->setSubTitle(tr("Shown to developers in the portal and in notification e-mails."));
    setPage(OrganizationPageId, organization);
    auto *email = new TextFieldPage(
        u"emailWizardPage"_qs, u"adminEmail"_qs, tr("Administrator &e-mail:"),
        [](const QString &text) {
            if (text.isEmpty())
                return tr("Enter the administrator's e-mail address.");
            if (!isValidEmail(text))
                return tr("“%1” is not a valid e-mail address (expected name@example.com).")
                    .arg(text);
            return QString();
        },
        this);
    email->setTitle(tr("Administrator e-mail"));
    email->setSubTitle(tr("Where system notifications for this instance are sent."));
    setPage(EmailPageId, email);
    setPage(TierPageId, new TierPage(this));
    setPage(SummaryPageId, new SummaryPage(this));
    setPage(ProgressPageId, m_progressPage);
    setStartId(EnvironmentPageId);

    button(QWizard::NextButton)->setObjectName(u"wizardNextPushButton"_qs);
    button(QWizard::BackButton)->setObjectName(u"wizardBackPushButton"_qs);
    button(QWizard::CommitButton)->setObjectName(u"wizardCreatePushButton"_qs);
    button(QWizard::FinishButton)->setObjectName(u"wizardFinishPushButton"_qs);
    button(QWizard::CancelButton)->setObjectName(u"wizardCancelPushButton"_qs);

    connect(m_environmentPage->combo, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT environmentChosen(request().environmentId);
        // A different environment can change the answer for the same name.
        m_namePage->createAgainName.clear();
        m_namePage->setAvailability(m_namePage->edit->text(), Availability::Unknown, {});
    });
    connect(m_azurePage->subscription, &QComboBox::activated, this,
            [this] { Q_EMIT subscriptionChosen(request().subscriptionId); });
    connect(m_azurePage->banner, &BannerWidget::retryRequested, this, [this] {
        m_azurePage->problems.clear();
        Q_EMIT azureChoicesRetryRequested();
    });
    connect(m_azurePage->banner, &BannerWidget::dismissed, this,
            [this] { m_azurePage->problems.clear(); });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ProgressPageId)
            Q_EMIT provisionRequested(request());
    });
}

ServiceWizard::~ServiceWizard() = default;

int ServiceWizard::nextIdFor(int id) const
{
    switch (id) {
    case EnvironmentPageId:
        return NamePageId;
    case NamePageId:
        return isAzure() ? AzurePageId : OrganizationPageId;
    case AzurePageId:
        return OrganizationPageId;
    case OrganizationPageId:
        return EmailPageId;
    case EmailPageId:
        return TierPageId;
    case TierPageId:
        return SummaryPageId;
    case SummaryPageId:
        return ProgressPageId;
    default:
        return -1;
    }
}

int ServiceWizard::nextId() const
{
    return nextIdFor(currentId());
}

void ServiceWizard::setEnvironments(const QList<Environment> &environments, const QString &current)
{
    m_environments = environments;
    QComboBox *combo = m_environmentPage->combo;
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const Environment &env : environments)
        combo->addItem(env.displayName, env.id);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : (environments.isEmpty() ? -1 : 0));
    Q_EMIT m_environmentPage->completeChanged();
}

namespace {
void fill(QComboBox *combo, const QList<ServiceWizard::Choice> &choices)
{
    const QString previous = combo->currentData().toString();
    combo->clear();
    for (const ServiceWizard::Choice &choice : choices)
        combo->addItem(choice.displayName, choice.id);
    const int index = combo->findData(previous);
    if (index >= 0)
        combo->setCurrentIndex(index);
}
} // namespace

void ServiceWizard::setSubscriptions(const QList<Choice> &subscriptions)
{
    fill(m_azurePage->subscription, subscriptions);
}

void ServiceWizard::setResourceGroups(const QList<Choice> &groups)
{
    fill(m_azurePage->resourceGroup, groups);
}

void ServiceWizard::setRegions(const QList<Choice> &regions)
{
    fill(m_azurePage->region, regions);
}

void ServiceWizard::addAzureChoicesProblem(const QString &text)
{
    if (text.isEmpty() || m_azurePage->problems.contains(text))
        return;
    m_azurePage->problems.append(text);
    m_azurePage->banner->showMessage(BannerWidget::Kind::Error,
                                     m_azurePage->problems.join(u'\n'), true);
}

void ServiceWizard::clearAzureChoicesProblems()
{
    m_azurePage->problems.clear();
    m_azurePage->banner->clear();
}

QString ServiceWizard::azureChoicesProblems() const
{
    return m_azurePage->problems.join(u'\n');
}

void ServiceWizard::setAvailability(const QString &name, Availability availability,
                                    const QString &message)
{
    m_namePage->setAvailability(name, availability, message);
}

void ServiceWizard::setProvisioningStatus(const QString &status)
{
    m_progressPage->setStatus(status);
}

void ServiceWizard::setProvisioningFinished(bool succeeded, const QString &message)
{
    m_progressPage->finish(succeeded, message);
    if (succeeded)
        return;
    // A create that failed after the server accepted it leaves the service, which holds the
    // name: Back to the name page accepts it, to create it again.
    m_namePage->createAgainName = m_namePage->edit->text();
    m_namePage->recheck();
}

void ServiceWizard::setProvisioningUnconfirmed(const QString &message, bool canWatchAgain)
{
    m_progressPage->finishUnconfirmed(message, canWatchAgain);
}

ServiceWizard::Request ServiceWizard::request() const
{
    Request r;
    r.environmentId = m_environmentPage->combo->currentData().toString();
    r.serviceName = m_namePage->edit->text();
    if (isAzure()) {
        r.subscriptionId = m_azurePage->subscription->currentData().toString();
        r.newResourceGroup = m_azurePage->newGroup->isChecked();
        r.resourceGroup = r.newResourceGroup ? m_azurePage->newGroupName->text()
                                             : m_azurePage->resourceGroup->currentData().toString();
        r.region = m_azurePage->region->currentData().toString();
    } else {
        // The Azure page is skipped: what it may still hold (from an Azure environment chosen
        // before) is not for portico-local, which has one place for every service.
        r.subscriptionId = core::Environment::localSubscriptionId;
        r.resourceGroup = core::Environment::localResourceGroup;
        r.region = core::Environment::localLocation;
    }
    r.organization = findChild<QLineEdit *>(u"organizationLineEdit"_qs)->text().trimmed();
    r.adminEmail = findChild<QLineEdit *>(u"adminEmailLineEdit"_qs)->text().trimmed();
    r.tier = findChild<QComboBox *>(u"tierComboBox"_qs)->currentData().toString();
    return r;
}

bool ServiceWizard::isAzure() const
{
    const QString id = m_environmentPage->combo->currentData().toString();
    for (const Environment &env : m_environments) {
        if (env.id == id)
            return env.azure;
    }
    return false;
}

bool ServiceWizard::isValidServiceName(const QString &name)
{
    static const QRegularExpression pattern(uR"(^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$)"_qs);
    return name.size() >= 1 && name.size() <= 50 && pattern.match(name).hasMatch();
}

bool ServiceWizard::isValidEmail(const QString &email)
{
    // Deliberately simple: one @, a dot in the domain, no spaces; the server has the last word.
    static const QRegularExpression pattern(
        uR"(^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$)"_qs);
    return email.size() <= 100 && pattern.match(email).hasMatch();
}

QStringList ServiceWizard::tiers()
{
    return { u"Developer"_qs, u"Consumption"_qs, u"Basic"_qs, u"BasicV2"_qs, u"Standard"_qs,
             u"StandardV2"_qs, u"Premium"_qs };
}

QString ServiceWizard::tierNote(const QString &tier)
{
    if (tier == u"Developer")
        return tr("For trying things out and development. No uptime guarantee; do not use it "
                  "for production traffic.");
    if (tier == u"Consumption")
        return tr("Pay per call, scales to zero when idle. Starts quickly; some features, such "
                  "as the built-in cache and the developer portal, are not included.");
    if (tier == u"Basic")
        return tr("Entry-level production tier with an uptime guarantee and modest capacity.");
    if (tier == u"BasicV2")
        return tr("Newer entry-level production tier that is created in minutes.");
    if (tier == u"Standard")
        return tr("Medium-volume production tier with more capacity and scale-out units.");
    if (tier == u"StandardV2")
        return tr("Newer medium-volume production tier that is created in minutes and can reach "
                  "private backends.");
    if (tier == u"Premium")
        return tr("High-volume and enterprise tier: several regions, availability zones and "
                  "virtual network isolation.");
    return {};
}

} // namespace portico::ui

#include "servicewizard.moc"
