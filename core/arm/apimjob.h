// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armresponse.h"
#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

namespace portico::core {

class ArmJob;
class ArmListJob;

// One typed management-plane call (see ApimClient). It follows an ArmJob or ArmListJob and turns
// its reply into a model type; ApimCall<T> holds the typed result. finished() is emitted exactly
// once, from the event loop (success, error, timeout, cancel, or the client going away), and the
// job deletes itself afterwards. Deleting it earlier aborts the request.
class ApimJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApimJob)

public:
    ~ApimJob() override;

    // The reply's HTTP status (201 = created, 200 = updated or read), 0 for lists and failures.
    int httpStatus() const { return m_httpStatus; }
    // The reply's ETag (quotes kept), to send back in If-Match; empty when the server sent none.
    const QByteArray &etag() const { return m_etag; }
    bool isFinished() const { return m_finishing; }

    void cancel();

Q_SIGNALS:
    void finished();

protected:
    explicit ApimJob(QObject *parent);

    void follow(ArmJob *job);
    void follow(ArmListJob *job);
    // Finishes with `error` without sending anything (bad input found before the call).
    void failLater(Error error);

    virtual void settleResponse(const ArmResponse &response) = 0;
    virtual void settleItems(const QList<QJsonObject> &items) = 0;
    virtual void settleError(const Error &error) = 0;

private:
    void watch(QObject *inner);
    void finishNow();

    QPointer<QObject> m_inner;
    QByteArray m_etag;
    int m_httpStatus = 0;
    bool m_finishing = false;
};

// A resource id as used in an ARM path segment ("azureml-demo-api", "starter"): non-empty and
// free of '/', '?', '#' and control characters. The error names `what` and carries target.
[[nodiscard]] Result<void> checkResourceId(const QString &id, const QString &what);

} // namespace portico::core
