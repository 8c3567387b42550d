// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Set-up that GUI tests share: the real portico-local, an ArmClient and a PublisherController on
// one service instance; one ARM call waited for; a service instance created.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "core/common/result.h"
#include "tests/support/porticolocalfixture.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/publishercontroller.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

namespace portico::test {

// portico-local's subscription and resource group, and a service in them.
inline QString localServiceId(const QString &name)
{
    return u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/portico-local"
           "/providers/Microsoft.ApiManagement/service/"_qs
        + name;
}

inline core::Result<QJsonObject> callAndWait(ui::PublisherController &controller, core::ArmRequest request,
                                             QObject *context, int timeoutMs = 60000)
{
    std::optional<core::Result<QJsonObject>> result;
    controller.call(std::move(request), context, [&result](const core::Result<QJsonObject> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return core::Error::make(core::Error::Kind::Unavailable, u"timed out"_qs);
    return *result;
}

// PUT the service and follow its long-running operation to the end.
inline core::Result<QJsonObject> createLocalService(ui::PublisherController &controller, const QString &serviceId,
                                                    QObject *context)
{
    core::ArmRequest create = core::ArmRequest::put(serviceId, QJsonObject {
        { u"location"_qs, u"local"_qs },
        { u"sku"_qs, QJsonObject { { u"name"_qs, u"Developer"_qs }, { u"capacity"_qs, 1 } } },
        { u"properties"_qs, QJsonObject { { u"publisherEmail"_qs, u"admin@contoso.com"_qs },
                                          { u"publisherName"_qs, u"Contoso"_qs } } } });
    create.longRunning = true;
    return callAndWait(controller, std::move(create), context);
}

// portico-local started, a service instance created, and a PublisherController on it.
class PublisherTestBed final
{
public:
    // Returns what went wrong, or an empty string.
    QString start(const QString &serviceName, QObject *context)
    {
        if (!m_local.start())
            return m_local.errorString();
        m_serviceId = localServiceId(serviceName);
        m_tokens = std::make_unique<core::StaticTokenProvider>(m_local.token());
        m_client = std::make_unique<core::ArmClient>(&m_network, m_local.managementUrl(), m_tokens.get());
        m_controller = std::make_unique<ui::PublisherController>(m_client.get(), &m_operations);
        m_controller->setService(m_serviceId);
        const auto service = createLocalService(*m_controller, m_serviceId, context);
        return service.ok() ? QString() : service.error().message;
    }
    void stop()
    {
        m_controller.reset();
        m_client.reset();
        m_local.stop();
    }
    core::Result<QJsonObject> call(core::ArmRequest request, QObject *context)
    {
        return callAndWait(*m_controller, std::move(request), context);
    }

    PorticoLocalFixture &local() { return m_local; }
    QNetworkAccessManager &network() { return m_network; }
    core::ArmClient *client() const { return m_client.get(); }
    ui::PublisherController *controller() const { return m_controller.get(); }
    ui::OperationTracker &operations() { return m_operations; }
    const QString &serviceId() const { return m_serviceId; }

private:
    PorticoLocalFixture m_local;
    QNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    ui::OperationTracker m_operations;
    std::unique_ptr<ui::PublisherController> m_controller;
    QString m_serviceId;
};

} // namespace portico::test
