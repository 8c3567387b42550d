// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/csvscan.h"

#include <QByteArrayView>

#include <functional>

namespace portico::core {

// Finds where CSV records begin and end without copying fields, by the same rules as
// CsvReader (RFC 4180 quotes that may hold commas, quotes and line breaks; LF, CRLF or CR line
// ends; blank lines skipped; a stray quote inside an unquoted field is text). A file indexed by
// these byte offsets can have any record re-read later: CsvReader over the bytes
// [start, end) yields exactly the record CsvReader over the whole file would have yielded.
// Feed bytes in pieces of any size; only a few bytes of state are kept.
class CsvRecordScanner final
{
public:
    // Called once per record: the offset of its first byte and of the byte after its last
    // field (the line break is not included).
    using RecordHandler = std::function<void(qint64 start, qint64 end)>;

    // `startOffset` is the file offset of the first byte fed (e.g. 3 after a UTF-8 BOM).
    explicit CsvRecordScanner(RecordHandler handler, qint64 startOffset = 0);

    void feed(QByteArrayView data);
    // Ends the input: a last record without a line break is reported. Returns false when the
    // input ended inside a quoted field.
    bool finish();

    qint64 offset() const { return m_offset; }
    qint64 records() const { return m_records; }

private:
    using State = csvscan::State;
    void endRecord(qint64 end);

    RecordHandler m_handler;
    State m_state = State::FieldStart;
    qint64 m_offset = 0;
    qint64 m_recordStart = -1; // -1: no byte of the current record seen yet
    qint64 m_records = 0;
};

} // namespace portico::core
