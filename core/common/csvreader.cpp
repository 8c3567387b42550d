// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/csvreader.h"

#include "core/common/csvscan.h"

namespace portico::core {

CsvReader::CsvReader(RecordHandler handler, Position position)
    : m_handler(std::move(handler))
{
    if (position == Position::MidStream) {
        m_started = true;
        m_fields = { QByteArray() };
    }
}

void CsvReader::endField()
{
    ++m_count;
    if (m_fields.size() < m_count + 1)
        m_fields.append(QByteArray());
    m_fields[m_count].resize(0); // keeps the capacity: no allocation per field
    m_pendingRecord = true;
}

void CsvReader::endRecord()
{
    ++m_records;
    m_handler(m_fields, m_count + 1);
    m_count = 0;
    m_fields[0].resize(0);
    m_pendingRecord = false;
}

void CsvReader::feed(QByteArrayView data)
{
    if (!m_started) {
        // Hold back up to three bytes until the BOM question is settled.
        m_bom.append(data.data(), data.size());
        if (m_bom.size() < 3 && QByteArrayView("\xEF\xBB\xBF").startsWith(m_bom))
            return;
        m_started = true;
        m_fields = { QByteArray() };
        const QByteArray held = std::exchange(m_bom, {});
        feed(held.startsWith("\xEF\xBB\xBF") ? held.mid(3) : held);
        return;
    }
    const char *p = data.data();
    const char *end = p + data.size();
    while (p < end) {
        const char c = *p;
        QByteArray &field = m_fields[m_count];
        switch (m_state) {
        case State::AfterCR:
            m_state = State::FieldStart;
            if (c == '\n') {
                ++p;
                continue;
            }
            continue;
        case State::FieldStart:
            if (c == '"') {
                m_state = State::Quoted;
                m_pendingRecord = true;
                ++p;
                continue;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            // Copy a run of ordinary bytes at once.
            const char *start = p;
            p = csvscan::unquotedRunEnd(p, end);
            if (p > start) {
                field.append(start, p - start);
                m_pendingRecord = true;
            }
            if (p == end)
                return;
            if (*p == ',') {
                endField();
                m_state = State::FieldStart;
            } else {
                if (m_count > 0 || m_pendingRecord)
                    endRecord(); // blank lines are skipped
                m_state = *p == '\r' ? State::AfterCR : State::FieldStart;
            }
            ++p;
            continue;
        }
        case State::Quoted: {
            const char *start = p;
            while (p < end && *p != '"')
                ++p;
            field.append(start, p - start);
            if (p == end)
                return;
            m_state = State::QuoteInQuoted;
            ++p;
            continue;
        }
        case State::QuoteInQuoted:
            if (c == '"') {
                field.append('"');
                m_state = State::Quoted;
                ++p;
                continue;
            }
            // The closing quote; what follows is read as unquoted text (lenient).
            m_state = State::Unquoted;
            continue;
        }
    }
}

bool CsvReader::finish()
{
    if (!m_started) {
        m_started = true;
        m_fields = { QByteArray() };
        const QByteArray held = std::exchange(m_bom, {});
        if (!held.isEmpty() && !QByteArrayView("\xEF\xBB\xBF").startsWith(held))
            feed(held);
    }
    const bool complete = m_state != State::Quoted;
    if (m_pendingRecord || m_count > 0)
        endRecord();
    m_state = State::FieldStart;
    return complete;
}

void CsvReader::appendField(QByteArray &out, QByteArrayView field)
{
    if (!csvscan::needsQuotes(field)) {
        out.append(field.data(), field.size());
        return;
    }
    const qsizetype start = out.size();
    out.resize(start + field.size() * 2 + 2); // worst case: every byte a quote
    char *p = out.data() + start;
    *p++ = '"';
    for (char c : field) {
        if (c == '"')
            *p++ = '"';
        *p++ = c;
    }
    *p++ = '"';
    out.resize(p - out.constData());
}

} // namespace portico::core
