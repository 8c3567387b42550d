// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/besrecordhasher.h"

#include "core/common/csvreader.h"
#include "core/local/ml/featurehasher.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace portico::local {

namespace {

bool needsQuotes(QByteArrayView text)
{
    for (char c : text) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return true;
    }
    return false;
}

} // namespace

BesRecordHasher::Output BesRecordHasher::hash(QByteArrayView head, QByteArrayView rest, int column,
                                              const FeatureHasher &hasher)
{
    const qsizetype size = head.size() + rest.size();
    Output output;
    QByteArray &out = output.csv;
    const qsizetype buckets = hasher.bucketCount();
    // Output lines are the text plus the counts: start with room for the input and a few
    // counts per line, and double when a line does not fit.
    out.resize(size + size / 2 + buckets * 11 + 64);
    qsizetype used = 0;
    std::vector<quint32> counts(size_t(buckets), 0);

    core::CsvReader reader([&](const QList<QByteArray> &fields, int count) {
        ++output.records;
        const QByteArrayView text = column < count ? QByteArrayView(fields.at(column)) : QByteArrayView();
        std::fill(counts.begin(), counts.end(), 0);
        hasher.accumulate(text, counts.data());

        const qsizetype worst = text.size() * 2 + 2 + buckets * 11 + 1;
        if (used + worst > out.size())
            out.resize(std::max(out.size() * 2, used + worst));
        char *p = out.data() + used;
        if (needsQuotes(text)) {
            *p++ = '"';
            for (char c : text) {
                if (c == '"')
                    *p++ = '"';
                *p++ = c;
            }
            *p++ = '"';
        } else if (!text.isEmpty()) {
            std::memcpy(p, text.data(), size_t(text.size()));
            p += text.size();
        }
        for (quint32 value : counts) {
            *p++ = ',';
            if (value < 10) {
                *p++ = char('0' + value);
            } else {
                char digits[10];
                int n = 0;
                for (; value; value /= 10)
                    digits[n++] = char('0' + value % 10);
                while (n)
                    *p++ = digits[--n];
            }
        }
        *p++ = '\n';
        used = p - out.constData();
    }, core::CsvReader::Position::MidStream);
    reader.feed(head);
    reader.feed(rest);
    (void)reader.finish(); // the caller knows from CsvSplitter whether the input ended in quotes
    out.truncate(used);
    return output;
}

} // namespace portico::local
