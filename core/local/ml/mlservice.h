// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/server/httpservice.h"

#include <memory>

namespace portico::local {

struct LocalContext;
class BesJobQueue;
class BesJobStore;

// The sample Azure Machine Learning (classic) web service: RRS and BES over the
// feature-hashing experiment. BES jobs run on a bounded pool of worker threads, so scoring a
// large input never blocks this listener.
class MlService final : public HttpService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MlService)

public:
    explicit MlService(const LocalContext &context, QObject *parent = nullptr);
    ~MlService() override;

    // Opens the job store (ml.db in the data dir) and resumes the jobs that were running.
    [[nodiscard]] core::Result<void> open();

protected:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    bool authorized(const QHttpServerRequest &request) const;
    void handleJobs(const QHttpServerRequest &request, const QStringList &rest,
                    QHttpServerResponder &responder);

    void submitJob(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void startJob(const QString &id, QHttpServerResponder &responder);
    void jobStatus(const QString &id, QHttpServerResponder &responder);
    void deleteJob(const QString &id, QHttpServerResponder &responder);
    static void writeEmpty(QHttpServerResponder &responder);

    static constexpr int workerCount = 2;
    static constexpr int maxAttempts = 3;

    const LocalContext &m_context;
    std::unique_ptr<BesJobStore> m_store;
    std::unique_ptr<BesJobQueue> m_queue;
};

} // namespace portico::local
