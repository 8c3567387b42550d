// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/server/httpservice.h"

namespace portico::local {

struct LocalContext;

// The gateway data plane: what API consumers call, over HTTP and HTTPS.
class GatewayService final : public HttpService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayService)

public:
    explicit GatewayService(const LocalContext &context, QObject *parent = nullptr);
    ~GatewayService() override;

protected:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    const LocalContext &m_context;
};

} // namespace portico::local
