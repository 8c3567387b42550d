// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/apimcollection.h"

namespace portico::core {

// A link collection of a service (§2.4): the APIs or groups of one product. add() is a PUT
// without body or If-Match whose reply is the linked entity (201 added, 200 already there);
// remove() is a DELETE without If-Match (200, or 204 when it was not linked).
template <typename T>
class ApimLinks final
{
public:
    ApimLinks(
        ArmClient *client, QObject *owner, QString path, typename ApimCollection<T>::Traits traits)
        : m_collection(client, owner, std::move(path), traits)
        , m_what(traits.what)
        , m_parentProblem(traits.parentProblem)
        , m_client(client)
        , m_owner(owner)
    { }

    const QString &path() const { return m_collection.path(); }

    [[nodiscard]] ApimCall<QList<T>> *list(const ApimListOptions &options = {}) const
    {
        return m_collection.list(options);
    }

    [[nodiscard]] ApimCall<T> *add(const QString &id) const
    {
        if (auto bad = refused<T>(id))
            return bad;
        ArmRequest request;
        request.method = QByteArrayLiteral("PUT");
        request.path = m_collection.itemPath(id);
        return new ApimCall<T>(m_client->send(request), &apimparse::one<T>, m_owner);
    }

    [[nodiscard]] ApimCall<void> *remove(const QString &id) const
    {
        if (auto bad = refused<void>(id))
            return bad;
        return new ApimCall<void>(m_client->send(ArmRequest::remove(m_collection.itemPath(id), {})),
            &apimparse::none, m_owner);
    }

private:
    template <typename R>
    ApimCall<R> *refused(const QString &id) const
    {
        if (!m_client || !m_owner)
            return new ApimCall<R>(
                Error::make(Error::Kind::Unavailable, u"The client was closed."_qs), m_owner);
        if (m_parentProblem)
            return new ApimCall<R>(*m_parentProblem, m_owner);
        if (Result<void> checked = checkResourceId(id, m_what); !checked)
            return new ApimCall<R>(checked.error(), m_owner);
        return nullptr;
    }

    ApimCollection<T> m_collection;
    QString m_what;
    std::optional<Error> m_parentProblem;
    QPointer<ArmClient> m_client;
    QPointer<QObject> m_owner; // the ApimClient; the value may outlive it
};

} // namespace portico::core
