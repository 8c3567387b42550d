// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QtAlgorithms>
#include <QtGlobal>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace portico::core::csvscan {

// Steps of the CSV reading rules shared by CsvReader and the copy-free scanners that must find
// the same field and record ends (CsvRecordScanner, CsvSplitter); the scanners skip what
// CsvReader collects. Inline, for the BES job's hot path.
enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

// The first `Stop` byte or line break (LF or CR) at or after `p`, or `end`. Sixteen bytes at a
// time where the CPU can (every x86-64 can): a review-length field takes two or three steps, not
// forty.
template <char Stop>
inline const char *stopOrLineBreak(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i stop = _mm_set1_epi8(Stop);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    while (end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, stop),
                                          _mm_or_si128(_mm_cmpeq_epi8(bytes, lf),
                                                       _mm_cmpeq_epi8(bytes, cr)));
        if (const int mask = _mm_movemask_epi8(hits))
            return p + qCountTrailingZeroBits(quint32(mask));
        p += 16;
    }
#endif
    while (p < end && *p != Stop && *p != '\n' && *p != '\r')
        ++p;
    return p;
}

// The end of a run of ordinary bytes of an unquoted field (a quote there is text): the first
// comma or line break.
inline const char *unquotedRunEnd(const char *p, const char *end)
{
    return stopOrLineBreak<','>(p, end);
}

// True when a field must be written quoted: it holds a comma, a quote or a line break. Sixteen
// bytes at a time where the CPU can, as unquotedRunEnd().
inline bool needsQuotes(QByteArrayView field)
{
    const char *p = field.data();
    const char *const end = p + field.size();
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i hits = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, quote)),
            _mm_or_si128(_mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr)));
        if (_mm_movemask_epi8(hits))
            return true;
    }
#endif
    for (; p < end; ++p) {
        if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
            return true;
    }
    return false;
}

// Inside a quoted field: skips to just after the next quote (the state becomes QuoteInQuoted)
// or, when the piece holds none, to `end`.
inline const char *skipQuotedText(State &state, const char *p, const char *end)
{
    const void *quote = std::memchr(p, '"', size_t(end - p));
    if (!quote)
        return end;
    state = State::QuoteInQuoted;
    return static_cast<const char *>(quote) + 1;
}

// Just after a quote inside a quoted field (p < end): a second quote is an escaped quote and
// the field goes on; anything else means that quote closed the field, and what follows is
// read as unquoted text (lenient, as CsvReader).
inline const char *afterQuote(State &state, const char *p)
{
    if (*p == '"') {
        state = State::Quoted;
        return p + 1;
    }
    state = State::Unquoted;
    return p;
}

} // namespace portico::core::csvscan
