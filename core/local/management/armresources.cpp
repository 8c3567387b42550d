// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/armresources.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace portico::local {

namespace {

// The request's URL on its own origin with $top/$skip for the next page.
QString nextLink(const ArmRequest &request, int top, int skip)
{
    QUrl next;
    next.setPath(request.url.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    QUrlQuery query = request.query;
    query.removeAllQueryItems(u"$skip"_qs);
    query.removeAllQueryItems(u"$top"_qs);
    query.addQueryItem(u"$top"_qs, QString::number(top));
    query.addQueryItem(u"$skip"_qs, QString::number(skip));
    next.setQuery(query);
    return ArmResources::absoluteUrl(request, next.toString(QUrl::FullyEncoded));
}

} // namespace

std::optional<ArmResponse> ArmResources::parseBody(const ArmRequest &request, QJsonObject *body,
                                                   bool allowEmpty)
{
    if (request.body.trimmed().isEmpty()) {
        if (allowEmpty) {
            *body = {};
            return std::nullopt;
        }
        return ArmResponse::error(400, u"InvalidRequestContent"_qs,
                                  u"The request content was invalid and could not be "
                                  "deserialized: the body is empty; a JSON object is required."_qs);
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        int line = 1, column = 1;
        for (qsizetype i = 0; i < error.offset && i < request.body.size(); ++i) {
            if (request.body.at(i) == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return ArmResponse::error(400, u"InvalidRequestContent"_qs,
                                  u"The request content was invalid and could not be "
                                  "deserialized: %1 at line %2, position %3 (offset %4)."_qs
                                      .arg(error.errorString())
                                      .arg(line)
                                      .arg(column)
                                      .arg(error.offset));
    }
    if (!document.isObject())
        return ArmResponse::error(400, u"InvalidRequestContent"_qs,
                                  u"The request content was invalid and could not be "
                                  "deserialized: a JSON object is required at line 1, "
                                  "position 1."_qs);
    *body = document.object();
    return std::nullopt;
}

std::optional<ArmResponse>
ArmResources::checkPreconditions(const ArmRequest &request,
                                 const std::optional<StoredResource> &existing, bool ifMatchRequired)
{
    const QByteArray ifMatch = request.header("if-match").trimmed();
    const QByteArray ifNoneMatch = request.header("if-none-match").trimmed();
    if (ifNoneMatch == "*" && existing)
        return ArmResponse::error(412, u"PreconditionFailed"_qs,
                                  u"The resource already exists and If-None-Match is '*'."_qs);
    if (ifMatch.isEmpty()) {
        if (ifMatchRequired)
            return ArmResponse::validation(u"If-Match"_qs,
                                           u"The If-Match header is required; send the entity's "
                                           "ETag, or '*' to update unconditionally."_qs);
        return std::nullopt;
    }
    if (ifMatch == "*")
        return std::nullopt; // "*" matches any existing entity; a PUT may also create with it
    if (!existing)
        return std::nullopt; // the handler answers 404/204 for a missing entity
    const QByteArray current = existing->etagHeader();
    for (QByteArray candidate : ifMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == current || '"' + candidate + '"' == current)
            return std::nullopt;
    }
    return ArmResponse::error(412, u"PreconditionFailed"_qs,
                              u"The entity's ETag does not match the If-Match header; it was "
                              "changed since you read it. Read it again and retry."_qs);
}

std::optional<ArmResponse> ArmResources::paging(const ArmRequest &request, int *top, int *skip)
{
    *top = DefaultPageSize;
    *skip = 0;
    if (request.query.hasQueryItem(u"$top"_qs)) {
        bool ok = false;
        const int value = request.queryValue("$top").toInt(&ok);
        if (!ok || value < 1)
            return ArmResponse::validation(u"$top"_qs, u"$top must be a whole number of at least 1."_qs);
        *top = value;
    }
    if (request.query.hasQueryItem(u"$skip"_qs)) {
        bool ok = false;
        const int value = request.queryValue("$skip").toInt(&ok);
        if (!ok || value < 0)
            return ArmResponse::validation(u"$skip"_qs, u"$skip must be a whole number of at least 0."_qs);
        *skip = value;
    }
    return std::nullopt;
}

ArmResponse ArmResources::listResponse(const ArmRequest &request, const QJsonArray &items,
                                       qint64 total, int top, int skip, bool withCount)
{
    QJsonObject body { { u"value"_qs, items } };
    if (withCount)
        body.insert(u"count"_qs, total);
    if (skip + items.size() < total) {
        body.insert(u"nextLink"_qs, nextLink(request, top, skip + int(items.size())));
    } else {
        body.insert(u"nextLink"_qs, QString());
    }
    return ArmResponse::json(200, body);
}

ArmResponse ArmResources::rawListResponse(const ArmRequest &request, const QList<QByteArray> &items,
                                          qint64 total, int top, int skip)
{
    // The envelope comes from listResponse() with a placeholder array, so both stay alike.
    ArmResponse envelope = listResponse(request, QJsonArray(), total, top, skip);
    QJsonObject tail = envelope.body.toObject();
    tail.remove(u"value"_qs);
    if (skip + items.size() >= total) {
        tail.insert(u"nextLink"_qs, QString());
    } else {
        tail.insert(u"nextLink"_qs, nextLink(request, top, skip + int(items.size())));
    }
    QByteArray json = QJsonDocument(tail).toJson(QJsonDocument::Compact);
    qsizetype size = json.size() + 16;
    for (const QByteArray &item : items)
        size += item.size() + 1;
    QByteArray out;
    out.reserve(size);
    out += "{\"value\":[";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += items.at(i);
    }
    out += "],";
    out += json.mid(1); // the rest of the envelope without its opening brace
    ArmResponse response = ArmResponse::json(200, QJsonObject());
    response.rawJson = out;
    return response;
}

QList<QPair<QByteArray, QByteArray>> ArmResources::etag(const StoredResource &resource)
{
    return { { QByteArrayLiteral("ETag"), resource.etagHeader() } };
}

ArmResponse ArmResources::commit(ManagementStore &store, ArmResponse response)
{
    if (auto committed = store.commit(); !committed)
        return ArmResponse::fromError(committed.error());
    return response;
}

ArmResponse ArmResources::storageFailure(ManagementStore &store, const core::Error &error)
{
    store.rollback();
    return ArmResponse::fromError(error);
}

QString ArmResources::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString ArmResources::absoluteUrl(const ArmRequest &request, const QString &pathAndQuery)
{
    return request.origin.toString(QUrl::StripTrailingSlash | QUrl::FullyEncoded) + pathAndQuery;
}

QUrl ArmResources::requestOrigin(const QByteArray &hostHeader, const QUrl &announced)
{
    QUrl origin;
    origin.setScheme(announced.scheme());
    const QString host = QString::fromLatin1(hostHeader.trimmed());
    if (!host.isEmpty() && !host.contains(u'/') && !host.contains(u'@')) {
        origin.setAuthority(host, QUrl::StrictMode);
        if (origin.isValid() && !origin.host().isEmpty())
            return origin;
    }
    origin = QUrl();
    origin.setScheme(announced.scheme());
    origin.setHost(announced.host());
    origin.setPort(announced.port());
    return origin;
}

QString ArmResources::newKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

} // namespace portico::local
