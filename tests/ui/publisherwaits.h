// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Set-up steps that GUI tests take through the real PublisherController against the real
// portico-local: one ARM call waited for, and a service instance created.

#include "core/arm/armrequest.h"
#include "core/common/result.h"
#include "ui/publisher/publishercontroller.h"

#include <QJsonObject>
#include <QTest>

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

} // namespace portico::test
