// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/armrouter.h"
#include "core/local/store/managementstore.h"

#include <QObject>
#include <QTimer>

namespace portico::local {

struct LocalContext;

// The API Management service resource: PUT/PATCH/GET/DELETE, lists by resource group and by
// subscription, checkNameAvailability and the operationresults polling endpoint.
//
// Create and delete are long-running (apim-protocol.md §4.4): PUT answers 201 with
// provisioningState "Created" (target "Activating") and identical Location and
// Azure-AsyncOperation headers ending in "&asyncResponse"; the service becomes "Activating"
// halfway through the delay and "Succeeded" at its end. DELETE answers 202 and removes the
// service at the end of the delay. The delay is PORTICO_LOCAL_LRO_DELAY_MS milliseconds
// (default 2000). Operations are stored, so they finish after a restart too.
//
// A create can end Failed, as in Azure, where activation checks what the PUT was not refused
// for: a publisherEmail in the reserved top-level domain "invalid" (RFC 6761; "a@contoso.invalid")
// ends the operation with status "Failed" and error code "ActivationFailed", and leaves the
// service with provisioningState "Failed". The next PUT of that service creates it again, in
// the same location (another one is refused as for a PUT that replaces a service).
class ServiceRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceRoutes)

public:
    ServiceRoutes(const LocalContext &context, ManagementStore &store, QObject *parent = nullptr);
    ~ServiceRoutes() override;

    void registerRoutes(ArmRouter &router);
    // Moves every due long-running operation on; called before each request and by a timer.
    void advance();
    // After a restart: advance what is due and schedule the rest.
    void resume();

    static ArmResponse serviceNotFound(const QString &name, const QString &resourceGroup);

private:
    ArmResponse put(const ArmRequest &request);
    ArmResponse patch(const ArmRequest &request);
    // PUT on an existing service replaces it, as ARM does: what the body leaves out goes back to
    // its default or away (tags, notificationSenderEmail, ...); read-only properties, the
    // location and the creation data stay.
    ArmResponse replace(const ArmRequest &request, const QJsonObject &body, StoredResource existing);
    // The defaults of the settable properties a create or replace did not send.
    void applyDefaults(QJsonObject &properties) const;
    ArmResponse get(const ArmRequest &request) const;
    ArmResponse remove(const ArmRequest &request);
    ArmResponse list(const ArmRequest &request, bool bySubscription) const;
    ArmResponse checkNameAvailability(const ArmRequest &request) const;
    ArmResponse operationResult(const ArmRequest &request) const;
    ArmResponse childOperationResult(const ArmRequest &request) const;

    QJsonObject present(const ArmRequest &request, const StoredResource &service) const;
    // portico-local's gateway serves each service below its own path segment, the local
    // stand-in for https://{name}.azure-api.net: {gatewayHttps}/{name}, on the host name the
    // request was sent to.
    QString gatewayUrl(const ArmRequest &request, const QString &serviceName) const;
    QList<QPair<QByteArray, QByteArray>> pollingHeaders(const ArmRequest &request,
                                                        const QString &serviceId,
                                                        const QString &operationId,
                                                        bool locationIsAsync) const;
    std::optional<StoredResource> findByName(const QString &name) const;
    void schedule();

    const LocalContext &m_context;
    ManagementStore &m_store;
    QTimer m_timer;
    qint64 m_delayMs = 2000;
};

} // namespace portico::local
