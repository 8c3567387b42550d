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
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

#include <memory>
#include <optional>

namespace portico::test {

// A network access manager that notes each request as it is sent ("POST /path"), in order, so
// that a test can check what was (not) sent before a marker request of its own.
class RecordingNetworkAccessManager final : public QNetworkAccessManager
{
public:
    const QList<QByteArray> &sent() const { return m_sent; }
    void clearSent() { m_sent.clear(); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QByteArray verb;
        switch (op) {
        case GetOperation: verb = "GET"; break;
        case PostOperation: verb = "POST"; break;
        case PutOperation: verb = "PUT"; break;
        case DeleteOperation: verb = "DELETE"; break;
        case HeadOperation: verb = "HEAD"; break;
        default: verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray(); break;
        }
        m_sent << verb + ' ' + request.url().path().toUtf8();
        return QNetworkAccessManager::createRequest(op, request, data);
    }

private:
    QList<QByteArray> m_sent;
};

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
    // What was sent through network() since clearSent(), as "VERB /path", in the order sent.
    const QList<QByteArray> &sent() const { return m_network.sent(); }
    void clearSent() { m_network.clearSent(); }
    // Sends a marker GET and waits for its answer; returns what was sent up to it, marker included.
    // What anything before it (a click, an answer) was going to send has been sent by then.
    QList<QByteArray> sentUpToMarker(QObject *context)
    {
        (void)call(core::ArmRequest::get(m_serviceId + u"/namedValues/portico-test-marker"_qs), context);
        return m_network.sent();
    }
    core::ArmClient *client() const { return m_client.get(); }
    ui::PublisherController *controller() const { return m_controller.get(); }
    ui::OperationTracker &operations() { return m_operations; }
    const QString &serviceId() const { return m_serviceId; }

private:
    PorticoLocalFixture m_local;
    RecordingNetworkAccessManager m_network;
    std::unique_ptr<core::StaticTokenProvider> m_tokens;
    std::unique_ptr<core::ArmClient> m_client;
    ui::OperationTracker m_operations;
    std::unique_ptr<ui::PublisherController> m_controller;
    QString m_serviceId;
};

} // namespace portico::test
