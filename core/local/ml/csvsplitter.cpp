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
    // The same reading as CsvReader::feed(), skipping from quote to line break: a quote opens a
    // quoted field only at the start of a field, i.e. right after a comma or a line break read
    // outside quotes (or at the start of the stream); anywhere else in an unquoted field it is
    // text. A CR ends a record by itself; the LF of a CRLF then reads as a blank line, which
    // CsvReader skips too, so a cut between them is safe.
    QList<qint64> cuts;
    const char *const begin = piece.data();
    const char *p = begin;
    const char *const end = p + piece.size();
    qint64 lastBreak = -1;
    while (p < end) {
        switch (m_state) {
        case State::FieldStart:
        case State::Unquoted: {
            p = core::csvscan::stopOrLineBreak<'"'>(p, end); // a comma matters only before a quote
            if (p == end)
                continue;
            if (*p == '"') {
                const char before = p > begin ? p[-1] : m_lastByte;
                if (before == ',' || before == '\n' || before == '\r')
                    m_state = State::Quoted;
                ++p;
                continue;
            }
            const qint64 breakAt = m_offset + (p - begin);
            const qint64 at = breakAt + 1;
            ++p;
            // A record with no byte before its line break is a blank line, which is skipped.
            const bool record = breakAt > m_recordStart;
            m_recordStart = at;
            if (record && m_firstRecordEnd < 0)
                m_firstRecordEnd = at;
            m_recordsSinceCut += record ? 1 : 0;
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
    if (!piece.isEmpty())
        m_lastByte = piece.back();
    m_offset += piece.size();
    return cuts;
}

} // namespace portico::local
