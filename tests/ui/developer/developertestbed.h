// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Set-up that the developer-side GUI tests share, against the real portico-local: the
// publisher's part of the seed (a service instance and the sample AzureML API, added as the
// publisher panels add it), an active subscription whose key a developer then uses, and a
// DeveloperController on that service with its Try It history in a file the test names.

#include "core/arm/armrequest.h"
#include "core/common/result.h"
#include "core/tryit/tryithistory.h"
#include "tests/ui/publishertestbed.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/publisher/azuremldefinition.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

namespace portico::test {

class DeveloperTestBed final
{
public:
    // portico-local started, the service created and the sample AzureML API published in it.
    // Returns what went wrong, or an empty string.
    QString start(const QString &serviceName, QObject *context)
    {
        if (QString error = m_publisher.start(serviceName, context); !error.isEmpty())
            return error;
        std::optional<core::Result<void>> added;
        m_publisher.controller()->addAzureMl(ui::AzureMlDefinition::localSample(local().mlUrl().toString()),
                                             local().mlKey(), context,
                                             [&added](const core::Result<void> &r) { added = r; });
        if (!QTest::qWaitFor([&] { return added.has_value(); }, 60000))
            return u"adding the AzureML sample timed out"_qs;
        return added->ok() ? QString() : added->error().message;
    }

    // Creates (or replaces) the subscription `name` with these properties; returns its primary key.
    core::Result<QString> subscribe(const QString &name, const QJsonObject &properties, QObject *context)
    {
        const QString path = serviceId() + u"/subscriptions/"_qs + name;
        const auto created = call(core::ArmRequest::put(path, QJsonObject { { u"properties"_qs, properties } }), context);
        if (!created.ok())
            return created.error();
        const auto secrets = call(core::ArmRequest::post(path + u"/listSecrets"_qs), context);
        if (!secrets.ok())
            return secrets.error();
        return secrets.value().value(u"primaryKey"_qs).toString();
    }

    // The developer side on the same service, its history opened at historyPath.
    // Returns what went wrong, or an empty string.
    QString startDeveloper(const QString &historyPath)
    {
        if (!m_history.open(historyPath))
            return u"cannot open the history at "_qs + historyPath;
        m_developer = std::make_unique<ui::DeveloperController>(m_publisher.client(), &network(), &m_history);
        m_developer->setService(serviceId());
        return {};
    }

    // startDeveloper(), then the developer workspace made, shown (1400 x 900) and refreshed.
    // Returns what went wrong, or an empty string.
    QString openWorkspace(const QString &historyPath, std::unique_ptr<ui::DeveloperWorkspace> &workspace)
    {
        if (QString error = startDeveloper(historyPath); !error.isEmpty())
            return error;
        workspace = std::make_unique<ui::DeveloperWorkspace>(developer());
        workspace->resize(1400, 900);
        workspace->show();
        if (!QTest::qWaitForWindowExposed(workspace.get()))
            return u"the developer workspace was not shown"_qs;
        if (!refreshDeveloper())
            return u"the developer's subscriptions were not listed"_qs;
        return {};
    }

    // Refreshes the developer side and waits until its subscriptions are listed.
    bool refreshDeveloper()
    {
        QSignalSpy subscriptions(m_developer.get(), &ui::DeveloperController::subscriptionsLoaded);
        m_developer->refresh();
        return subscriptions.wait(30000);
    }

    void stop()
    {
        m_developer.reset();
        m_history.close();
        m_publisher.stop();
    }

    core::Result<QJsonObject> call(core::ArmRequest request, QObject *context)
    {
        return m_publisher.call(std::move(request), context);
    }

    PorticoLocalFixture &local() { return m_publisher.local(); }
    QNetworkAccessManager &network() { return m_publisher.network(); }
    ui::PublisherController *publisher() const { return m_publisher.controller(); }
    ui::DeveloperController *developer() const { return m_developer.get(); }
    core::TryItHistory &history() { return m_history; }
    const QString &serviceId() const { return m_publisher.serviceId(); }

private:
    PublisherTestBed m_publisher;
    core::TryItHistory m_history;
    std::unique_ptr<ui::DeveloperController> m_developer;
};

} // namespace portico::test
