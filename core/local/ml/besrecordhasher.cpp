// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/besrecordhasher.h"

#include "core/common/csvscan.h"
#include "core/local/ml/featurehasher.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace portico::local {

namespace {

// The text of one field, read without copying when it lies in one place: a field is a view
// into the input unless it has an escaped quote, spans the two pieces of a run, or goes on
// after its closing quote; then its bytes are gathered in a buffer kept across records. Plain
// memcpy into that buffer: QByteArray::append() costs more than the few bytes it copies (one
// field in every three of the benchmark's input is quoted and goes on after its quote).
class FieldText
{
public:
    void clear()
    {
        m_begin = m_end = nullptr;
        m_used = 0;
        m_copied = false;
    }
    void append(const char *begin, const char *end)
    {
        if (begin == end)
            return;
        if (!m_copied) {
            if (!m_begin) {
                m_begin = begin;
                m_end = end;
                return;
            }
            if (m_end == begin) {
                m_end = end;
                return;
            }
            m_copied = true;
            copy(m_begin, m_end);
        }
        copy(begin, end);
    }
    QByteArrayView view() const
    {
        if (m_copied)
            return QByteArrayView(m_buffer.data(), m_used);
        return m_begin ? QByteArrayView(m_begin, m_end - m_begin) : QByteArrayView();
    }

private:
    void copy(const char *begin, const char *end)
    {
        const size_t length = size_t(end - begin);
        if (m_used + length > m_buffer.size())
            m_buffer.resize(std::max(m_buffer.size() * 2, m_used + length));
        std::memcpy(m_buffer.data() + m_used, begin, length);
        m_used += length;
    }

    const char *m_begin = nullptr;
    const char *m_end = nullptr;
    std::vector<char> m_buffer; // only grows: its first m_used bytes are the field
    size_t m_used = 0;
    bool m_copied = false;
};

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
    FieldText field;

    auto endRecord = [&] {
        ++output.records;
        const QByteArrayView text = field.view();
        std::fill(counts.begin(), counts.end(), 0);
        hasher.accumulate(text, counts.data());

        const qsizetype worst = text.size() * 2 + 2 + buckets * 11 + 1;
        if (used + worst > out.size())
            out.resize(std::max(out.size() * 2, used + worst));
        char *p = out.data() + used;
        if (core::csvscan::needsQuotes(text)) {
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
        field.clear();
    };

    // The state machine of core::CsvReader (mid-stream), keeping only field `column`: fields
    // are counted, and only that one's bytes are looked at.
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCR };
    State state = State::FieldStart;
    int index = 0;              // of the current field in its record
    bool pendingRecord = false; // the current record has a byte or a separator
    for (QByteArrayView piece : { head, rest }) {
        const char *p = piece.data();
        const char *const end = p + piece.size();
        while (p < end) {
            const bool keep = index == column;
            switch (state) {
            case State::AfterCR:
                state = State::FieldStart;
                if (*p == '\n')
                    ++p;
                continue;
            case State::FieldStart:
                if (*p == '"') {
                    state = State::Quoted;
                    pendingRecord = true;
                    ++p;
                    continue;
                }
                state = State::Unquoted;
                [[fallthrough]];
            case State::Unquoted: {
                const char *start = p;
                p = core::csvscan::unquotedRunEnd(p, end);
                if (p > start) {
                    if (keep)
                        field.append(start, p);
                    pendingRecord = true;
                }
                if (p == end)
                    continue;
                if (*p == ',') {
                    ++index;
                    pendingRecord = true;
                    state = State::FieldStart;
                } else {
                    if (index > 0 || pendingRecord)
                        endRecord(); // blank lines are skipped
                    index = 0;
                    pendingRecord = false;
                    state = *p == '\r' ? State::AfterCR : State::FieldStart;
                }
                ++p;
                continue;
            }
            case State::Quoted: {
                const void *quote = std::memchr(p, '"', size_t(end - p));
                const char *stop = quote ? static_cast<const char *>(quote) : end;
                if (keep)
                    field.append(p, stop);
                p = stop;
                if (p == end)
                    continue;
                state = State::QuoteInQuoted;
                ++p;
                continue;
            }
            case State::QuoteInQuoted:
                if (*p == '"') {
                    if (keep)
                        field.append(p, p + 1);
                    state = State::Quoted;
                    ++p;
                    continue;
                }
                // The closing quote; what follows is read as unquoted text (lenient).
                state = State::Unquoted;
                continue;
            }
        }
    }
    // The caller knows from CsvSplitter whether the input ended in quotes.
    if (pendingRecord || index > 0)
        endRecord();
    out.truncate(used);
    if (out.capacity() > used + used / 2)
        out.squeeze(); // grown by doubling for wide records: give the rest back while it waits
    return output;
}

} // namespace portico::local
