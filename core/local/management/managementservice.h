// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/server/httpservice.h"

namespace portico::local {

struct LocalContext;

// The ARM-compatible management plane for Microsoft.ApiManagement (api-version 2024-05-01).
class ManagementService final : public HttpService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManagementService)

public:
    explicit ManagementService(const LocalContext &context, QObject *parent = nullptr);
    ~ManagementService() override;

    // Opens (or creates and migrates) the store in the data dir.
    [[nodiscard]] core::Result<void> open();

protected:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    const LocalContext &m_context;
};

} // namespace portico::local
