// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/csvrecordscanner.h"

#include "core/common/csvscan.h"

namespace portico::core {

CsvRecordScanner::CsvRecordScanner(RecordHandler handler, qint64 startOffset)
    : m_handler(std::move(handler))
    , m_offset(startOffset)
{
}

void CsvRecordScanner::endRecord(qint64 end)
{
    if (m_recordStart >= 0) { // blank lines are no records
        ++m_records;
        m_handler(m_recordStart, end);
    }
    m_recordStart = -1;
    m_state = State::FieldStart;
}

void CsvRecordScanner::feed(QByteArrayView data)
{
    const char *const begin = data.data();
    const char *const end = begin + data.size();
    const char *p = begin;
    const auto here = [&](const char *at) { return m_offset + (at - begin); };
    while (p < end) {
        switch (m_state) {
        case State::FieldStart:
        case State::Unquoted: {
            const char c = *p;
            if (c == '\n' || c == '\r') {
                endRecord(here(p));
                ++p;
                continue;
            }
            if (m_recordStart < 0)
                m_recordStart = here(p);
            if (c == '"' && m_state == State::FieldStart) {
                m_state = State::Quoted;
                ++p;
                continue;
            }
            if (c == ',') {
                m_state = State::FieldStart;
                ++p;
                continue;
            }
            m_state = State::Unquoted;
            // Skip a run of ordinary bytes at once.
            p = csvscan::unquotedRunEnd(p + 1, end);
            continue;
        }
        case State::Quoted:
            p = csvscan::skipQuotedText(m_state, p, end);
            continue;
        case State::QuoteInQuoted:
            p = csvscan::afterQuote(m_state, p);
            continue;
        }
    }
    m_offset += data.size();
}

bool CsvRecordScanner::finish()
{
    const bool complete = m_state != State::Quoted;
    endRecord(m_offset);
    return complete;
}

} // namespace portico::core
