// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/subscriptionkeyjob.h"

#include "core/arm/apimclient.h"
#include "core/tryit/tryitrequest.h"

#include <QTimer>

namespace portico::core {

namespace {

// The subscription named `wanted`: its sid first, else its unique display name.
Result<Subscription> pick(const QList<Subscription> &subscriptions, const QString &wanted)
{
    for (const Subscription &s : subscriptions) {
        if (s.name == wanted)
            return s;
    }
    QList<Subscription> byName;
    for (const Subscription &s : subscriptions) {
        if (s.displayName == wanted)
            byName.append(s);
    }
    if (byName.size() == 1)
        return byName.first();
    Error error = byName.isEmpty()
        ? Error::make(Error::Kind::NotFound, u"There is no subscription \"%1\"."_qs.arg(wanted),
            u"SubscriptionNotFound"_qs)
        : Error::make(Error::Kind::InvalidInput,
            u"%1 subscriptions are named \"%2\"; choose one by its id."_qs.arg(byName.size())
                .arg(wanted),
            u"AmbiguousSubscription"_qs);
    error.target = u"subscription"_qs;
    return error;
}

} // namespace

SubscriptionKeyJob::SubscriptionKeyJob(ApimClient *client, QString subscription, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_subscription(std::move(subscription))
{
    if (!m_client) {
        finish(Error::make(Error::Kind::Unavailable, u"The client was closed."_qs));
        return;
    }
    if (m_subscription.trimmed().isEmpty()) {
        Error error = Error::make(
            Error::Kind::InvalidInput, u"No subscription was chosen."_qs, u"NoSubscription"_qs);
        error.target = u"subscription"_qs;
        finish(error);
        return;
    }
    follow(m_client->subscriptions().list(), &SubscriptionKeyJob::onListed);
}

void SubscriptionKeyJob::follow(ApimJob *job, void (SubscriptionKeyJob::*handler)())
{
    m_current = job;
    m_waitingFor = job;
    connect(job, &ApimJob::finished, this, [this, handler] {
        m_waitingFor = nullptr;
        (this->*handler)();
    });
    // The client owns the call; if it goes away first, the call never finishes.
    connect(job, &QObject::destroyed, this, [this, job] {
        if (m_waitingFor == job)
            finish(Error::make(Error::Kind::Unavailable, u"The client was closed."_qs));
    });
}

SubscriptionKeyJob::~SubscriptionKeyJob()
{
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        delete m_current.data();
    }
}

void SubscriptionKeyJob::onListed()
{
    auto *job = static_cast<ApimCall<QList<Subscription>> *>(m_current.data());
    m_current.clear();
    if (!job || m_result)
        return;
    if (!job->result()) {
        finish(job->result().error());
        return;
    }
    Result<Subscription> found = pick(*job->result(), m_subscription);
    if (!found) {
        finish(found.error());
        return;
    }
    m_found = *found;
    if (!m_client) {
        finish(Error::make(Error::Kind::Unavailable, u"The client was closed."_qs));
        return;
    }
    follow(m_client->listSubscriptionSecrets(m_found->name), &SubscriptionKeyJob::onSecrets);
}

void SubscriptionKeyJob::onSecrets()
{
    auto *job = static_cast<ApimCall<SubscriptionKeys> *>(m_current.data());
    m_current.clear();
    if (!job || m_result)
        return;
    if (!job->result()) {
        finish(job->result().error());
        return;
    }
    finish(ChosenSubscription { *m_found, *job->result() });
}

void SubscriptionKeyJob::cancel()
{
    if (m_result)
        return;
    if (m_current) {
        disconnect(m_current, nullptr, this, nullptr);
        delete m_current.data();
    }
    finish(Error::make(Error::Kind::Cancelled, u"Cancelled."_qs));
}

void SubscriptionKeyJob::finish(Result<ChosenSubscription> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished();
        deleteLater();
    });
}

void SubscriptionKeyJob::inject(
    TryItRequest &request, const Api &api, const ChosenSubscription &chosen, Key key)
{
    request.subscriptionName = chosen.subscription.displayName.isEmpty()
        ? chosen.subscription.name
        : chosen.subscription.displayName;
    request.subscriptionId = chosen.subscription.name;
    request.subscriptionKey
        = key == Key::Primary ? chosen.keys.primaryKey : chosen.keys.secondaryKey;
    request.keyHeaderName = api.subscriptionKeyParameterNames.header;
    request.keyQueryName = api.subscriptionKeyParameterNames.query;
}

} // namespace portico::core
