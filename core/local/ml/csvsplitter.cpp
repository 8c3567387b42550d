// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/csvsplitter.h"

namespace portico::local {

CsvSplitter::CsvSplitter(qint64 chunkBytes, qint64 recordCost, qint64 maxWeight)
    : m_chunkBytes(chunkBytes)
    , m_aim(chunkBytes)
    , m_recordCost(recordCost)
    , m_maxWeight(maxWeight)
{
}

void CsvSplitter::cutAt(qint64 at, QList<qint64> &cuts)
{
    cuts.append(at);
    m_lastCut = at;
    m_recordsSinceCut = 0;
    m_aim = qMin(m_aim * 2, m_chunkBytes);
}

QList<qint64> CsvSplitter::feed(QByteArrayView piece)
{
    // The same state machine as CsvReader::feed(). A CR ends a record by itself; the LF of a
    // CRLF then reads as a blank line, which CsvReader skips too, so a cut between them is safe.
    QList<qint64> cuts;
    const char *const begin = piece.data();
    const char *p = begin;
    const char *const end = p + piece.size();
    qint64 lastBreak = -1;
    while (p < end) {
        switch (m_state) {
        case State::FieldStart:
            if (*p == '"') {
                m_state = State::Quoted;
                m_pendingRecord = true;
                ++p;
                continue;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            const char *start = p;
            p = core::csvscan::unquotedRunEnd(p, end);
            if (p > start)
                m_pendingRecord = true;
            if (p == end)
                continue;
            if (*p++ == ',') {
                m_pendingRecord = true;
                m_state = State::FieldStart;
                continue;
            }
            const qint64 at = m_offset + (p - begin);
            if (m_pendingRecord && m_firstRecordEnd < 0)
                m_firstRecordEnd = at;
            m_recordsSinceCut += m_pendingRecord ? 1 : 0;
            m_pendingRecord = false;
            m_state = State::FieldStart;
            lastBreak = at;
            const qint64 bytes = at - m_lastCut;
            if (bytes >= m_aim || bytes + m_recordsSinceCut * m_recordCost >= m_maxWeight)
                cutAt(at, cuts);
            continue;
        }
        case State::Quoted:
            p = core::csvscan::skipQuotedText(m_state, p, end);
            continue;
        case State::QuoteInQuoted:
            p = core::csvscan::afterQuote(m_state, p);
            continue;
        }
    }
    if (lastBreak > m_lastCut)
        cutAt(lastBreak, cuts);
    m_offset += piece.size();
    return cuts;
}

} // namespace portico::local
