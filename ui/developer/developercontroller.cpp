// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/developercontroller.h"

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"
#include "core/arm/apimclient.h"
#include "core/arm/armrequest.h"
#include "core/model/api.h"
#include "core/model/operation.h"
#include "core/model/subscription.h"
#include "core/secrets/secretstore.h"
#include "core/tryit/tryithistory.h"
#include "core/tryit/subscriptionkeyjob.h"
#include "core/tryit/tryitsender.h"
#include "ui/developer/incompletebodytext.h"
#include "ui/developer/sendfailuretext.h"

#include <QJsonObject>
#include <QNetworkAccessManager>

#include <memory>

namespace portico::ui {

namespace {

// How the status reads: incomplete, not decompressed (shown as sent) or whole but maybe damaged.
void markIncomplete(ResponseData &data, const std::optional<core::IncompleteBody> &incomplete)
{
    if (!incomplete)
        return;
    data.notDecompressed = incomplete->isShownAsSent();
    data.damaged = incomplete->cause == core::IncompleteBody::Cause::ChecksumMismatch;
    data.incomplete = !data.notDecompressed && !data.damaged;
}

// What a subscription scope lets its key call (apim-protocol.md §3.5): "/products/{id}",
// "/apis/{id}", "/apis", the service ("/"), each also as a full ARM id.
void readScope(const QString &scope, SubscriptionChoice &choice)
{
    QString relative = scope;
    if (scope.startsWith(u"/subscriptions/"_qs, Qt::CaseInsensitive)) {
        // Past ".../service/{name}": a resource group may well be called "apis".
        static const QString service = u"/providers/Microsoft.ApiManagement/service/"_qs;
        const qsizetype at = scope.indexOf(service, 0, Qt::CaseInsensitive);
        if (at < 0)
            return; // Scope::Unknown
        relative = scope.mid(at + service.size())
                       .section(u'/', 1, -1, QString::SectionIncludeLeadingSep);
    }
    const QStringList parts = relative.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty()) {
        choice.scope
            = SubscriptionChoice::Scope::AllApis; // the service: the all-access subscription
    } else if (parts.first().compare(u"apis"_qs, Qt::CaseInsensitive) == 0) {
        choice.scope = parts.size() == 1 ? SubscriptionChoice::Scope::AllApis
                                         : SubscriptionChoice::Scope::Api;
        choice.scopeId = parts.value(1);
    } else if (parts.first().compare(u"products"_qs, Qt::CaseInsensitive) == 0
        && parts.size() >= 2) {
        choice.scope = SubscriptionChoice::Scope::Product;
        choice.scopeId = parts.at(1);
    }
}

QJsonObject bodyOf(const core::ArmResponse &response)
{
    auto json = response.json();
    return json ? json.value() : QJsonObject();
}

void fillFromResponse(ResponseData &data, const core::TryItResponse &response)
{
    data.status = response.status;
    data.reason = QString::fromLatin1(response.reason);
    data.headers = response.headers;
    data.totalMs = response.totalMs;
    data.timeToFirstByteMs = response.timeToFirstByteMs;
    data.bodySize = response.bodySize;
    data.encodedBodySize = response.encodedBodySize;
    if (response.isStreamedToFile())
        data.bodyFile = response.bodyFile->fileName();
    else
        data.body = response.body;
}

// How the server's certificate was trusted, when a pin made it trusted; empty otherwise.
QString certificateText(const core::TryItResponse &response)
{
    if (!response.certificate)
        return {};
    const QString host = response.url.port() >= 0
        ? response.url.host() + u':' + QString::number(response.url.port())
        : response.url.host();
    return SendFailureText::trustDecision(*response.certificate, host);
}

// Where the redirects led, or why the one answered was not followed; empty without redirects.
// URLs are shown with the request's secrets masked, as the requested URL is.
QString redirectNote(const core::TryItRequest &request, const core::TryItResponse &response)
{
    const auto shown = [&request](const QUrl &url) {
        return core::scrubSecrets(core::redactUrl(url, request.secretQueryNames()).toDisplayString(),
                                  request.secretValues());
    };
    if (const auto &unfollowed = response.unfollowedRedirect) {
        if (!unfollowed->location.isValid() || unfollowed->location.isEmpty())
            return DeveloperController::tr("Redirect not followed: the Location header is missing or "
                                           "unreadable");
        switch (unfollowed->reason) {
        case core::UnfollowedRedirect::Reason::TooMany:
            return DeveloperController::tr("Redirect not followed: %1 (more redirects in a row than the "
                                           "limit of %2)")
                    .arg(shown(unfollowed->location))
                    .arg(unfollowed->maxRedirects);
        case core::UnfollowedRedirect::Reason::OtherOrigin:
            return DeveloperController::tr("Redirect not followed: %1 (another host, port or scheme; "
                                           "the request's keys are not sent there)")
                    .arg(shown(unfollowed->location));
        case core::UnfollowedRedirect::Reason::UnsupportedLocation:
            return DeveloperController::tr("Redirect not followed: %1 (not an http or https address)")
                    .arg(shown(unfollowed->location));
        }
    }
    if (response.redirectsFollowed <= 0)
        return {};
    if (response.method != request.method.toUpper())
        return DeveloperController::tr("Redirected to %1 %2")
                .arg(QString::fromLatin1(response.method), shown(response.url));
    return DeveloperController::tr("Redirected to %1").arg(shown(response.url));
}

ResponseData toResponseData(const core::TryItRequest &request, const core::Result<core::TryItResponse> &result,
                            const std::optional<core::TryItResponse> &partial,
                            const std::optional<core::SendFailure> &failure)
{
    ResponseData data;
    data.method = QString::fromLatin1(request.method);
    data.receivedAt = QDateTime::currentDateTimeUtc();
    if (const auto preview = request.preview())
        data.url = preview.value().url;
    if (!result) {
        if (partial && partial->incomplete) {
            data.errorText = IncompleteBodyText::describe(*partial->incomplete);
            data.errorDetails = IncompleteBodyText::details(*partial->incomplete);
        } else if (failure) {
            data.errorText = SendFailureText::headline(*failure);
            data.errorDetails = SendFailureText::details(*failure);
            data.totalMs = failure->elapsedMs;
        } else {
            data.errorText = result.error().message;
        }
        if (partial) {
            fillFromResponse(data, *partial);
            data.redirectNote = redirectNote(request, *partial);
            data.certificateText = certificateText(*partial);
            markIncomplete(data, partial->incomplete);
        }
        return data;
    }
    fillFromResponse(data, result.value());
    data.redirectNote = redirectNote(request, result.value());
    data.certificateText = certificateText(result.value());
    return data;
}

} // namespace

ResponseData DeveloperController::fromHistory(const core::HistoryEntry &entry)
{
    ResponseData data;
    data.method = QString::fromLatin1(entry.request.method);
    data.url = QUrl(entry.url);
    data.status = entry.status;
    data.reason = QString::fromLatin1(entry.reason);
    data.headers = entry.responseHeaders;
    data.totalMs = entry.totalMs;
    data.timeToFirstByteMs = entry.timeToFirstByteMs;
    data.body = entry.responseBody;
    data.bodySize = entry.bodySize;
    data.bodyTruncated = entry.bodyTruncated;
    if (entry.incomplete) {
        markIncomplete(data, entry.incomplete);
        data.errorText = IncompleteBodyText::describe(*entry.incomplete);
        data.errorDetails = IncompleteBodyText::details(*entry.incomplete);
    } else if (entry.failure) {
        data.errorText = SendFailureText::headline(*entry.failure);
        data.errorDetails = SendFailureText::details(*entry.failure);
    } else {
        data.errorText = entry.error; // a failed send, or a broken-off body an earlier Portico recorded
    }
    if (entry.status > 0) {
        // The same words as live, from the facts history kept (its URLs already masked).
        core::TryItResponse origin;
        origin.url = entry.finalUrl.isEmpty() ? QUrl(entry.url) : entry.finalUrl;
        origin.method = entry.finalMethod.isEmpty() ? entry.request.method.toUpper() : entry.finalMethod;
        origin.redirectsFollowed = entry.redirectsFollowed;
        origin.unfollowedRedirect = entry.unfollowedRedirect;
        origin.certificate = entry.certificate;
        data.redirectNote = redirectNote(entry.request, origin);
        data.certificateText = certificateText(origin);
    }
    data.receivedAt = entry.sentAt;
    return data;
}

DeveloperController::DeveloperController(core::ArmClient *client, QNetworkAccessManager *network,
                                         core::TryItHistory *history, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(network)
    , m_history(history)
{
}

DeveloperController::~DeveloperController()
{
    delete m_keyJob; // aborts reading a key
    delete m_sender; // aborts a send in flight
}

core::ArmClient *DeveloperController::client() const
{
    return m_client;
}

void DeveloperController::setClient(core::ArmClient *client)
{
    ++m_generation; // loads through the old client are dropped
    m_client = client;
    setService(QString());
}

void DeveloperController::setService(const QString &serviceId)
{
    m_serviceId = serviceId;
    m_apim = m_client ? std::make_unique<core::ApimClient>(m_client.get(), serviceId) : nullptr;
    m_apis.clear();
    m_productApis.clear();
    m_gatewayUrl.clear();
    m_gatewayFingerprint.clear();
}

void DeveloperController::refresh()
{
    if (!m_client || m_serviceId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    core::ArmJob *job = m_client->send(core::ArmRequest::get(m_serviceId));
    connect(job, &core::ArmJob::finished, this, [this, job, generation] {
        if (generation != m_generation)
            return;
        if (!job->result()) {
            Q_EMIT loadFailed(tr("Could not load the service: %1").arg(job->result().error().message));
            return;
        }
        const QJsonObject properties = bodyOf(job->result().value()).value(u"properties"_qs).toObject();
        m_gatewayUrl = QUrl(properties.value(u"gatewayUrl"_qs).toString());
        m_gatewayFingerprint = properties.value(u"gatewayCertificateSha256"_qs).toString().toLower();
        loadApis();
    });
}

void DeveloperController::loadApis()
{
    const quint64 generation = m_generation;
    core::ArmListJob *apis = m_client->list(core::ArmRequest::get(path(u"/apis"_qs)));
    connect(apis, &core::ArmListJob::finished, this, [this, apis, generation] {
        if (generation != m_generation)
            return;
        if (!apis->result()) {
            Q_EMIT loadFailed(tr("Could not load the APIs: %1").arg(apis->result().error().message));
            return;
        }
        // The operations of every API, then the catalog at once (a catalog that fills in API by
        // API would move the selection under the user's pointer).
        auto catalog = std::make_shared<QList<CatalogApi>>();
        auto pending = std::make_shared<int>(0);
        auto failed = std::make_shared<bool>(false);
        m_apis.clear();
        for (const QJsonObject &json : apis->result().value()) {
            auto api = core::Api::fromJson(json);
            if (!api)
                continue;
            m_apis.insert(api.value().name, api.value());
            catalog->append({ api.value(), {} });
            ++*pending;
        }
        if (*pending == 0) {
            Q_EMIT catalogLoaded({}, m_gatewayUrl);
            loadSubscriptions({});
            return;
        }
        for (qsizetype i = 0; i < catalog->size(); ++i) {
            core::ArmListJob *ops = m_client->list(
                core::ArmRequest::get(path(u"/apis/"_qs + catalog->at(i).api.name + u"/operations"_qs)));
            connect(ops, &core::ArmListJob::finished, this, [this, ops, i, catalog, pending, failed, generation] {
                if (generation != m_generation || *failed)
                    return;
                if (!ops->result()) {
                    *failed = true;
                    Q_EMIT loadFailed(tr("Could not load the operations of %1: %2")
                                          .arg(catalog->at(i).api.displayName, ops->result().error().message));
                    return;
                }
                for (const QJsonObject &json : ops->result().value()) {
                    if (auto op = core::Operation::fromJson(json))
                        (*catalog)[i].operations.append(op.value());
                }
                if (--*pending == 0) {
                    Q_EMIT catalogLoaded(*catalog, m_gatewayUrl);
                    // Product names for the subscription picker ("Starter").
                    core::ArmListJob *products = m_client->list(core::ArmRequest::get(path(u"/products"_qs)));
                    connect(products, &core::ArmListJob::finished, this, [this, products, generation] {
                        if (generation != m_generation)
                            return;
                        QHash<QString, QString> names;
                        if (products->result()) {
                            for (const QJsonObject &p : products->result().value())
                                names.insert(p.value(u"name"_qs).toString(),
                                             p.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString());
                        }
                        loadSubscriptions(names);
                    });
                }
            });
        }
    });
}

void DeveloperController::loadSubscriptions(const QHash<QString, QString> &productNames)
{
    const quint64 generation = m_generation;
    core::ArmListJob *job = m_client->list(core::ArmRequest::get(path(u"/subscriptions"_qs)));
    connect(job, &core::ArmListJob::finished, this, [this, job, generation, productNames] {
        if (generation != m_generation)
            return;
        if (!job->result()) {
            Q_EMIT loadFailed(tr("Could not load the subscriptions: %1").arg(job->result().error().message));
            return;
        }
        auto choices = std::make_shared<QList<SubscriptionChoice>>();
        QStringList products;
        for (const QJsonObject &json : job->result().value()) {
            auto subscription = core::Subscription::fromJson(json);
            if (!subscription || subscription.value().state != u"active")
                continue; // only active subscriptions have keys the gateway accepts
            const core::Subscription &s = subscription.value();
            SubscriptionChoice choice;
            choice.id = s.name;
            choice.displayName = s.displayName.isEmpty() ? s.name : s.displayName;
            readScope(s.scope, choice);
            if (choice.scope == SubscriptionChoice::Scope::Product) {
                choice.productName = productNames.value(choice.scopeId, choice.scopeId);
                if (!products.contains(choice.scopeId))
                    products.append(choice.scopeId);
            }
            choices->append(choice);
        }
        loadProductApis(products, choices);
    });
}

void DeveloperController::loadProductApis(
    const QStringList &products, const std::shared_ptr<QList<SubscriptionChoice>> &choices)
{
    // Which APIs each product includes: a product's key calls those only. Until a product's
    // list is read, what the last refresh read is used; a product whose list cannot be read
    // (and never was) leaves its subscriptions' fit unknown: offered, and preferred to the
    // all-access key, which skips the product's policies.
    const auto apply = [choices](const QString &product, const std::optional<QStringList> &apis,
                           bool unreadable) {
        for (SubscriptionChoice &choice : *choices) {
            if (choice.scope != SubscriptionChoice::Scope::Product || choice.scopeId != product)
                continue;
            if (apis)
                choice.productApis = apis;
            choice.productApisUnreadable = unreadable && !choice.productApis;
        }
    };
    for (const QString &product : products) {
        const auto known = m_productApis.constFind(product);
        if (known != m_productApis.cend())
            apply(product, *known, false);
    }
    // Listed now, so a slow product read does not leave the picker without subscriptions;
    // refined as the product reads arrive.
    Q_EMIT subscriptionsChanged(*choices);
    if (products.isEmpty()) {
        Q_EMIT subscriptionsLoaded(*choices);
        return;
    }
    const quint64 generation = m_generation;
    auto pending = std::make_shared<qsizetype>(products.size());
    for (const QString &product : products) {
        core::ArmListJob *job
            = m_client->list(core::ArmRequest::get(path(u"/products/"_qs + product + u"/apis"_qs)));
        connect(job, &core::ArmListJob::finished, this,
            [this, job, product, choices, pending, generation, apply] {
                if (generation != m_generation)
                    return;
                if (job->result()) {
                    QStringList apis;
                    for (const QJsonObject &api : job->result().value())
                        apis.append(api.value(u"name"_qs).toString());
                    m_productApis.insert(product, apis);
                    apply(product, apis, false);
                } else {
                    apply(product, std::nullopt, true);
                }
                Q_EMIT subscriptionsChanged(*choices);
                if (--*pending == 0)
                    Q_EMIT subscriptionsLoaded(*choices);
            });
    }
}

core::TryItRequest DeveloperController::toTryItRequest(const ComposedRequest &composed, const QString &operationName)
{
    core::TryItRequest request;
    request.apiId = composed.apiId;
    request.operationId = composed.operationId;
    request.operationName = operationName;
    request.method = composed.method.toLatin1();
    request.gatewayUrl = composed.gatewayUrl;
    request.apiPath = composed.apiPath;
    request.urlTemplate = composed.urlTemplate;
    request.templateValues = composed.templateValues;
    request.queryParameters = composed.queryParameters;
    request.headers = composed.headers;
    request.body = composed.body;
    request.subscriptionName = composed.subscriptionName;
    request.subscriptionId = composed.subscriptionId;
    if (!composed.keyHeaderName.isEmpty())
        request.keyHeaderName = composed.keyHeaderName;
    if (!composed.keyQueryName.isEmpty())
        request.keyQueryName = composed.keyQueryName;
    return request;
}

void DeveloperController::send(const ComposedRequest &composed, const QString &operationName)
{
    if (m_sending || !m_client)
        return;
    m_sending = true;
    m_cancelRequested = false;
    core::TryItRequest request = toTryItRequest(composed, operationName.isEmpty() ? composed.operationId : operationName);
    // A key the user typed is sent instead of the subscription's: no need to read that one.
    if (composed.subscriptionId.isEmpty() || request.typedKey() != core::TryItRequest::TypedKey::None) {
        startSend(std::move(request));
        return;
    }
    // The key is read at the moment of sending and lives only in this request; it goes under
    // the API's own key header and query names.
    auto *job = new core::SubscriptionKeyJob(m_apim.get(), composed.subscriptionId, this);
    m_keyJob = job;
    const core::Api api = m_apis.value(composed.apiId);
    connect(job, &core::SubscriptionKeyJob::finished, this, [this, job, request, api]() mutable {
        m_keyJob = nullptr;
        // A cancel that came while the key was on its way still wins: nothing goes out.
        if (m_cancelRequested
            || (!job->result() && job->result().error().kind == core::Error::Kind::Cancelled)) {
            finishUnsent(request, tr("Cancelled. The request was not sent."));
            return;
        }
        if (!job->result()) {
            core::SendFailure failure;
            failure.kind = core::SendFailure::Kind::KeyUnavailable;
            failure.subscription = request.subscriptionName;
            failure.detail = job->result().error().message; // the server's message
            finishSend(request, job->result().error(), std::nullopt, failure);
            return;
        }
        core::SubscriptionKeyJob::inject(request, api, job->result().value());
        startSend(std::move(request));
    });
}

void DeveloperController::startSend(core::TryItRequest request)
{
    auto prepared = request.prepare();
    if (!prepared) {
        // The composer checks its input before sending; this is the last line of defence.
        finishUnsent(request, tr("The request was not sent: it cannot be built from this input (%1).")
                                  .arg(prepared.error().message));
        return;
    }
    core::TryItSender::Options options;
    options.transferTimeoutMs = m_transferTimeoutMs;
    if (!m_gatewayFingerprint.isEmpty() && m_gatewayUrl.isValid())
        options.pinnedFingerprints.insert(m_gatewayUrl.host().toLower(), { m_gatewayFingerprint });
    if (const auto preview = request.preview())
        Q_EMIT sendStarted(QString::fromLatin1(request.method), preview.value().url);
    auto *sender = new core::TryItSender(m_network, prepared.value(), options, this);
    m_sender = sender;
    connect(sender, &core::TryItSender::finished, this, [this, sender, request] {
        finishSend(request, sender->result(), sender->partialResponse(), sender->failure());
    });
    sender->start();
}

void DeveloperController::finishSend(const core::TryItRequest &request,
                                     const core::Result<core::TryItResponse> &result,
                                     const std::optional<core::TryItResponse> &partial,
                                     const std::optional<core::SendFailure> &failure)
{
    m_sending = false;
    m_sender = nullptr;
    m_lastResponse.reset();
    if (result)
        m_lastResponse = result.value();
    else if (partial)
        m_lastResponse = partial; // a streamed partial body stays readable while shown
    if (m_history) {
        // The history keeps the request without its key, and scrubs the key from what it stores;
        // of a body that broke off it keeps what arrived and the facts of the break; of a send
        // without a response, the facts of the failure.
        const auto recorded = partial ? m_history->record(request, *partial)
            : failure                 ? m_history->record(request, *failure)
                                      : m_history->record(request, result);
        if (recorded)
            Q_EMIT historyChanged();
    }
    Q_EMIT responseReady(toResponseData(request, result, partial, failure));
}

void DeveloperController::finishUnsent(const core::TryItRequest &request, const QString &text)
{
    m_sending = false;
    m_sender = nullptr;
    m_keyJob = nullptr;
    m_lastResponse.reset();
    ResponseData data;
    data.method = QString::fromLatin1(request.method);
    data.receivedAt = QDateTime::currentDateTimeUtc();
    data.errorText = text;
    Q_EMIT responseReady(data);
}

void DeveloperController::setSecretStore(core::SecretStore *store, const QString &environmentId)
{
    m_secrets = store;
    m_environmentId = environmentId;
}

void DeveloperController::storeSubscriptionKey(const QString &subscriptionId, QObject *context,
                                               std::function<void(const core::Result<QString> &)> done)
{
    if (!m_client || !m_secrets) {
        done(core::Error::make(core::Error::Kind::Unavailable, tr("No keychain is available.")));
        return;
    }
    auto *job = new core::SubscriptionKeyJob(m_apim.get(), subscriptionId, context);
    connect(job, &core::SubscriptionKeyJob::finished, context, [this, job, subscriptionId, context, done] {
        if (!job->result()) {
            done(job->result().error());
            return;
        }
        const QString key = job->result().value().keys.primaryKey;
        const QString secretKey = core::SecretStore::makeKey(m_environmentId, u"subscription-key/"_qs + subscriptionId);
        core::SecretJob *write = m_secrets->write(secretKey, key);
        connect(write, &core::SecretJob::finished, context, [write, secretKey, done] {
            if (!write->result())
                done(write->result().error());
            else
                done(secretKey);
        });
    });
}

void DeveloperController::cancel()
{
    if (!m_sending)
        return;
    m_cancelRequested = true;
    if (m_keyJob)
        m_keyJob->cancel(); // finishes (cancelled) on the next turn of the event loop
    else if (m_sender)
        m_sender->cancel();
}

} // namespace portico::ui
