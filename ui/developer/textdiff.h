// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace portico::ui {

// A line of a unified diff. Line numbers are 1-based; 0 where the line does not exist on
// that side.
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text;
    int leftLine = 0;
    int rightLine = 0;

    friend bool operator==(const DiffLine &, const DiffLine &) = default;
};

// Line diff (Myers, after trimming the common head and tail). Pure, for a worker thread.
// When the inputs differ in more than maxEdits lines the remaining middle is reported as
// removed-then-added, which keeps the cost bounded for unrelated bodies.
QList<DiffLine> diffLines(const QStringList &left, const QStringList &right, int maxEdits = 4000,
                          const std::atomic<bool> *cancelled = nullptr);

} // namespace portico::ui
