// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/policyrunner.h"

#include "core/local/gateway/ratelimiter.h"

#include <QHostAddress>
#include <QSet>

namespace portico::local {

namespace {

const QString kMissingKey = u"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."_qs;
const QString kInvalidKey = u"Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."_qs;
const QString kNotFound = u"Resource not found"_qs;

// Headers whose values are never joined into one comma-separated field.
bool keepsSeparateValues(QByteArrayView name)
{
    static const char *names[] = { "User-Agent", "WWW-Authenticate", "Proxy-Authenticate", "Cookie",
                                   "Set-Cookie", "Warning", "Date", "Expires", "If-Modified-Since",
                                   "If-Unmodified-Since", "Last-Modified", "Retry-After" };
    for (const char *n : names) {
        if (name.compare(QByteArrayView(n), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isProtectedHeader(QByteArrayView name)
{
    static const char *names[] = { "Connection", "Content-Length", "Keep-Alive", "Transfer-Encoding" };
    for (const char *n : names) {
        if (name.compare(QByteArrayView(n), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void applySetHeader(const PolicyNode &node, HeaderList &headers, const ExpressionContext &context)
{
    const QByteArray name = PolicyExpression::evaluate(node.attribute(u"name"_qs), context).toLatin1();
    if (name.isEmpty() || isProtectedHeader(name))
        return;
    const QString action = node.attribute(u"exists-action"_qs, u"override"_qs);
    if (action == u"delete") {
        if (name.compare("Server", Qt::CaseInsensitive) != 0)
            headers.remove(name);
        return;
    }
    if (action == u"skip" && headers.contains(name))
        return;
    QList<QByteArray> values;
    for (const PolicyNode &child : node.children) {
        if (child.name == u"value")
            values.append(PolicyExpression::evaluate(child.text, context).toUtf8());
    }
    if (action == u"override")
        headers.remove(name);
    if (keepsSeparateValues(name)) {
        for (const QByteArray &v : values)
            headers.append(name, v);
    } else if (!values.isEmpty()) {
        headers.append(name, values.join(", "));
    } else if (action == u"override") {
        headers.append(name, QByteArray());
    }
}

// An overridden item keeps the place of its first occurrence; new items go at the end. Items
// made here have no raw form and are percent-encoded when forwarded.
void applySetQuery(const PolicyNode &node, QList<RequestQueryItem> &query,
                   const ExpressionContext &context)
{
    const QString name = PolicyExpression::evaluate(node.attribute(u"name"_qs), context);
    const QString action = node.attribute(u"exists-action"_qs, u"override"_qs);
    const auto named = [&](const RequestQueryItem &p) { return p.name == name; };
    const auto found = std::find_if(query.cbegin(), query.cend(), named);
    const bool exists = found != query.cend();
    qsizetype at = exists ? found - query.cbegin() : query.size();
    if (action == u"delete" || action == u"override")
        query.removeIf(named);
    if (action == u"delete" || (action == u"skip" && exists))
        return;
    if (action != u"override")
        at = query.size();
    for (const PolicyNode &child : node.children) {
        if (child.name == u"value")
            query.insert(at++, { name, PolicyExpression::evaluate(child.text, context) });
    }
}

quint32 ipv4(const QHostAddress &a, bool &ok)
{
    QHostAddress v = a;
    bool isV4 = false;
    const quint32 value = v.toIPv4Address(&isV4);
    ok = isV4;
    return value;
}

bool ipMatches(const PolicyNode &filter, const QString &clientIp)
{
    const QHostAddress client(clientIp);
    for (const PolicyNode &child : filter.children) {
        if (child.name == u"address") {
            if (client.isEqual(QHostAddress(child.text.trimmed()), QHostAddress::TolerantConversion))
                return true;
        } else if (child.name == u"address-range") {
            bool a = false, b = false, c = false;
            const quint32 from = ipv4(QHostAddress(child.attribute(u"from"_qs)), a);
            const quint32 to = ipv4(QHostAddress(child.attribute(u"to"_qs)), b);
            const quint32 ip = ipv4(client, c);
            if (a && b && c && ip >= from && ip <= to)
                return true;
        }
    }
    return false;
}

QStringList childTexts(const PolicyNode *parent, const QString &childName)
{
    QStringList out;
    if (!parent)
        return out;
    for (const PolicyNode &c : parent->children) {
        if (c.name == childName)
            out.append(c.text.trimmed());
    }
    return out;
}

bool originAllowed(const PolicyNode &cors, const QString &origin)
{
    const QStringList origins = childTexts(cors.child(u"allowed-origins"_qs), u"origin"_qs);
    for (const QString &o : origins) {
        if (o == u"*" || o.compare(origin, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

const PolicyNode *findCors(const CompiledPolicy &doc)
{
    for (const PolicyNode &node : doc.section(PolicySection::Inbound)) {
        if (node.name == u"cors")
            return &node;
    }
    return nullptr;
}

QString replenishTime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 h = (seconds % 86400) / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    const QString hms = u"%1:%2:%3"_qs.arg(h, 2, 10, QChar(u'0')).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return days > 0 ? QString::number(days) + u'.' + hms : hms;
}

GatewayResponse responseFrom(const PolicyNode &node, const ExpressionContext &context)
{
    GatewayResponse r;
    r.status = 200;
    for (const PolicyNode &child : node.children) {
        if (child.name == u"set-status")
            r.status = child.attribute(u"code"_qs).toInt();
        else if (child.name == u"set-header")
            applySetHeader(child, r.headers, context);
        else if (child.name == u"set-body")
            r.body = PolicyExpression::evaluate(child.text, context).toUtf8();
    }
    return r;
}

GatewayResponse mockFrom(const PolicyNode &node, const GatewaySnapshot::Operation *operation)
{
    GatewayResponse r;
    r.status = node.attribute(u"status-code"_qs, u"200"_qs).toInt();
    const QString contentType = node.attribute(u"content-type"_qs, u"application/json"_qs);
    r.headers.append("Content-Type", contentType.toUtf8());
    if (operation) {
        for (const auto &example : operation->config.responses) {
            if (example.statusCode == r.status
                && (example.contentType.isEmpty() || example.contentType.compare(contentType, Qt::CaseInsensitive) == 0)) {
                r.body = example.body;
                break;
            }
        }
    }
    return r;
}

} // namespace

void PolicyRunner::fail(GatewayExchange &exchange, GatewayResponse response, const QString &reason,
                        bool blocked)
{
    exchange.errorReason = reason;
    if (blocked)
        exchange.blockedReason = reason;
    runOnError(exchange, response);
    exchange.immediate = std::move(response);
}

bool PolicyRunner::route(GatewayExchange &exchange)
{
    const auto &snapshot = *exchange.snapshot;
    exchange.requestPath = RequestPath::fromEncoded(exchange.rawPath, exchange.rawQuery);
    exchange.api = snapshot.findApi(exchange.requestPath.segments, exchange.apiSegments);
    const QString scheme = exchange.tls ? u"https"_qs : u"http"_qs;
    if (!exchange.api || !exchange.api->config.protocols.contains(scheme, Qt::CaseInsensitive)) {
        exchange.api = nullptr;
        fail(exchange, GatewayResponse::json(404, kNotFound), u"OperationNotFound"_qs, false);
        return false;
    }
    RequestPath below;
    below.segments = exchange.requestPath.segments.mid(exchange.apiSegments);
    below.query = exchange.requestPath.query;
    exchange.query = exchange.requestPath.query;
    exchange.queryBuffer = exchange.rawQuery;

    // The encoded path below the API path, as the backend receives it.
    QByteArrayView raw = exchange.rawPath;
    qsizetype skipped = 0, pos = 0;
    while (skipped < exchange.apiSegments && pos < raw.size()) {
        while (pos < raw.size() && raw[pos] == '/')
            ++pos;
        while (pos < raw.size() && raw[pos] != '/')
            ++pos;
        ++skipped;
    }
    exchange.apiPathEnd = std::min(pos, raw.size());
    exchange.backendPath = QString::fromUtf8(raw.sliced(exchange.apiPathEnd));
    exchange.backendBase = exchange.api->serviceUrl;

    exchange.operation = snapshot.findOperation(*exchange.api, exchange.request.method, below, exchange.match);
    if (!exchange.operation) {
        if (handlePreflight(exchange))
            return false;
        exchange.policy = snapshot.effectivePolicy(*exchange.api, nullptr, QString());
        fail(exchange, GatewayResponse::json(404, kNotFound), u"OperationNotFound"_qs, false);
        return false;
    }
    return true;
}

bool PolicyRunner::handlePreflight(GatewayExchange &exchange)
{
    const HeaderList &h = exchange.request.headers;
    if (exchange.request.method != "OPTIONS" || !h.contains("Origin")
        || !h.contains("Access-Control-Request-Method"))
        return false;
    const QByteArray requestedMethod = h.value("Access-Control-Request-Method");
    RequestPath below;
    below.segments = exchange.requestPath.segments.mid(exchange.apiSegments);
    below.query = exchange.requestPath.query;
    TemplateMatch ignored;
    const auto *target = exchange.snapshot->findOperation(*exchange.api, requestedMethod, below, ignored);
    const auto policy = exchange.snapshot->effectivePolicy(*exchange.api, target,
                                                           exchange.api->openProductId);
    const PolicyNode *cors = findCors(*policy);
    if (!cors)
        return false;
    exchange.operation = target;
    exchange.policy = policy;
    GatewayResponse r;
    r.status = 200;
    const QString origin = QString::fromUtf8(h.value("Origin"));
    bool ok = originAllowed(*cors, origin);
    const PolicyNode *methodsNode = cors->child(u"allowed-methods"_qs);
    QStringList methods = methodsNode ? childTexts(methodsNode, u"method"_qs) : QStringList { u"GET"_qs, u"POST"_qs };
    const bool anyMethod = methods.contains(u"*"_qs);
    ok = ok && (anyMethod || methods.contains(QString::fromLatin1(requestedMethod), Qt::CaseInsensitive));
    const QStringList allowedHeaders = childTexts(cors->child(u"allowed-headers"_qs), u"header"_qs);
    const bool anyHeader = allowedHeaders.contains(u"*"_qs);
    QStringList requestedHeaders;
    for (const QByteArray &part : h.value("Access-Control-Request-Headers").split(',')) {
        const QString name = QString::fromLatin1(part.trimmed());
        if (!name.isEmpty())
            requestedHeaders.append(name);
    }
    for (const QString &name : requestedHeaders)
        ok = ok && (anyHeader || allowedHeaders.contains(name, Qt::CaseInsensitive));
    if (ok) {
        const bool credentials = cors->attribute(u"allow-credentials"_qs) == u"true";
        r.headers.append("Access-Control-Allow-Origin", origin.toUtf8());
        if (credentials)
            r.headers.append("Access-Control-Allow-Credentials", "true");
        r.headers.append("Access-Control-Allow-Methods",
                         anyMethod ? requestedMethod : methods.join(u',').toLatin1());
        if (!requestedHeaders.isEmpty())
            r.headers.append("Access-Control-Allow-Headers", requestedHeaders.join(u',').toLatin1());
        const QString maxAge = methodsNode ? methodsNode->attribute(u"preflight-result-max-age"_qs) : QString();
        if (maxAge.toInt() > 0)
            r.headers.append("Access-Control-Max-Age", maxAge.toLatin1());
        r.headers.append("Vary", "Origin");
    }
    exchange.immediate = std::move(r);
    return true;
}

bool PolicyRunner::authorize(GatewayExchange &exchange)
{
    const auto &api = *exchange.api;
    const QByteArray headerName = api.config.subscriptionKeyHeader.toLatin1();
    const QString queryName = api.config.subscriptionKeyQuery;
    QByteArray key;
    bool present = false;
    if (exchange.request.headers.contains(headerName)) {
        key = exchange.request.headers.value(headerName);
        present = true;
    } else {
        for (const RequestQueryItem &item : std::as_const(exchange.query)) {
            if (item.name == queryName) {
                key = item.value.toUtf8();
                present = true;
                break;
            }
        }
    }
    // The key never reaches the backend.
    exchange.request.headers.remove(headerName);
    exchange.query.removeIf([&](const RequestQueryItem &p) { return p.name == queryName; });

    const auto &snapshot = *exchange.snapshot;
    const auto deny = [&](const QString &message, const QString &reason) {
        exchange.policy = snapshot.effectivePolicy(api, exchange.operation, QString());
        fail(exchange, GatewayResponse::json(401, message), reason, true);
        return false;
    };
    if (!present) {
        if (!api.openProductId.isEmpty()) {
            exchange.productId = api.openProductId;
            return true;
        }
        if (!api.config.subscriptionRequired)
            return true;
        return deny(kMissingKey, u"SubscriptionKeyNotFound"_qs);
    }
    const auto *sub = snapshot.findSubscription(key, api.config.service);
    if (!sub || sub->config.state != u"active")
        return deny(kInvalidKey, u"SubscriptionKeyInvalid"_qs);
    switch (sub->scopeKind) {
    case GatewaySnapshot::ScopeKind::Service:
    case GatewaySnapshot::ScopeKind::AllApis:
        break;
    case GatewaySnapshot::ScopeKind::Api:
        if (sub->scopeId.compare(api.config.id, Qt::CaseInsensitive) != 0)
            return deny(kInvalidKey, u"SubscriptionKeyInvalid"_qs);
        break;
    case GatewaySnapshot::ScopeKind::Product:
        if (!api.productIds.contains(sub->scopeId))
            return deny(kInvalidKey, u"SubscriptionKeyInvalid"_qs);
        exchange.productId = sub->scopeId;
        break;
    }
    if (!sub->config.ownerId.isEmpty()) {
        const QString ownerId = sub->config.ownerId.section(u'/', -1);
        const auto *user = snapshot.user(api.config.service, ownerId);
        if (user && user->state != u"active")
            return deny(kInvalidKey, u"SubscriptionKeyInvalid"_qs);
        exchange.userId = ownerId;
    }
    exchange.subscription = sub;
    return true;
}

void PolicyRunner::runInbound(GatewayExchange &exchange, qint64 nowMs)
{
    if (!route(exchange) || !authorize(exchange))
        return;
    exchange.policy = exchange.snapshot->effectivePolicy(*exchange.api, exchange.operation, exchange.productId);
    if (!exchange.policy->problem().isEmpty()) {
        exchange.errorReason = u"PolicyCompilationFailure"_qs;
        exchange.immediate = GatewayResponse::json(
            500, exchange.policy->problem() + u" Requests are refused until the policy or the named values it uses are fixed."_qs);
        return;
    }
    runSection(exchange, PolicySection::Inbound, nowMs);
    if (!exchange.immediate)
        runSection(exchange, PolicySection::Backend, nowMs);
}

void PolicyRunner::runSection(GatewayExchange &exchange, PolicySection section, qint64 nowMs)
{
    const ExpressionContext context = exchange.expressionContext();
    for (const PolicyNode &node : exchange.policy->section(section)) {
        if (exchange.immediate)
            return;
        if (node.name == u"set-header") {
            applySetHeader(node, exchange.request.headers, context);
        } else if (node.name == u"set-query-parameter") {
            applySetQuery(node, exchange.query, context);
        } else if (node.name == u"set-backend-service") {
            if (node.hasAttribute(u"backend-id"_qs)) {
                const auto *backend = exchange.snapshot->backend(
                    exchange.api->config.service, PolicyExpression::evaluate(node.attribute(u"backend-id"_qs), context));
                if (backend)
                    exchange.backendBase = QUrl(backend->url);
            } else {
                exchange.backendBase = QUrl(PolicyExpression::evaluate(node.attribute(u"base-url"_qs), context));
            }
        } else if (node.name == u"forward-request") {
            const int timeout = node.attribute(u"timeout"_qs).toInt();
            if (timeout > 0)
                exchange.timeoutMs = timeout * 1000;
        } else if (node.name == u"return-response") {
            exchange.immediate = responseFrom(node, context);
        } else if (node.name == u"mock-response") {
            exchange.immediate = mockFrom(node, exchange.operation);
        } else if (!runInboundNode(exchange, node, nowMs)) {
            return;
        }
    }
}

namespace {

// The counter of a limit: its kind, the scope that defines it, and what it counts (subscription
// or counter-key value). A second limit of the same kind in one document has counters of its own,
// so that e.g. a burst and a sustained rate-limit-by-key on one key each apply; the first keeps
// the name counters had before there could be more than one (persisted quotas keep counting).
QString counterName(const QString &kind, const PolicyNode &node, const QString &subject)
{
    const QString scope = node.ordinal > 0 ? node.scope + u'#' + QString::number(node.ordinal + 1)
                                           : node.scope;
    return kind + u'|' + scope + u'|' + subject;
}

// increment-condition="false": the call is checked against the limit but not counted. The
// compiler admits only the literals true and false (any case).
bool counts(const PolicyNode &node)
{
    return node.attribute(u"increment-condition"_qs).trimmed().compare(u"false", Qt::CaseInsensitive) != 0;
}

} // namespace

bool PolicyRunner::runInboundNode(GatewayExchange &exchange, const PolicyNode &node, qint64 nowMs)
{
    const ExpressionContext context = exchange.expressionContext();
    const auto attr = [&](const QString &name, const QString &fallback = {}) {
        return PolicyExpression::evaluate(node.attribute(name, fallback), context);
    };
    if (node.name == u"rate-limit" || node.name == u"rate-limit-by-key") {
        QString counter;
        if (node.name == u"rate-limit") {
            if (!exchange.subscription)
                return true; // per subscription; an anonymous call has none
            counter = counterName(u"rate"_qs, node, exchange.subscription->config.id);
        } else {
            counter = counterName(u"ratekey"_qs, node, attr(u"counter-key"_qs));
        }
        const qint64 calls = attr(u"calls"_qs).toLongLong();
        const qint64 period = attr(u"renewal-period"_qs).toLongLong();
        const qint64 increment = counts(node) ? std::max<qint64>(1, attr(u"increment-count"_qs, u"1"_qs).toLongLong()) : 0;
        const auto decision = m_limiter.hitRate(counter, calls, period * 1000, nowMs, increment);
        if (node.hasAttribute(u"remaining-calls-header-name"_qs))
            exchange.responseHeaders.set(node.attribute(u"remaining-calls-header-name"_qs).toLatin1(), QByteArray::number(decision.remaining));
        if (node.hasAttribute(u"total-calls-header-name"_qs))
            exchange.responseHeaders.set(node.attribute(u"total-calls-header-name"_qs).toLatin1(), QByteArray::number(calls));
        if (!decision.allowed) {
            GatewayResponse r = GatewayResponse::json(
                429, u"Rate limit is exceeded. Try again in %1 seconds."_qs.arg(decision.retryAfterSeconds));
            r.headers.append(node.attribute(u"retry-after-header-name"_qs, u"Retry-After"_qs).toLatin1(),
                             QByteArray::number(decision.retryAfterSeconds));
            fail(exchange, std::move(r), u"RateLimitExceeded"_qs, true);
            return false;
        }
        return true;
    }
    if (node.name == u"quota" || node.name == u"quota-by-key") {
        QString counter;
        qint64 anchor = 0;
        if (node.name == u"quota") {
            if (!exchange.subscription)
                return true;
            counter = counterName(u"quota"_qs, node, exchange.subscription->config.id);
            const QDateTime created = exchange.subscription->config.createdDate;
            anchor = created.isValid() ? created.toMSecsSinceEpoch() : 0;
        } else {
            counter = counterName(u"quotakey"_qs, node, attr(u"counter-key"_qs));
            const QDateTime first = QDateTime::fromString(node.attribute(u"first-period-start"_qs), Qt::ISODate);
            anchor = first.isValid() ? first.toMSecsSinceEpoch() : 0;
        }
        const qint64 calls = attr(u"calls"_qs, u"0"_qs).toLongLong();
        const qint64 bandwidth = attr(u"bandwidth"_qs, u"0"_qs).toLongLong();
        const qint64 period = attr(u"renewal-period"_qs).toLongLong();
        const qint64 increment = counts(node) ? std::max<qint64>(1, attr(u"increment-count"_qs, u"1"_qs).toLongLong()) : 0;
        const auto decision = m_limiter.hitQuota(counter, calls, bandwidth, period, anchor, nowMs, increment);
        if (!decision.allowed) {
            const bool byCalls = calls > 0 && decision.remaining <= 0;
            // §6.3 gives the message with the time to renewal. A quota with renewal-period 0
            // never renews (§7): neither a time nor Retry-After, which would have clients retry
            // at once and forever; the first sentence alone, as §6.3 words it.
            QString message = byCalls ? u"Out of call volume quota."_qs : u"Out of bandwidth quota."_qs;
            if (period > 0)
                message += u" Quota will be replenished in %1."_qs.arg(replenishTime(decision.retryAfterSeconds));
            GatewayResponse r = GatewayResponse::json(403, message);
            if (period > 0)
                r.headers.append("Retry-After", QByteArray::number(decision.retryAfterSeconds));
            fail(exchange, std::move(r), u"QuotaExceeded"_qs, true);
            return false;
        }
        if (bandwidth > 0)
            exchange.bandwidthQuotaKeys.append(counter);
        return true;
    }
    if (node.name == u"ip-filter") {
        const bool matches = ipMatches(node, exchange.clientIp);
        const bool allow = node.attribute(u"action"_qs) == u"allow";
        if (matches != allow) {
            fail(exchange, GatewayResponse::json(403, u"Forbidden"_qs), u"CallerIpNotAllowed"_qs, true);
            return false;
        }
        return true;
    }
    if (node.name == u"check-header") {
        const QByteArray name = attr(u"name"_qs).toLatin1();
        const bool ignoreCase = node.attribute(u"ignore-case"_qs, u"true"_qs) != u"false";
        QStringList expected;
        for (const PolicyNode &child : node.children) {
            if (child.name == u"value")
                expected.append(PolicyExpression::evaluate(child.text, context));
        }
        bool ok = exchange.request.headers.contains(name);
        if (ok && !expected.isEmpty()) {
            const QString actual = QString::fromUtf8(exchange.request.headers.value(name));
            ok = expected.contains(actual, ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive);
        }
        if (!ok) {
            const int code = attr(u"failed-check-httpcode"_qs).toInt();
            fail(exchange, GatewayResponse::json(code, attr(u"failed-check-error-message"_qs)),
                 u"HeaderNotFound"_qs, code == 401 || code == 403 || code == 429);
            return false;
        }
        return true;
    }
    if (node.name == u"rewrite-uri") {
        const QString templ = attr(u"template"_qs);
        // Parameters and copied items keep the client's encoding, as without rewrite-uri.
        const auto encoded = TemplateMatcher::encodedParameters(
            exchange.operation->urlTemplate, QByteArrayView(exchange.rawPath).sliced(exchange.apiPathEnd),
            exchange.rawQuery, exchange.requestPath.query, exchange.match);
        const QByteArray expanded = TemplateMatcher::expandRewrite(templ, exchange.match.parameters, encoded).toUtf8();
        const qsizetype q = expanded.indexOf('?');
        QByteArray path = q >= 0 ? expanded.left(q) : expanded;
        if (!path.startsWith('/'))
            path.prepend('/');
        QByteArray buffer = q >= 0 ? expanded.mid(q + 1) : QByteArray();
        QList<RequestQueryItem> query = RequestPath::fromEncoded({}, buffer).query;
        if (node.attribute(u"copy-unmatched-params"_qs, u"true"_qs) != u"false") {
            QSet<QString> bound;
            for (const auto &p : exchange.operation->urlTemplate.queryItems())
                bound.insert(p.name);
            for (const auto &p : std::as_const(query))
                bound.insert(p.name);
            for (const RequestQueryItem &p : std::as_const(exchange.query)) {
                if (bound.contains(p.name))
                    continue;
                RequestQueryItem copy = p;
                if (p.rawBegin >= 0 && p.rawBegin + p.rawSize <= exchange.queryBuffer.size()) {
                    if (!buffer.isEmpty())
                        buffer += '&';
                    copy.rawBegin = buffer.size();
                    buffer += QByteArrayView(exchange.queryBuffer).sliced(p.rawBegin, p.rawSize);
                }
                query.append(std::move(copy));
            }
        }
        exchange.backendPath = QString::fromUtf8(path);
        exchange.query = std::move(query);
        exchange.queryBuffer = std::move(buffer);
        return true;
    }
    if (node.name == u"cors") {
        const QString origin = QString::fromUtf8(exchange.request.headers.value("Origin"));
        if (origin.isEmpty() || !originAllowed(node, origin)) {
            return true;
        }
        exchange.corsOrigin = origin;
        exchange.responseHeaders.set("Access-Control-Allow-Origin", origin.toUtf8());
        if (node.attribute(u"allow-credentials"_qs) == u"true")
            exchange.responseHeaders.set("Access-Control-Allow-Credentials", "true");
        const QStringList expose = childTexts(node.child(u"expose-headers"_qs), u"header"_qs);
        if (!expose.isEmpty())
            exchange.responseHeaders.set("Access-Control-Expose-Headers", expose.join(u',').toLatin1());
        exchange.responseHeaders.set("Vary", "Origin");
        return true;
    }
    return true;
}

void PolicyRunner::runOutbound(GatewayExchange &exchange, HttpResponseHead &head)
{
    if (!exchange.policy)
        return;
    const ExpressionContext context = exchange.expressionContext();
    for (const PolicyNode &node : exchange.policy->section(PolicySection::Outbound)) {
        if (node.name == u"set-header") {
            applySetHeader(node, head.headers, context);
        } else if (node.name == u"set-status") {
            head.status = node.attribute(u"code"_qs).toInt();
            head.reason = node.attribute(u"reason"_qs).toUtf8();
        } else if (node.name == u"return-response") {
            exchange.immediate = responseFrom(node, context);
            return;
        } else if (node.name == u"mock-response") {
            exchange.immediate = mockFrom(node, exchange.operation);
            return;
        }
    }
}

void PolicyRunner::runOnError(GatewayExchange &exchange, GatewayResponse &response)
{
    if (!exchange.policy)
        return;
    const ExpressionContext context = exchange.expressionContext();
    for (const PolicyNode &node : exchange.policy->section(PolicySection::OnError)) {
        if (node.name == u"set-header") {
            applySetHeader(node, response.headers, context);
        } else if (node.name == u"set-status") {
            response.status = node.attribute(u"code"_qs).toInt();
        } else if (node.name == u"return-response") {
            response = responseFrom(node, context);
            return;
        } else if (node.name == u"mock-response") {
            response = mockFrom(node, exchange.operation);
            return;
        }
    }
}

void PolicyRunner::decorate(const GatewayExchange &exchange, HeaderList &headers) const
{
    for (const auto &[name, value] : exchange.responseHeaders.fields())
        headers.set(name, value);
}

void PolicyRunner::accountBandwidth(const GatewayExchange &exchange, qint64 bytes)
{
    for (const QString &key : exchange.bandwidthQuotaKeys)
        m_limiter.addQuotaBytes(key, bytes);
}

} // namespace portico::local
