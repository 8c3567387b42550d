// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/api.h"
#include "core/tryit/sendfailure.h"
#include "core/tryit/tryitrequest.h"
#include "core/tryit/tryitresponse.h"
#include "ui/developer/apicatalogmodel.h"
#include "ui/developer/responsedata.h"
#include "ui/developer/tryitcomposer.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace portico::core {
class ApimClient;
class ArmClient;
class SecretStore;
class SubscriptionKeyJob;
class TryItHistory;
struct HistoryEntry;
class TryItSender;
} // namespace portico::core

namespace portico::ui {

// Connects the developer panels to one service of one environment: it loads the catalog (APIs
// with their operations, and the gateway URL) and the subscriptions a developer can send with,
// and runs a send: the key of the chosen subscription is fetched with listSecrets at that
// moment (never kept, never shown), the request is built and sent by core/tryit, the response
// goes to the viewer and the send, redacted, to the history. Widgets never see the network.
class DeveloperController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeveloperController)

public:
    DeveloperController(core::ArmClient *client, QNetworkAccessManager *network,
                        core::TryItHistory *history, QObject *parent = nullptr);
    ~DeveloperController() override;

    // Switches to another environment's client (the console's Azure environments); the service
    // must be set again after this.
    void setClient(core::ArmClient *client);
    core::ArmClient *client() const;
    // The full ARM id of the service.
    void setService(const QString &serviceId);
    const QString &serviceId() const { return m_serviceId; }
    const QUrl &gatewayUrl() const { return m_gatewayUrl; }
    // portico-local's self-signed gateway certificate (SHA-256 hex), pinned for its host.
    const QString &gatewayCertificateSha256() const { return m_gatewayFingerprint; }
    core::TryItHistory *history() const { return m_history; }

    // Service (gateway URL, certificate), APIs and their operations, then subscriptions.
    void refresh();
    // Builds the core request for a composed one; the key stays empty (it is fetched on send).
    static core::TryItRequest toTryItRequest(const ComposedRequest &composed, const QString &operationName);
    // What the viewer shows for a send re-opened from history: the same facts it showed live
    // (status, timings, redirect note, how the certificate was trusted, the failure in words).
    static ResponseData fromHistory(const core::HistoryEntry &entry);
    // `operationName` is what history shows (the operation's display name).
    void send(const ComposedRequest &request, const QString &operationName = {});
    // Cancels the send in flight: while the key is being read nothing is sent at all.
    void cancel();
    bool isSending() const { return m_sending; }
    // How long a send may go without receiving anything (connecting, waiting for the answer,
    // between parts of the body) before it fails as timed out; default 60 s.
    void setTransferTimeoutMs(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    int transferTimeoutMs() const { return m_transferTimeoutMs; }

    // Where keys handed to other parts of the console go (the batch runner reads them there).
    void setSecretStore(core::SecretStore *store, const QString &environmentId);
    // Reads a subscription's primary key with listSecrets and writes it to the SecretStore;
    // answers with the SecretStore key, never with the key itself.
    void storeSubscriptionKey(const QString &subscriptionId, QObject *context,
                              std::function<void(const core::Result<QString> &)> done);

Q_SIGNALS:
    void catalogLoaded(const QList<portico::ui::CatalogApi> &catalog, const QUrl &gatewayUrl);
    // The subscriptions as far as known: first as soon as they are listed, then again as each
    // product's APIs are read.
    void subscriptionsChanged(const QList<portico::ui::SubscriptionChoice> &subscriptions);
    // The subscriptions, once every product's APIs were read (or could not be).
    void subscriptionsLoaded(const QList<portico::ui::SubscriptionChoice> &subscriptions);
    // Loading failed: the text says what and why, for the connection banner.
    void loadFailed(const QString &text);
    void sendStarted(const QString &method, const QUrl &maskedUrl);
    void responseReady(const portico::ui::ResponseData &response);
    void historyChanged();

private:
    void loadApis();
    void loadSubscriptions(const QHash<QString, QString> &productNames);
    void loadProductApis(
        const QStringList &products, const std::shared_ptr<QList<SubscriptionChoice>> &choices);
    void startSend(core::TryItRequest request);
    // `partial`: what arrived of a response whose body broke off (shown marked incomplete);
    // `failure`: the facts of a send that ended without a response (put into words here and
    // recorded as facts in the history).
    void finishSend(const core::TryItRequest &request, const core::Result<core::TryItResponse> &result,
                    const std::optional<core::TryItResponse> &partial = std::nullopt,
                    const std::optional<core::SendFailure> &failure = std::nullopt);
    // Ends a send that never went out (cancelled while the key was read, or input the request
    // cannot be built from): the viewer says so, the history records nothing.
    void finishUnsent(const core::TryItRequest &request, const QString &text);
    QString path(const QString &relative) const { return m_serviceId + relative; }

    QPointer<core::ArmClient> m_client;
    QPointer<QNetworkAccessManager> m_network;
    QPointer<core::SecretStore> m_secrets;
    QString m_environmentId;
    core::TryItHistory *m_history;
    QString m_serviceId;
    std::unique_ptr<core::ApimClient> m_apim; // typed calls below m_serviceId
    QHash<QString, core::Api> m_apis;         // by apiId: the key parameter names for injection
    QUrl m_gatewayUrl;
    QString m_gatewayFingerprint; // portico-local publishes its self-signed certificate's SHA-256
    QHash<QString, QStringList> m_productApis; // by product id: the APIs the last read listed
    quint64 m_generation = 0;     // refreshes in flight are dropped when a newer one starts
    bool m_sending = false;
    int m_transferTimeoutMs = 60'000;
    QPointer<core::SubscriptionKeyJob> m_keyJob; // reading the key before the request goes out
    bool m_cancelRequested = false;
    QPointer<core::TryItSender> m_sender;
    std::optional<core::TryItResponse> m_lastResponse; // keeps a streamed body's file alive
};

} // namespace portico::ui
