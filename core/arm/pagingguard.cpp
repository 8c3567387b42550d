// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/arm/pagingguard.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace portico::core {

Result<void> PagingGuard::follow(const QUrl &nextLink)
{
    return admit(u"link:"_qs + nextLink.toString(), u"The server's nextLink repeats; paging stopped."_qs);
}

Result<void> PagingGuard::read(const QList<QJsonObject> &items)
{
    if (items.isEmpty())
        return admit({}, {});
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QJsonObject &item : items)
        hash.addData(QJsonDocument(item).toJson(QJsonDocument::Compact));
    return admit(u"page:"_qs + QString::fromLatin1(hash.result().toHex()),
                 u"The server sent the same page again (it ignores $skip); paging stopped."_qs);
}

Result<void> PagingGuard::admit(const QString &mark, const QString &message)
{
    if (++m_pages >= m_maxPages)
        return Error::make(Error::Kind::Protocol,
                           u"Portico stopped after %1 pages; the server has more."_qs.arg(m_maxPages),
                           kCapCode.toString());
    if (mark.isEmpty())
        return {};
    if (m_seen.contains(mark))
        return Error::make(Error::Kind::Protocol, message, kLoopCode.toString());
    m_seen.insert(mark);
    return {};
}

bool PagingGuard::isLoop(const Error &error)
{
    return error.kind == Error::Kind::Protocol && error.code == kLoopCode;
}

bool PagingGuard::isCapped(const Error &error)
{
    return error.kind == Error::Kind::Protocol && error.code == kCapCode;
}

} // namespace portico::core
