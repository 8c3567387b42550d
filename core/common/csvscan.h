// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstring>

namespace portico::core::csvscan {

// Steps of the CSV reading rules shared by CsvReader and the copy-free scanners that must find
// the same field and record ends (CsvRecordScanner, CsvSplitter); the scanners skip what
// CsvReader collects. Inline, for the BES job's hot path.
enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

// The first comma or line break (LF or CR) at or after `p`, or `end`: the end of a run of
// ordinary bytes of an unquoted field (a quote there is text).
inline const char *unquotedRunEnd(const char *p, const char *end)
{
    while (p < end && *p != ',' && *p != '\n' && *p != '\r')
        ++p;
    return p;
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
