// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/core/itemmodels/armcalls.h"

#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"

#include <QJsonArray>
#include <QTest>

#include <optional>

namespace portico::test {

namespace {
constexpr int s_waitMs = 60'000;

core::Error timedOut()
{
    return core::Error::make(core::Error::Kind::Timeout, u"The test gave up waiting."_qs);
}
} // namespace

const QString &ArmCalls::subscriptionId()
{
    static const QString s_id = u"00000000-0000-0000-0000-000000000000"_qs;
    return s_id;
}

QString ArmCalls::serviceId(const QString &name)
{
    return u"/subscriptions/%1/resourceGroups/portico-local/providers/Microsoft.ApiManagement/"
           "service/%2"_qs.arg(subscriptionId(), name);
}

core::Result<core::ArmResponse> ArmCalls::call(const core::ArmRequest &request)
{
    core::ArmJob *job = m_client->send(request);
    std::optional<core::Result<core::ArmResponse>> result;
    QObject::connect(job, &core::ArmJob::finished, job, [&] { result = job->result(); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, s_waitMs))
        return timedOut();
    return *result;
}

core::Result<QList<QJsonObject>> ArmCalls::list(const QString &path)
{
    core::ArmListJob *job = m_client->list(core::ArmRequest::get(path));
    std::optional<core::Result<QList<QJsonObject>>> result;
    QObject::connect(job, &core::ArmListJob::finished, job, [&] { result = job->result(); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, s_waitMs))
        return timedOut();
    return *result;
}

core::Result<QString> ArmCalls::put(const QString &path, const QJsonObject &properties,
                                    bool longRunning)
{
    const auto reply = call(core::ArmRequest::put(path, QJsonObject { { u"properties"_qs, properties } })
                                .asLongRunning(longRunning));
    if (!reply)
        return reply.error();
    const auto json = reply->json();
    if (!json)
        return json.error();
    return json->value(u"id"_qs).toString();
}

core::Result<QString> ArmCalls::createSampleService(const QString &name)
{
    const QString svc = serviceId(name);
    const QJsonObject service {
        { u"location"_qs, u"local"_qs },
        { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs }, { u"capacity"_qs, 1 } } },
        { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"admin@example.com"_qs },
                                          { u"publisherName"_qs, u"Demo"_qs } } },
    };
    const auto created = call(core::ArmRequest::put(svc, service).asLongRunning());
    if (!created)
        return created.error();

    struct Step
    {
        QString path;
        QJsonObject properties;
        bool longRunning = false;
    };
    const QList<Step> steps {
        { svc + u"/apis/scoring"_qs,
          { { u"displayName"_qs, u"Scoring API"_qs },
            { u"path"_qs, u"scoring"_qs },
            { u"serviceUrl"_qs, u"http://127.0.0.1:9/score"_qs },
            { u"protocols"_qs, QJsonArray { u"https"_qs } } },
          true },
        { svc + u"/apis/scoring/operations/score"_qs,
          { { u"displayName"_qs, u"Score"_qs },
            { u"method"_qs, u"POST"_qs },
            { u"urlTemplate"_qs, u"/score"_qs } } },
        { svc + u"/apis/scoring/operations/health"_qs,
          { { u"displayName"_qs, u"Health"_qs },
            { u"method"_qs, u"GET"_qs },
            { u"urlTemplate"_qs, u"/health"_qs } } },
        { svc + u"/products/gold"_qs,
          { { u"displayName"_qs, u"Gold tier"_qs },
            { u"subscriptionRequired"_qs, true },
            { u"approvalRequired"_qs, true },
            { u"subscriptionsLimit"_qs, 2 },
            { u"state"_qs, u"published"_qs } } },
        { svc + u"/users/ada"_qs,
          { { u"email"_qs, u"ada@example.com"_qs },
            { u"firstName"_qs, u"Ada"_qs },
            { u"lastName"_qs, u"Lovelace"_qs } } },
        { svc + u"/groups/analysts"_qs, { { u"displayName"_qs, u"Analysts"_qs } } },
        { svc + u"/namedValues/model-version"_qs,
          { { u"displayName"_qs, u"model-version"_qs }, { u"value"_qs, u"7"_qs } },
          true },
        { svc + u"/backends/ml-backend"_qs,
          { { u"title"_qs, u"ML backend"_qs },
            { u"url"_qs, u"http://127.0.0.1:9/ml"_qs },
            { u"protocol"_qs, u"http"_qs } } },
        { svc + u"/subscriptions/ada-gold"_qs,
          { { u"displayName"_qs, u"Ada on Gold"_qs },
            { u"scope"_qs, u"/products/gold"_qs },
            { u"ownerId"_qs, u"/users/ada"_qs },
            { u"state"_qs, u"active"_qs } } },
        { svc + u"/policies/policy"_qs,
          { { u"format"_qs, u"xml"_qs },
            { u"value"_qs, u"<policies><inbound /><backend><forward-request /></backend>"
                           "<outbound /><on-error /></policies>"_qs } } },
    };
    for (const Step &step : steps) {
        const auto id = put(step.path, step.properties, step.longRunning);
        if (!id)
            return id.error();
    }
    return svc;
}

} // namespace portico::test
