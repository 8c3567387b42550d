// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
#include "core/arm/armtiming.h"
#include "core/arm/armwatch.h"
#include "core/auth/accesstokenprovider.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <QNetworkAccessManager>

namespace portico::core {


class ArmExchange;
class ArmJob;
class ArmListJob;

// The one place where console HTTP to Azure Resource Manager (or portico-local's ARM-compatible
// management plane) is made. It owns no QNAM: one is injected and shared. Base URL, api-version
// (2024-05-01 unless the request names its own), Authorization from the token provider,
// User-Agent and x-ms-client-request-id are added here and nowhere else.
//
// Calls return jobs that own their network reply, emit finished() exactly once and abort when
// deleted. Bearer tokens are only ever sent to the base URL's origin: nextLink and polling URLs
// that point elsewhere are refused.
class ArmClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArmClient)

public:
    static constexpr QLatin1StringView apiVersion { "2024-05-01" };

    ArmClient(QNetworkAccessManager *network, QUrl baseUrl, AccessTokenProvider *tokens,
              QObject *parent = nullptr);
    ~ArmClient() override;

    const QUrl &baseUrl() const { return m_baseUrl; }
    QNetworkAccessManager *network() const { return m_network; }
    AccessTokenProvider *tokenProvider() const { return m_tokens; }

    void setUserAgent(QByteArray userAgent) { m_userAgent = std::move(userAgent); }
    const QByteArray &userAgent() const { return m_userAgent; }
    void setTiming(const ArmTiming &timing) { m_timing = timing; }
    const ArmTiming &timing() const { return m_timing; }

    // One call; long-running ones (request.longRunning, or §4.4's: armlongrunning.h) are polled.
    [[nodiscard]] ArmJob *send(const ArmRequest &request);
    // Follows on a long-running call whose job stopped watching (ArmJob::watch()), with a new
    // long-running deadline: polls its status URL at once, or GETs the resource and follows its
    // provisioningState when the status URL answers 404/410 (Azure keeps operation results
    // for a while only) or there was none.
    [[nodiscard]] ArmJob *watchAgain(const ArmWatch &watch);
    // A collection, following nextLink until the last page or until maxItems items were read.
    [[nodiscard]] ArmListJob *list(const ArmRequest &request, int maxItems = 100'000);

    // The absolute URL of a request (api-version added unless present), or an invalid URL with
    // `error` set when an absolute URL points outside the base URL's origin.
    QUrl resolve(const ArmRequest &request, QString *error = nullptr) const;
    bool isSameOrigin(const QUrl &url) const;

    // Building block for jobs: one HTTP exchange with auth and 429/503 retries.
    [[nodiscard]] ArmExchange *exchange(const ArmRequest &request, int deadlineMs, QObject *parent);

Q_SIGNALS:
    // A call was refused with HTTP 401 although a fresh token had been obtained for it: the
    // sign-in no longer grants access (revoked, expired consent), so only the user can fix it.
    void unauthorized(const portico::core::Error &error);

private:
    QPointer<QNetworkAccessManager> m_network;
    QUrl m_baseUrl;
    QPointer<AccessTokenProvider> m_tokens;
    QByteArray m_userAgent;
    ArmTiming m_timing;
};

} // namespace portico::core
