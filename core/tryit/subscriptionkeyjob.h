// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/subscriptionkeys.h"
#include "core/common/result.h"
#include "core/model/api.h"
#include "core/model/subscription.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace portico::core {

class ApimClient;
class ApimJob;
struct TryItRequest;

// The subscription the user picked for Try It, with its keys (secrets).
struct ChosenSubscription
{
    Subscription subscription;
    SubscriptionKeys keys;
};

// Finds the subscription the user chose in the Try It composer, by its id (sid) or, failing
// that, by its display name, and reads its keys with listSecrets (§2.5): GET never returns
// them. A display name shared by several subscriptions is refused (InvalidInput, target
// "subscription") rather than guessed; an unknown one is NotFound. The job starts at once,
// emits finished() exactly once and deletes itself afterwards; deleting it aborts the calls.
class SubscriptionKeyJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionKeyJob)

public:
    enum class Key { Primary, Secondary };

    SubscriptionKeyJob(ApimClient *client, QString subscription, QObject *parent = nullptr);
    ~SubscriptionKeyJob() override;

    [[nodiscard]] const Result<ChosenSubscription> &result() const { return *m_result; }
    void cancel();

    // Puts the chosen key into `request` under the API's key header and query names
    // (subscriptionKeyParameterNames, renamed or default), with the subscription's display
    // name (not secret) for history. The request's preview masks the key, history drops it.
    static void inject(TryItRequest &request, const Api &api, const ChosenSubscription &chosen,
        Key key = Key::Primary);

Q_SIGNALS:
    void finished();

private:
    void follow(ApimJob *job, void (SubscriptionKeyJob::*handler)());
    void onListed();
    void onSecrets();
    void finish(Result<ChosenSubscription> result);

    QPointer<ApimClient> m_client;
    QString m_subscription;
    QPointer<ApimJob> m_current;
    const QObject *m_waitingFor = nullptr;
    std::optional<Subscription> m_found;
    std::optional<Result<ChosenSubscription>> m_result;
};

} // namespace portico::core
