// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

namespace portico::ui {

// A JSON text as the response viewer and the body editor read it: any JSON value (RFC 8259),
// not only the object or array QJsonDocument::fromJson() takes in Qt 6.4.
struct JsonParse
{
    // The parsed text; for a single value (42, "scored", true) an array holding that value.
    QJsonDocument document;
    bool singleValue = false;
    // Empty when the text is valid; otherwise QJsonParseError's words and the byte offset of
    // the problem in the text given to parseJson().
    QString error;
    qsizetype errorOffset = -1;

    bool ok() const { return error.isEmpty(); }
    QJsonValue root() const;
};

// Parses `text` (UTF-8, an optional byte-order mark) in one linear pass over it plus Qt's
// parser. Error offsets are exact in `text`.
// Numbers keep their source text where Qt's double would read differently
// (12345678901234567890123, 0.10000000000000001, 1.0, 1e400): such a number is held as a
// string with a private marker in front. Read values through jsonScalarText(),
// jsonNumberSource(), jsonStringText() and jsonCompactText(), never QJsonValue::toString().
[[nodiscard]] JsonParse parseJson(const QByteArray &text);

// Whether `value` is a number parseJson() kept as source text; if so `*text` is that text.
bool jsonNumberSource(const QJsonValue &value, QString *text = nullptr);
// The text of a string value (not a number kept as source text).
QString jsonStringText(const QJsonValue &value);
// Compact JSON of any value, numbers as written in the source.
QString jsonCompactText(const QJsonValue &value);

} // namespace portico::ui
