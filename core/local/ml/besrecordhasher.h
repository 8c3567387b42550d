// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace portico::local {

class FeatureHasher;

// The BES job's hot path: turns a run of whole CSV records (no header; as cut by CsvSplitter)
// into output lines, each the record's field `column` (quoted again when it needs it) followed
// by its feature counts, "text,1,1,2,2,0,2,0,1\n". A record without that field hashes the empty
// text. Pure: runs on any thread, and several runs may go at once over one FeatureHasher.
// No allocation per record: one output buffer per run, grown geometrically.
class BesRecordHasher final
{
public:
    struct Output
    {
        QByteArray csv;
        qint64 records = 0;
    };

    // The run may come in two pieces, `head` then `rest` (the end of one input range and the
    // start of the next), so that neither has to be copied into one buffer.
    static Output hash(QByteArrayView head, QByteArrayView rest, int column,
                       const FeatureHasher &hasher);
    static Output hash(QByteArrayView records, int column, const FeatureHasher &hasher)
    {
        return hash(records, {}, column, hasher);
    }
};

} // namespace portico::local
