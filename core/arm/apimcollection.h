// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/apimcall.h"
#include "core/arm/apimparse.h"
#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"
#include "core/model/jsonshape.h"

#include <QPointer>

#include <optional>

namespace portico::core {

// Query options of a collection GET (§2): OData $filter, $top/$skip paging and a cap on how many
// items nextLink paging may read in total.
struct ApimListOptions
{
    QString filter;
    int top = 0; // 0: the server's page size
    int skip = 0;
    int maxItems = 100'000;
};

// Typed get / list / createOrUpdate / delete for one collection of a service, e.g.
// "{svc}/apis" with T = Api. A cheap value handed out by ApimClient; the jobs it returns are
// children of the client's owner object. Ids are checked before anything is sent: an empty id
// or one with '/', '?' or '#' (also in a parent id) finishes the job with InvalidInput (target =
// the id's kind). PUT and DELETE are long-running where §4.4 says so (API, named value, user
// delete).
template <typename T>
class ApimCollection final
{
public:
    struct Traits
    {
        QString what; // "API", "product"... for error messages
        bool longRunningPut = false;
        bool longRunningDelete = false;
        // Set when the collection's parent id (an operation's API, a product) was refused:
        // every call then finishes with it.
        std::optional<Error> parentProblem = std::nullopt;
    };

    ApimCollection(ArmClient *client, QObject *owner, QString path, Traits traits)
        : m_client(client)
        , m_owner(owner)
        , m_path(std::move(path))
        , m_traits(std::move(traits))
    { }

    const QString &path() const { return m_path; }
    QString itemPath(const QString &id) const { return m_path + u'/' + id; }

    [[nodiscard]] ApimCall<T> *get(const QString &id) const
    {
        if (auto bad = refused<T>(id))
            return bad;
        return new ApimCall<T>(
            m_client->send(ArmRequest::get(itemPath(id))), &apimparse::one<T>, m_owner);
    }

    [[nodiscard]] ApimCall<QList<T>> *list(const ApimListOptions &options = {}) const
    {
        if (!m_client || !m_owner)
            return new ApimCall<QList<T>>(closed(), m_owner);
        if (m_traits.parentProblem)
            return new ApimCall<QList<T>>(*m_traits.parentProblem, m_owner);
        ArmRequest request = ArmRequest::get(m_path);
        if (!options.filter.isEmpty())
            request.withQuery(u"$filter"_qs, options.filter);
        if (options.top > 0)
            request.withQuery(u"$top"_qs, QString::number(options.top));
        if (options.skip > 0)
            request.withQuery(u"$skip"_qs, QString::number(options.skip));
        return new ApimCall<QList<T>>(
            m_client->list(request, options.maxItems), &apimparse::many<T>, m_owner);
    }

    // PUT: 201 creates, 200 replaces. `ifMatch` empty = unconditional create-or-replace; an
    // ETag from an earlier read makes a concurrent change a Conflict (412) instead of a loss.
    [[nodiscard]] ApimCall<T> *createOrUpdate(
        const QString &id, const T &value, const QByteArray &ifMatch = {}) const
    {
        if (auto bad = refused<T>(id))
            return bad;
        ArmRequest request
            = ArmRequest::put(itemPath(id), value.toJson(JsonShape::Request), ifMatch);
        request.asLongRunning(m_traits.longRunningPut);
        return new ApimCall<T>(m_client->send(request), &apimparse::one<T>, m_owner);
    }

    // DELETE with If-Match ("*" = whatever the current version is). 200 and 204 (already gone)
    // are both success.
    [[nodiscard]] ApimCall<void> *remove(const QString &id, const QByteArray &ifMatch = "*",
        const QList<QPair<QString, QString>> &query = {}) const
    {
        if (auto bad = refused<void>(id))
            return bad;
        ArmRequest request = ArmRequest::remove(itemPath(id), ifMatch.isEmpty() ? "*" : ifMatch);
        request.query = query;
        request.asLongRunning(m_traits.longRunningDelete);
        return new ApimCall<void>(m_client->send(request), &apimparse::none, m_owner);
    }

private:
    static Error closed()
    {
        return Error::make(Error::Kind::Unavailable, u"The client was closed."_qs);
    }

    template <typename R>
    ApimCall<R> *refused(const QString &id) const
    {
        if (!m_client || !m_owner)
            return new ApimCall<R>(closed(), m_owner);
        if (m_traits.parentProblem)
            return new ApimCall<R>(*m_traits.parentProblem, m_owner);
        if (Result<void> checked = checkResourceId(id, m_traits.what); !checked)
            return new ApimCall<R>(checked.error(), m_owner);
        return nullptr;
    }

    QPointer<ArmClient> m_client;
    QPointer<QObject> m_owner; // the ApimClient; the value may outlive it
    QString m_path;
    Traits m_traits;
};

} // namespace portico::core
