// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/server/httpservice.h"

namespace portico::local {

struct LocalContext;

// The sample Azure Machine Learning (classic) web service: RRS and BES over the
// feature-hashing experiment.
class MlService final : public HttpService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MlService)

public:
    explicit MlService(const LocalContext &context, QObject *parent = nullptr);
    ~MlService() override;

    [[nodiscard]] core::Result<void> open();

protected:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    bool authorized(const QHttpServerRequest &request) const;
    void handleJobs(const QHttpServerRequest &request, const QStringList &rest,
                    QHttpServerResponder &responder);

    const LocalContext &m_context;
};

} // namespace portico::local
