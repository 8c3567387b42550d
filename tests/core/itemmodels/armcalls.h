// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armclient.h"
#include "core/arm/armresponse.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace portico::test {

// Synchronous ARM calls for test set-up (waiting in the test's event loop), and the sample
// service the item-model tests read back: what they create here is what the models must show.
class ArmCalls final
{
public:
    explicit ArmCalls(core::ArmClient *client) : m_client(client) { }

    [[nodiscard]] core::Result<core::ArmResponse> call(const core::ArmRequest &request);
    [[nodiscard]] core::Result<QList<QJsonObject>> list(const QString &path);
    // The id of the created resource (from the reply body), or an error.
    [[nodiscard]] core::Result<QString> put(const QString &path, const QJsonObject &properties,
                                            bool longRunning = false);

    // A service "<name>" in the local subscription's portico-local group with, besides the seed
    // (products starter/unlimited, the three system groups, the admin user, the master
    // subscription): API "scoring" ("Scoring API", operations "score" POST /score and "health"
    // GET /health), product "gold" ("Gold tier", published, approval required, limit 2), user
    // "ada" (Ada Lovelace), group "analysts" ("Analysts"), named value "model-version", backend
    // "ml-backend" ("ML backend"), subscription "ada-gold" ("Ada on Gold", active, owner ada,
    // scope gold) and a global policy.
    [[nodiscard]] core::Result<QString> createSampleService(const QString &name);

    static QString serviceId(const QString &name);
    static const QString &subscriptionId();

private:
    core::ArmClient *m_client;
};

} // namespace portico::test
