// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/entraconfig.h"
#include "core/auth/oauthparsing.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

#include <QNetworkAccessManager>
class QNetworkReply;

namespace portico::core {

// The RFC 8628 device code flow against Entra ID (§9.1): asks for a code, reports it through
// codeReady() for the UI to show (user code + verification URL + the server's message), then
// polls the token endpoint every `interval` seconds (plus 5 s on slow_down) until the user
// signs in, declines, or the code expires. finished() exactly once; result() is the token set.
// Deleting the object or cancel() stops polling.
// Errors: an expired code (Entra ID's `expired_token`, or expires_in passed) is Kind::Timeout with
// code "expired_token"; Entra ID not answering in time is Kind::Timeout without a code; a refused
// certificate is Kind::Tls (see entraTransportError()).
class DeviceCodeSignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceCodeSignIn)

public:
    DeviceCodeSignIn(QNetworkAccessManager *network, EntraConfig config, QObject *parent = nullptr);
    ~DeviceCodeSignIn() override;

    void start();
    void cancel();

    [[nodiscard]] const Result<TokenSet> &result() const { return *m_result; }
    bool isFinished() const { return m_result.has_value(); }

Q_SIGNALS:
    void codeReady(const portico::core::DeviceCodeChallenge &challenge);
    void finished();

private:
    void post(QStringView endpointName, const QByteArray &form,
              void (DeviceCodeSignIn::*handler)(int, const QByteArray &));
    void onDeviceCode(int status, const QByteArray &body);
    void poll();
    void onToken(int status, const QByteArray &body);
    void finish(Result<TokenSet> result);

    QPointer<QNetworkAccessManager> m_network;
    EntraConfig m_config;
    QNetworkReply *m_reply = nullptr;
    QTimer m_pollTimer;
    QDateTime m_expiresAt;
    DeviceCodeChallenge m_challenge;
    int m_intervalMs = 5000;
    std::optional<Result<TokenSet>> m_result;
};

} // namespace portico::core
