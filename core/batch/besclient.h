// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/bescall.h"
#include "core/batch/besendpoint.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace portico::core {

// The four BES calls against one endpoint, over an injected QNetworkAccessManager. The
// credential (ML API key or subscription key) is held in memory only and added as the one
// header the endpoint's target needs. Calls are children of `owner` (or of the client); the
// caller deletes them once finished.
class BesClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BesClient)

public:
    BesClient(QNetworkAccessManager *network, BesEndpoint endpoint, QString credential,
              QObject *parent = nullptr);
    ~BesClient() override;

    const BesEndpoint &endpoint() const { return m_endpoint; }
    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    void setDeadline(int milliseconds) { m_deadlineMs = milliseconds; }

    // POST .../jobs with a JSON body; the reply body is the job id (BesJobStatus::parseSubmittedJobId).
    // Sent at most once: when the connection closes before an answer, the call fails (the service
    // may hold the job) instead of Qt sending the request again by itself, which could leave a
    // second job there.
    BesCall *submit(const QByteArray &body, QObject *owner = nullptr);
    BesCall *start(const QString &jobId, QObject *owner = nullptr);
    BesCall *status(const QString &jobId, QObject *owner = nullptr);
    // DELETE .../jobs/{id}: cancels a running job, deletes a finished one.
    BesCall *remove(const QString &jobId, QObject *owner = nullptr);

private:
    enum class Body { None, Resendable, Once };
    BesCall *send(const QByteArray &verb, const QUrl &url, const QByteArray &body, Body kind, QObject *owner);

    QPointer<QNetworkAccessManager> m_network;
    BesEndpoint m_endpoint;
    QString m_credential;
    int m_transferTimeoutMs = 30000;
    int m_deadlineMs = 120000;
};

} // namespace portico::core
