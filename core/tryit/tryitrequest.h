// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/tryit/secretredaction.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace portico::core {

struct PreparedRequest;

// What the Try It composer holds: an operation of an API on a gateway, plus the user's values.
// The subscription key is chosen by subscription (fetched with listSecrets) and injected under
// the API's key header (default "Ocp-Apim-Subscription-Key") or query name ("subscription-key").
// The key is a secret: toJson() leaves it out, preview() masks it, history never sees it.
// The gateway URL and an API's URL suffix joined with one '/' (none added for an empty
// suffix), without the gateway URL's query and fragment: where the API's operations start.
QUrl apiBaseUrl(const QUrl &gatewayUrl, const QString &apiPath);

struct TryItRequest
{
    enum class KeyPlacement { Header, Query };

    // Identity, for history filters and re-opening.
    QString apiId;
    QString operationId;
    QString operationName;

    QByteArray method = QByteArrayLiteral("GET");
    QUrl gatewayUrl;   // e.g. https://demoazureml.azure-api.net or portico-local's gateway
    QString apiPath;   // the API's URL suffix, e.g. "azureml-demo"
    QString urlTemplate; // e.g. "/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"
    QHash<QString, QString> templateValues;
    QList<QPair<QString, QString>> queryParameters; // besides the template's own query items
    HeaderList headers;
    QByteArray body;

    QString subscriptionName; // e.g. the subscription's displayName; not secret
    // The subscription's id (its resource name, "sid"), which re-opening chooses it by: two
    // subscriptions may share a display name. Not secret. Empty in history rows from before.
    QString subscriptionId;
    QString subscriptionKey;  // secret
    QString keyHeaderName = QStringLiteral("Ocp-Apim-Subscription-Key");
    QString keyQueryName = QStringLiteral("subscription-key");
    KeyPlacement keyPlacement = KeyPlacement::Header;

    // Where the user typed a subscription key of their own, under a name the gateway reads for
    // this API: a header named keyHeaderName (any case), or a query item named keyQueryName
    // (added, or written in the template). The typed key is sent exactly as typed and
    // subscriptionKey is not: one key goes out, and it is the one the user chose explicitly
    // (the gateway would otherwise see two keys in one header field, or the header's key while
    // the user meant the query's).
    enum class TypedKey { None, Header, Query };
    [[nodiscard]] TypedKey typedKey() const;

    // The final request with the key injected (unless typedKey()). InvalidInput (target = the parameter) when a
    // template value is missing or the template is malformed; a Content-Type of
    // application/json is added for a body when the user set none.
    [[nodiscard]] Result<PreparedRequest> prepare() const;
    // prepare() with every secret masked (key, Authorization, secret-looking headers/query), its
    // headers as TryItSender sends them (wireHeaders(): repeated names joined, User-Agent,
    // Accept-Encoding and Accept-Language added), so what is shown is what is sent.
    [[nodiscard]] Result<PreparedRequest> preview() const;
    // Secret values present in this request, for scrubbing anything derived from it.
    QStringList secretValues() const;
    // Template parameters whose values are secrets, by the rule for query items: the
    // parameter's own name is a secret query name ("code", "sig", ...), or the template puts it
    // into the query under such a name ("?code={fn}").
    QStringList secretTemplateParameters() const;
    // Extra secret header / query names (the API's renamed key parameters).
    QStringList secretHeaderNames() const { return { keyHeaderName }; }
    QStringList secretQueryNames() const { return { keyQueryName }; }

    // Everything but the key (secret headers, query items and template values masked), for
    // history; fromJson() restores it with the masks in place of the secrets.
    QJsonObject toJson() const;
    static TryItRequest fromJson(const QJsonObject &object);
};

// A concrete HTTP request, ready to send (or to show, when built by TryItRequest::preview()).
struct PreparedRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    // TryItRequest::typedKey() of the request this was prepared from, found while preparing
    // (the template is parsed once): a typed key is sent, and the subscription's key is not.
    TryItRequest::TypedKey typedKey = TryItRequest::TypedKey::None;

    QByteArray header(QByteArrayView name) const;
};

} // namespace portico::core
