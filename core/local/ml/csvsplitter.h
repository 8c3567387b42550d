// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/csvscan.h"

#include <QByteArrayView>
#include <QList>

#include <limits>

namespace portico::local {

// Finds where a CSV stream may be cut into runs of whole records, reading it exactly as
// CsvReader does (a quote opens a quoted field only at the start of a field; LF, CRLF and CR end
// a record outside quotes) but without copying anything. Each run can then be parsed by its own
// CsvReader, in parallel, with the same records as one reader over the whole stream. Feed the
// stream in pieces of any size; offsets count from the start of the stream.
class CsvSplitter final
{
public:
    // Cuts are at least chunkBytes apart (except the last cut of each piece), or closer when
    // the run's bytes plus recordCost for each of its records reach maxWeight (a run whose
    // records each make much more output than their own bytes).
    explicit CsvSplitter(qint64 chunkBytes, qint64 recordCost = 0,
                         qint64 maxWeight = std::numeric_limits<qint64>::max());
    // The first run aims at firstChunkBytes; each later one at twice its predecessor's aim, up
    // to chunkBytes.
    void setFirstChunkBytes(qint64 firstChunkBytes) { m_aim = qMin(firstChunkBytes, m_chunkBytes); }

    // Scans the next piece. Returns stream offsets just after line breaks outside quotes: the
    // first break at or past a run's limit, and always the last such break in the piece.
    QList<qint64> feed(QByteArrayView piece);

    // Just after the line break that ends the first non-blank record (the header row), or -1
    // while it has not been seen.
    qint64 firstRecordEnd() const { return m_firstRecordEnd; }
    // True when the stream so far ends inside a quoted field (at the end of the input: the
    // CSV is malformed, as CsvReader::finish() reports).
    bool insideQuotes() const { return m_state == State::Quoted; }

private:
    using State = core::csvscan::State;

    // Ends a run at stream offset `at`; the next one aims at twice this one's aim.
    void cutAt(qint64 at, QList<qint64> &cuts);

    qint64 m_chunkBytes;
    qint64 m_aim; // of the current run
    qint64 m_recordCost;
    qint64 m_maxWeight;
    qint64 m_recordsSinceCut = 0;
    qint64 m_offset = 0;
    qint64 m_lastCut = 0;
    qint64 m_firstRecordEnd = -1;
    qint64 m_recordStart = 0; // just after the last line break outside quotes
    State m_state = State::FieldStart;
    char m_lastByte = '\n'; // of the stream so far: the start of the stream starts a field
};

} // namespace portico::local
