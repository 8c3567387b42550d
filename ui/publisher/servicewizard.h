// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QWizard>

namespace portico::ui {

// Creates an API Management service instance. Pages, in order: environment; instance name
// (live pattern check and availability); subscription, resource group and region (Azure only);
// organization; administrator e-mail; pricing tier; summary; then provisioning progress.
//
// The wizard holds no protocol logic: it asks its owner to check a name and to provision, and
// shows what the owner reports. Provisioning belongs to the owner, so closing the wizard does
// not stop it (the status bar keeps showing it).
class ServiceWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceWizard)

public:
    enum PageId { EnvironmentPageId, NamePageId, AzurePageId, OrganizationPageId, EmailPageId,
                  TierPageId, SummaryPageId, ProgressPageId };

    struct Environment
    {
        QString id;
        QString displayName;
        bool azure = false;
    };
    struct Choice
    {
        QString id;          // what is sent ("/subscriptions/…", "westeurope")
        QString displayName; // what is shown
    };
    // What the user asked for; the owner turns it into a PUT. On a local environment the
    // subscription, resource group and region are portico-local's own, whatever the Azure page
    // holds.
    struct Request
    {
        QString environmentId;
        QString serviceName;
        QString subscriptionId;
        QString resourceGroup;
        bool newResourceGroup = false;
        QString region;
        QString organization;
        QString adminEmail;
        QString tier;
    };
    enum class Availability { Unknown, Checking, Available, Taken, Invalid, Failed };

    explicit ServiceWizard(QWidget *parent = nullptr);
    ~ServiceWizard() override;

    void setEnvironments(const QList<Environment> &environments, const QString &current = {});
    void setSubscriptions(const QList<Choice> &subscriptions);
    void setResourceGroups(const QList<Choice> &groups);
    void setRegions(const QList<Choice> &regions);
    // Why the subscriptions, resource groups or regions could not be read (one translated
    // sentence each), shown on their page with Retry, which clears them and emits
    // azureChoicesRetryRequested(). The owner clears them when it reads the lists again.
    void addAzureChoicesProblem(const QString &text);
    void clearAzureChoicesProblems();
    QString azureChoicesProblems() const;

    // The owner's answer to availabilityCheckRequested(); ignored when the name changed since.
    void setAvailability(const QString &name, Availability availability,
                         const QString &message = {});

    // Provisioning progress, reported by the owner after provisionRequested().
    void setProvisioningStatus(const QString &status);
    // After a failure the name is checked again: taken by the service whose create failed, the
    // name page accepts it and says that instance will be created again.
    void setProvisioningFinished(bool succeeded, const QString &message);
    // Provisioning goes on, but the owner stopped following it (`message` says why): neither
    // success nor a failure to correct and create again. With `canWatchAgain`, the page offers
    // Watch again (watchAgainRequested()), after which the owner reports as after
    // provisionRequested().
    void setProvisioningUnconfirmed(const QString &message, bool canWatchAgain);

    Request request() const;
    int nextId() const override;
    bool isAzure() const;

    // The rules the wizard applies as the user types (apim-protocol.md §5), for reuse.
    static bool isValidServiceName(const QString &name);
    static bool isValidEmail(const QString &email);
    // Plain-language note for a pricing tier.
    static QString tierNote(const QString &tier);
    static QStringList tiers();

Q_SIGNALS:
    void environmentChosen(const QString &environmentId);
    void availabilityCheckRequested(const QString &environmentId, const QString &name);
    void provisionRequested(const portico::ui::ServiceWizard::Request &request);
    // The user asked to read the subscriptions, resource groups and regions again.
    void azureChoicesRetryRequested();
    // The user chose another subscription (its resource groups and regions are needed).
    void subscriptionChosen(const QString &subscriptionId);
    // After setProvisioningUnconfirmed(): the user asked to follow the same create again.
    void watchAgainRequested();

private:
    int nextIdFor(int id) const;

    QList<Environment> m_environments;
    class EnvironmentPage *m_environmentPage = nullptr;
    class NamePage *m_namePage = nullptr;
    class AzurePage *m_azurePage = nullptr;
    class ProgressPage *m_progressPage = nullptr;
};

} // namespace portico::ui

Q_DECLARE_METATYPE(portico::ui::ServiceWizard::Request)
