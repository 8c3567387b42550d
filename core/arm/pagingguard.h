// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

namespace portico::core {

// Keeps a collection read page by page from going on forever: a server that sends a nextLink
// it sent before, or that ignores $skip and answers the same page again, would otherwise be
// read without end. Shared by ArmListJob and RequestReportPaging, so that both stop alike: with
// a Protocol error whose code is kLoopCode for a loop (isLoop()), or kCapCode once the cap's
// pages were read and the server has more (isCapped(): not a loop, only more than Portico reads
// of one collection). ui words each its own way.
class PagingGuard
{
public:
    static constexpr int kMaxPages = 10'000;
    static constexpr QStringView kLoopCode = u"PagingLoop";
    static constexpr QStringView kCapCode = u"PagingCap";

    // `maxPages` ≥ 1: tests stop sooner than the default.
    explicit PagingGuard(int maxPages = kMaxPages)
        : m_maxPages(maxPages)
    {
    }

    // A page that leads on to `nextLink`: an error when that link was followed before, or when
    // the cap's pages have been read.
    [[nodiscard]] Result<void> follow(const QUrl &nextLink);
    // A page of a collection paged by $skip that leads on: an error when a page with the very
    // same items was read before (the server ignores $skip), or when the cap's pages have been
    // read. An empty page proves nothing and is only counted.
    [[nodiscard]] Result<void> read(const QList<QJsonObject> &items);

    // True for the error a loop gives.
    static bool isLoop(const Error &error);
    // True for the error the cap gives: the pages read are as many as the cap allows, and the
    // server has more.
    static bool isCapped(const Error &error);

private:
    Result<void> admit(const QString &mark, const QString &message);

    QSet<QString> m_seen;
    int m_maxPages = kMaxPages;
    int m_pages = 0;
};

} // namespace portico::core
