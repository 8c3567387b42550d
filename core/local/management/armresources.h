// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/management/armmessage.h"
#include "core/local/store/managementstore.h"

#include <optional>

namespace portico::local {

// Protocol helpers shared by every management-plane handler: body parsing, ETag/If-Match,
// paging and the write-then-answer rule (a 2xx only after the commit).
class ArmResources final
{
public:
    static constexpr int DefaultPageSize = 100;

    // The JSON object body, or 400 InvalidRequestContent saying where the JSON broke.
    static std::optional<ArmResponse> parseBody(const ArmRequest &request, QJsonObject *body,
                                                bool allowEmpty = false);
    // 412 on an If-Match mismatch ("*" always matches an existing resource), 400 when
    // `required` and absent; If-None-Match: * on an existing resource is a 412 too.
    static std::optional<ArmResponse> checkPreconditions(const ArmRequest &request,
                                                         const std::optional<StoredResource> &existing,
                                                         bool ifMatchRequired);
    // $top (≥ 1) and $skip (≥ 0).
    static std::optional<ArmResponse> paging(const ArmRequest &request, int *top, int *skip);
    // {value, count, nextLink}; nextLink is "" on the last page, as APIM sends it.
    static ArmResponse listResponse(const ArmRequest &request, const QJsonArray &items,
                                    qint64 total, int top, int skip, bool withCount = true);
    // The same from stored JSON bodies, spliced without parsing them.
    static ArmResponse rawListResponse(const ArmRequest &request, const QList<QByteArray> &items,
                                       qint64 total, int top, int skip);
    static QList<QPair<QByteArray, QByteArray>> etag(const StoredResource &resource);
    // Commits, then answers `response`; a failed commit becomes a 500 and nothing is answered 2xx.
    static ArmResponse commit(ManagementStore &store, ArmResponse response);
    static ArmResponse storageFailure(ManagementStore &store, const core::Error &error);

    static QString now(); // ISO 8601 UTC with fractional seconds, as ARM writes dates
    // `pathAndQuery` (percent-encoded, starting with '/') on the origin the request was sent
    // to. The one place portico-local builds an absolute URL for a reply (nextLink, Location,
    // Azure-AsyncOperation, managementApiUrl).
    static QString absoluteUrl(const ArmRequest &request, const QString &pathAndQuery);
    // The origin a request was sent to: scheme://host[:port] from its Host header, or
    // `announced` (scheme, host and port only) when it has none or it does not parse.
    static QUrl requestOrigin(const QByteArray &hostHeader, const QUrl &announced);
    // A new subscription key: 32 lower-case hex characters, as APIM generates them.
    static QString newKey();
};

} // namespace portico::local
