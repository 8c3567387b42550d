// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/textdiff.h"

#include <vector>

namespace portico::ui {

namespace {

// Myers' greedy forward algorithm, keeping each round's V to walk back the path.
bool myers(const QStringList &a, qsizetype aBegin, qsizetype aEnd, const QStringList &b,
           qsizetype bBegin, qsizetype bEnd, int maxEdits, const std::atomic<bool> *cancelled,
           QList<DiffLine> &out)
{
    const int n = int(aEnd - aBegin);
    const int m = int(bEnd - bBegin);
    const int max = qMin(n + m, maxEdits);
    const int offset = max + 1;
    std::vector<std::vector<int>> trace;
    std::vector<int> v(size_t(2 * max + 3), 0);
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            return false;
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)];
            else
                x = v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a.at(aBegin + x) == b.at(bBegin + y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace.push_back(v);
    }
    if (found < 0)
        return false;

    // Walk back from (n, m).
    QList<DiffLine> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &prev = trace[size_t(d - 1)];
        const int k = x - y;
        int prevK;
        if (k == -d || (k != d && prev[size_t(offset + k - 1)] < prev[size_t(offset + k + 1)]))
            prevK = k + 1;
        else
            prevK = k - 1;
        const int prevX = prev[size_t(offset + prevK)];
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            reversed.append({ DiffLine::Kind::Same, a.at(aBegin + x), int(aBegin + x) + 1,
                              int(bBegin + y) + 1 });
        }
        if (x == prevX)
            reversed.append({ DiffLine::Kind::Added, b.at(bBegin + prevY), 0,
                              int(bBegin + prevY) + 1 });
        else
            reversed.append({ DiffLine::Kind::Removed, a.at(aBegin + prevX),
                              int(aBegin + prevX) + 1, 0 });
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        reversed.append({ DiffLine::Kind::Same, a.at(aBegin + x), int(aBegin + x) + 1,
                          int(bBegin + y) + 1 });
    }
    for (qsizetype i = reversed.size() - 1; i >= 0; --i)
        out.append(reversed.at(i));
    return true;
}

} // namespace

QList<DiffLine> diffLines(const QStringList &left, const QStringList &right, int maxEdits,
                          const std::atomic<bool> *cancelled)
{
    QList<DiffLine> out;
    qsizetype head = 0;
    while (head < left.size() && head < right.size() && left.at(head) == right.at(head)) {
        out.append({ DiffLine::Kind::Same, left.at(head), int(head) + 1, int(head) + 1 });
        ++head;
    }
    qsizetype tail = 0;
    while (tail < left.size() - head && tail < right.size() - head
           && left.at(left.size() - 1 - tail) == right.at(right.size() - 1 - tail))
        ++tail;
    const qsizetype leftEnd = left.size() - tail;
    const qsizetype rightEnd = right.size() - tail;

    if (!myers(left, head, leftEnd, right, head, rightEnd, maxEdits, cancelled, out)) {
        for (qsizetype i = head; i < leftEnd; ++i)
            out.append({ DiffLine::Kind::Removed, left.at(i), int(i) + 1, 0 });
        for (qsizetype i = head; i < rightEnd; ++i)
            out.append({ DiffLine::Kind::Added, right.at(i), 0, int(i) + 1 });
    }
    for (qsizetype i = 0; i < tail; ++i)
        out.append({ DiffLine::Kind::Same, left.at(leftEnd + i), int(leftEnd + i) + 1,
                     int(rightEnd + i) + 1 });
    return out;
}

} // namespace portico::ui
