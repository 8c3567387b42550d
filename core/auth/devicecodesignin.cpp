// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/devicecodesignin.h"

#include "core/arm/armparsing.h"
#include "core/auth/entrarequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace portico::core {

namespace {

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace

DeviceCodeSignIn::DeviceCodeSignIn(QNetworkAccessManager *network, EntraConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceCodeSignIn::poll);
}

DeviceCodeSignIn::~DeviceCodeSignIn()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void DeviceCodeSignIn::start()
{
    if (m_config.clientId.isEmpty()) {
        finish(Error::make(Error::Kind::InvalidInput, u"No client id is configured for sign-in."_qs));
        return;
    }
    post(u"devicecode",
         formEncode({ { u"client_id"_qs, m_config.clientId }, { u"scope"_qs, m_config.scopes.join(u' ') } }),
         &DeviceCodeSignIn::onDeviceCode);
}

void DeviceCodeSignIn::cancel()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(Error::make(Error::Kind::Cancelled, u"Sign-in was cancelled."_qs));
}

void DeviceCodeSignIn::post(QStringView endpointName, const QByteArray &form,
                            void (DeviceCodeSignIn::*handler)(int, const QByteArray &))
{
    if (!m_network) {
        finish(Error::make(Error::Kind::Unavailable, u"The network is not available."_qs));
        return;
    }
    m_reply = postEntraForm(m_network, m_config, endpointName, form);
    connect(m_reply, &QNetworkReply::finished, this, [this, handler] {
        QNetworkReply *reply = std::exchange(m_reply, nullptr);
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            finish(entraTransportError(reply, m_config));
            return;
        }
        (this->*handler)(status.toInt(), reply->read(1024 * 1024));
    });
}

void DeviceCodeSignIn::onDeviceCode(int status, const QByteArray &body)
{
    if (status != 200) {
        finish(parseArmError(status, body));
        return;
    }
    auto challenge = parseDeviceCodeResponse(body);
    if (!challenge) {
        finish(challenge.error());
        return;
    }
    m_challenge = *challenge;
    m_intervalMs = m_challenge.intervalSeconds * 1000;
    m_expiresAt = QDateTime::currentDateTimeUtc().addMSecs(
        qint64(double(m_challenge.expiresInSeconds) * 1000 * m_config.timeScale));
    Q_EMIT codeReady(m_challenge);
    m_pollTimer.start(int(double(m_intervalMs) * m_config.timeScale));
}

void DeviceCodeSignIn::poll()
{
    if (m_result)
        return;
    if (QDateTime::currentDateTimeUtc() >= m_expiresAt) {
        finish(Error::make(Error::Kind::Timeout, u"The sign-in code expired before it was used."_qs,
                           u"expired_token"_qs));
        return;
    }
    post(u"token",
         formEncode({ { u"grant_type"_qs, u"urn:ietf:params:oauth:grant-type:device_code"_qs },
                      { u"client_id"_qs, m_config.clientId },
                      { u"device_code"_qs, m_challenge.deviceCode } }),
         &DeviceCodeSignIn::onToken);
}

void DeviceCodeSignIn::onToken(int status, const QByteArray &body)
{
    if (status == 200) {
        finish(parseTokenResponse(body, QDateTime::currentDateTimeUtc()));
        return;
    }
    Error error = parseArmError(status, body);
    if (error.code == u"authorization_pending"_qs || error.code == u"slow_down"_qs) {
        if (error.code == u"slow_down"_qs)
            m_intervalMs += 5000;
        m_pollTimer.start(int(double(m_intervalMs) * m_config.timeScale));
        return;
    }
    if (error.code == u"authorization_declined"_qs)
        error.kind = Error::Kind::Cancelled;
    else if (error.code == u"expired_token"_qs)
        error.kind = Error::Kind::Timeout;
    else if (status == 400 || status == 401)
        error.kind = Error::Kind::Unauthorized;
    finish(error);
}

void DeviceCodeSignIn::finish(Result<TokenSet> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    m_pollTimer.stop();
    QTimer::singleShot(0, this, &DeviceCodeSignIn::finished);
}

} // namespace portico::core
