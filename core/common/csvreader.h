// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

#include <functional>

namespace portico::core {

// Incremental RFC 4180 CSV parser: feed it bytes in pieces of any size (a record or a quoted
// field may span pieces) and it calls back once per complete record. Quoted fields may hold
// commas, doubled quotes and line breaks; lines end in LF, CRLF or CR; a UTF-8 BOM at the very
// start is skipped. Only the record being parsed is kept in memory.
class CsvReader final
{
public:
    // fields[0 .. count-1] are the record's fields; the list is reused between records.
    using RecordHandler = std::function<void(const QList<QByteArray> &fields, int count)>;

    // AtStreamStart skips a UTF-8 BOM at the very start; MidStream reads a piece cut from a
    // longer stream at a record boundary (CsvSplitter), where those bytes are data.
    enum class Position { AtStreamStart, MidStream };

    explicit CsvReader(RecordHandler handler, Position position = Position::AtStreamStart);

    void feed(QByteArrayView data);
    // Ends the input: a last record without a line break is delivered. Returns false when
    // the input ended inside a quoted field.
    bool finish();

    qint64 records() const { return m_records; }

    // Writes one field, quoting it when it holds a comma, quote or line break.
    static void appendField(QByteArray &out, QByteArrayView field);

private:
    void endField();
    void endRecord();

    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCR };
    RecordHandler m_handler;
    QList<QByteArray> m_fields;
    int m_count = 0;
    State m_state = State::FieldStart;
    qint64 m_records = 0;
    bool m_started = false;
    bool m_pendingRecord = false;
    QByteArray m_bom;
};

} // namespace portico::core
