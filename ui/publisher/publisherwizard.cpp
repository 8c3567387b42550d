// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// PublisherController: the service wizard's part. Subscriptions, resource groups and regions
// (Microsoft.Resources, in its own api-versions), the name check, and provisioning (a new
// resource group first when asked for).
#include "ui/publisher/publishercontroller.h"

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"
#include "core/arm/armrequest.h"
#include "core/environments/azureenvironment.h"
#include "core/model/serviceinstance.h"
#include "ui/common/forbiddentext.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/servicewizard.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace portico::ui {

namespace {

// The server's words for a failed list: its message, after its code when it sent one.
QString serverSaid(const core::Error &error)
{
    if (error.code.isEmpty())
        return error.message;
    if (error.message.isEmpty())
        return error.code;
    return error.code + u": "_qs + error.message;
}

bool isUnreachable(const core::Error &error)
{
    using Kind = core::Error::Kind;
    return error.kind == Kind::Network || error.kind == Kind::Timeout || error.kind == Kind::Tls
        || error.kind == Kind::Unavailable;
}

} // namespace

QString PublisherController::describeWizardListFailure(WizardList list, const core::Error &error)
{
    const QString said = serverSaid(error);
    const bool forbidden = error.kind == core::Error::Kind::Forbidden;
    const bool unreachable = isUnreachable(error);
    switch (list) {
    case WizardList::Subscriptions:
        if (forbidden)
            return ForbiddenText::withAdvice(
                tr("The signed-in account does not have permission to list the subscriptions of this account (%1).").arg(said));
        if (unreachable)
            return tr("The subscriptions could not be listed because Azure could not be reached (%1).").arg(said);
        return tr("The subscriptions could not be listed: %1").arg(said);
    case WizardList::ResourceGroups:
        if (forbidden)
            return ForbiddenText::withAdvice(
                tr("The signed-in account does not have permission to list the resource groups of this subscription (%1).").arg(said));
        if (unreachable)
            return tr("The resource groups could not be listed because Azure could not be reached (%1).").arg(said);
        return tr("The resource groups could not be listed: %1").arg(said);
    case WizardList::Regions:
        if (forbidden)
            return ForbiddenText::withAdvice(
                tr("The signed-in account does not have permission to list the regions of this subscription (%1).").arg(said));
        if (unreachable)
            return tr("The regions could not be listed because Azure could not be reached (%1).").arg(said);
        return tr("The regions could not be listed: %1").arg(said);
    }
    return said;
}

void PublisherController::loadWizardChoices(ServiceWizard *wizard, const QString &subscriptionId)
{
    QPointer<ServiceWizard> guard(wizard);
    m_subscriptionPath.clear();
    m_wizardSubscriptionId = subscriptionId;
    // Answers for an earlier environment (before setClient()) or an earlier Retry are dropped.
    const quint64 generation = ++m_wizardGeneration;
    if (!wizard)
        return;
    wizard->clearAzureChoicesProblems();
    if (!m_client)
        return;
    // Microsoft.Resources has its own api-versions (AzureEnvironment's); ArmClient's default
    // 2024-05-01 is Microsoft.ApiManagement's only.
    core::AzureEnvironment azure(m_client);
    auto *subscriptions = azure.listSubscriptions();
    connect(subscriptions, &core::AzureListJob::finished, wizard,
            [this, guard, subscriptions, subscriptionId, generation] {
                if (!guard || generation != m_wizardGeneration)
                    return;
                const auto &result = subscriptions->result();
                if (!result) {
                    const QString problem =
                        describeWizardListFailure(WizardList::Subscriptions, result.error());
                    guard->addAzureChoicesProblem(problem);
                    if (!m_pendingNameCheck.isEmpty())
                        guard->setAvailability(std::exchange(m_pendingNameCheck, {}),
                                               ServiceWizard::Availability::Failed, problem);
                    return;
                }
                QList<ServiceWizard::Choice> choices;
                for (const core::AzureSubscription &s : result.value()) {
                    if (subscriptionId.isEmpty()
                        || s.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0)
                        choices.append({ s.subscriptionId,
                                         s.displayName.isEmpty() ? s.subscriptionId : s.displayName });
                }
                guard->setSubscriptions(choices);
                if (choices.isEmpty()) {
                    const QString problem = subscriptionId.isEmpty()
                        ? tr("This account cannot see any Azure subscription to create the "
                             "service in.")
                        : tr("The account cannot see the subscription %1 of this environment "
                             "(any more).")
                              .arg(subscriptionId);
                    guard->addAzureChoicesProblem(problem);
                    if (!m_pendingNameCheck.isEmpty())
                        guard->setAvailability(std::exchange(m_pendingNameCheck, {}),
                                               ServiceWizard::Availability::Failed, problem);
                    return;
                }
                // The one the wizard shows: the first, or the one the user had chosen before Retry.
                QString chosen = guard->request().subscriptionId;
                if (chosen.isEmpty())
                    chosen = choices.first().id;
                m_subscriptionPath = u"/subscriptions/"_qs + chosen;
                if (!m_pendingNameCheck.isEmpty())
                    checkNameAvailability(guard, std::exchange(m_pendingNameCheck, {}));
                loadGroupsAndRegions(guard, chosen, generation);
            });
}

void PublisherController::loadGroupsAndRegions(ServiceWizard *wizard, const QString &subscriptionId,
                                               quint64 generation)
{
    QPointer<ServiceWizard> guard(wizard);
    core::AzureEnvironment azure(m_client);
    auto *groups = azure.listResourceGroups(subscriptionId);
    connect(groups, &core::AzureListJob::finished, wizard, [this, guard, groups, generation] {
        if (!guard || generation != m_wizardGeneration)
            return;
        const auto &result = groups->result();
        if (!result) {
            guard->addAzureChoicesProblem(
                describeWizardListFailure(WizardList::ResourceGroups, result.error()));
            return;
        }
        QList<ServiceWizard::Choice> choices;
        for (const core::ResourceGroup &g : result.value())
            choices.append({ g.name, g.name });
        guard->setResourceGroups(choices);
    });

    // Every region of the subscription, not only those where a group already is: a service in
    // a new resource group may go anywhere. GET /subscriptions/{id}/locations (Microsoft.Resources
    // Subscriptions_ListLocations): {value: [{name, displayName, regionalDisplayName,
    // metadata: {regionType: Physical | Logical, …}}]}; logical regions ("global", "europe")
    // cannot hold resources.
    core::ArmRequest request = core::ArmRequest::get(u"/subscriptions/"_qs + subscriptionId + u"/locations"_qs);
    request.withQuery(u"api-version"_qs, core::AzureEnvironment::subscriptionsApiVersion);
    core::ArmListJob *locations = m_client->list(request);
    connect(locations, &core::ArmListJob::finished, wizard, [this, guard, locations, generation] {
        if (!guard || generation != m_wizardGeneration)
            return;
        const auto &result = locations->result();
        if (!result) {
            guard->addAzureChoicesProblem(
                describeWizardListFailure(WizardList::Regions, result.error()));
            return;
        }
        QList<ServiceWizard::Choice> regions;
        for (const QJsonObject &l : result.value()) {
            const QString name = l.value(u"name"_qs).toString();
            const QString type = l.value(u"metadata"_qs).toObject().value(u"regionType"_qs).toString();
            if (name.isEmpty() || type.compare(u"Logical"_qs, Qt::CaseInsensitive) == 0)
                continue;
            regions.append({ name, l.value(u"displayName"_qs).toString(name) });
        }
        std::sort(regions.begin(), regions.end(), [](const auto &a, const auto &b) {
            return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
        });
        guard->setRegions(regions);
    });
}

void PublisherController::checkNameAvailability(ServiceWizard *wizard, const QString &name)
{
    QPointer<ServiceWizard> guard(wizard);
    const QString environmentId = wizard->request().environmentId;
    call(core::ArmRequest::post(m_subscriptionPath
                                    + u"/providers/Microsoft.ApiManagement/checkNameAvailability"_qs,
                                QJsonObject { { u"name"_qs, name } }),
         wizard, [guard, name, environmentId](const core::Result<QJsonObject> &r) {
             // An answer from the environment the user left says nothing about the one chosen.
             if (!guard || guard->request().environmentId != environmentId)
                 return;
             if (!r.ok()) {
                 guard->setAvailability(
                     name, ServiceWizard::Availability::Failed,
                     r.error().kind == core::Error::Kind::Forbidden
                         // The page says "Could not check the name: %1".
                         ? ForbiddenText::withAdvice(
                               tr("the signed-in account does not have permission to check API "
                                  "Management service names in this subscription (%1).")
                                   .arg(r.error().message))
                         : r.error().message);
                 return;
             }
             const QString reason = r->value(u"reason"_qs).toString();
             const QString message = r->value(u"message"_qs).toString();
             if (r->value(u"nameAvailable"_qs).toBool())
                 guard->setAvailability(name, ServiceWizard::Availability::Available);
             else if (reason == u"AlreadyExists")
                 guard->setAvailability(name, ServiceWizard::Availability::Taken, message);
             else
                 guard->setAvailability(name, ServiceWizard::Availability::Invalid, message);
         });
}

void PublisherController::attachWizard(ServiceWizard *wizard, const QString &subscriptionId)
{
    QPointer<ServiceWizard> guard(wizard);
    loadWizardChoices(wizard, subscriptionId);
    connect(wizard, &ServiceWizard::azureChoicesRetryRequested, this, [this, guard] {
        if (guard)
            loadWizardChoices(guard, m_wizardSubscriptionId);
    });
    // Another subscription has other resource groups (and may have other regions).
    connect(wizard, &ServiceWizard::subscriptionChosen, this, [this, guard](const QString &id) {
        if (!guard || !m_client || id.isEmpty())
            return;
        const quint64 generation = ++m_wizardGeneration;
        m_subscriptionPath = u"/subscriptions/"_qs + id;
        guard->clearAzureChoicesProblems();
        guard->setResourceGroups({});
        guard->setRegions({});
        loadGroupsAndRegions(guard, id, generation);
    });

    connect(wizard, &ServiceWizard::availabilityCheckRequested, this,
            [this, guard](const QString &, const QString &name) {
                if (!guard)
                    return;
                if (m_subscriptionPath.isEmpty())
                    m_pendingNameCheck = name; // asked once the subscriptions are read
                else
                    checkNameAvailability(guard, name);
            });

    // The create this wizard started last: what its job was following when it stopped watching,
    // and how to follow it again (Watch again). `follow` holds no reference to the run.
    struct WizardRun
    {
        core::ArmWatch watch;
        std::function<void(const core::ArmWatch &)> watchAgain;
    };
    auto run = std::make_shared<WizardRun>();
    connect(wizard, &ServiceWizard::watchAgainRequested, this, [this, guard, run] {
        if (run->watchAgain && run->watch.isValid() && m_client) {
            run->watchAgain(std::exchange(run->watch, {}));
            return;
        }
        // Nothing to follow, or the environment's connection was closed: the page must not stay
        // on "Watching again…", nor the owner wait for the end of this provisioning.
        run->watch = {};
        if (guard)
            guard->setProvisioningUnconfirmed(
                tr("Portico cannot follow this create any more. Look for the service in the "
                   "service list later; it appears there when it is ready."),
                false);
        // Queued: the owner hears the end after it heard that Watch again was requested.
        QTimer::singleShot(0, this, [this] { Q_EMIT provisioningFinished(false); });
    });

    connect(wizard, &ServiceWizard::provisionRequested, this,
            [this, guard, run](const ServiceWizard::Request &request) {
                core::ServiceInstance service;
                service.location = request.region;
                service.sku.name = request.tier;
                service.sku.capacity = request.tier == u"Consumption" ? 0 : 1;
                service.publisherEmail = request.adminEmail;
                service.publisherName = request.organization;
                const QString group = request.resourceGroup;
                const QString sub = request.subscriptionId.isEmpty()
                    ? m_subscriptionPath
                    : u"/subscriptions/"_qs + request.subscriptionId;
                const QString id = sub + u"/resourceGroups/"_qs + group
                    + u"/providers/Microsoft.ApiManagement/service/"_qs + request.serviceName;
                auto op = std::make_shared<int>(
                    m_operations ? m_operations->begin(tr("Creating %1").arg(request.serviceName))
                                 : 0);
                run->watch = {};
                run->watchAgain = {};
                // `failure`, when given, says what went wrong instead of the error.
                // `stoppedWatching`: the server accepted the create and has not said how it
                // ended; it most likely goes on, so this is no failure to create again after.
                // `unreachable`: that is because its status could not be read for a while.
                auto finishProvisioning = [this, guard, id, op, group, name = request.serviceName,
                                           weakRun = std::weak_ptr<WizardRun>(run)](
                                              const core::Result<QJsonObject> &r,
                                              const QString &failure = QString(),
                                              bool stoppedWatching = false,
                                              bool unreachable = false) {
                    const QString outcome = r.ok()
                        ? tr("%1 is ready").arg(name)
                        : stoppedWatching && unreachable
                        ? tr("Portico cannot reach the status of %1 (%2), so it stopped watching "
                             "it. The service may still be being created: look for it in the "
                             "service list later; it appears there when it is ready.")
                              .arg(name, r.error().message)
                        : stoppedWatching
                        ? tr("%1 is still being created, but Portico stopped watching it (%2). "
                             "Look for it in the service list later; it appears there when it "
                             "is ready.")
                              .arg(name, r.error().message)
                        : !failure.isEmpty()
                        ? failure
                        : r.error().kind == core::Error::Kind::Forbidden
                        ? ForbiddenText::withAdvice(
                              tr("Creating %1 failed: the signed-in account does not have "
                                 "permission to create it in the resource group “%2” (%3).")
                                  .arg(name, group, r.error().message))
                        // The resource ended Failed, and no operation said why.
                        : r.error().target == u"provisioningState"_qs && r.error().code.isEmpty()
                        ? tr("Creating “%1” failed: the service ended in a failed state, and "
                             "the server did not say why.")
                              .arg(name)
                        // The server's message first, its code last: "… (ActivationFailed)".
                        : r.error().code.isEmpty() || r.error().message.isEmpty()
                        ? tr("Creating “%1” failed: %2").arg(name, serverSaid(r.error()))
                        : tr("Creating “%1” failed: %2 (%3)")
                              .arg(name, r.error().message, r.error().code);
                    if (m_operations)
                        m_operations->end(*op, r.ok(), outcome);
                    const auto run = weakRun.lock();
                    if (guard && stoppedWatching)
                        guard->setProvisioningUnconfirmed(outcome, run && run->watch.isValid());
                    else if (guard)
                        guard->setProvisioningFinished(r.ok(), outcome);
                    if (r.ok()) {
                        setService(id);
                        Q_EMIT serviceCreated(id);
                        Q_EMIT resourcesChanged();
                    }
                    Q_EMIT provisioningFinished(r.ok());
                };
                auto follow = [this, guard, op, finishProvisioning, name = request.serviceName,
                               weakRun = std::weak_ptr<WizardRun>(run)](core::ArmJob *job) {
                    connect(job, &core::ArmJob::progress, this,
                            [this, guard, op](const QString &status) {
                                if (m_operations)
                                    m_operations->progress(*op, status);
                                if (guard)
                                    guard->setProvisioningStatus(status);
                            });
                    // Owned by the controller, not the wizard: closing it does not stop this.
                    connect(job, &core::ArmJob::finished, this, [job, finishProvisioning, name, weakRun] {
                        if (const auto run = weakRun.lock())
                            run->watch = job->watch();
                        // The server's last word: nothing left to watch; Back creates it again.
                        const QString failure = job->resourceGone()
                            ? tr("%1 no longer exists; the create may have failed.").arg(name)
                            : QString();
                        finishProvisioning(toJson(job->result()), failure, job->stoppedWatching(),
                                           job->pollsKeptFailing());
                    });
                };
                run->watchAgain = [this, op, follow,
                                   name = request.serviceName](const core::ArmWatch &watch) {
                    if (m_operations)
                        *op = m_operations->begin(tr("Creating %1").arg(name));
                    follow(m_client->watchAgain(watch));
                };
                auto start = [this, id, service, follow] {
                    core::ArmRequest put = core::ArmRequest::put(
                        id, service.toJson(core::JsonShape::Request));
                    put.asLongRunning();
                    follow(m_client->send(put));
                };
                if (request.newResourceGroup) {
                    core::ArmRequest createGroup = core::ArmRequest::put(
                        sub + u"/resourcegroups/"_qs + group,
                        QJsonObject { { u"location"_qs, service.location } });
                    createGroup.withQuery(u"api-version"_qs,
                                          core::AzureEnvironment::resourceGroupsApiVersion);
                    call(createGroup, this, [start, finishProvisioning, group, name = request.serviceName](
                                                const core::Result<QJsonObject> &r) {
                             if (r.ok())
                                 start();
                             else if (r.error().kind == core::Error::Kind::Forbidden)
                                 // Not the service but its new group was refused: say that.
                                 finishProvisioning(
                                     r, ForbiddenText::withAdvice(
                                            tr("Creating %1 failed: the signed-in account does not "
                                               "have permission to create the resource group “%2” (%3).")
                                                .arg(name, group, r.error().message)));
                             else
                                 finishProvisioning(r);
                         });
                } else {
                    start();
                }
            });
}

} // namespace portico::ui
