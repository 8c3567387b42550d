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
[[nodiscard]] JsonParse parseJson(const QByteArray &text);


} // namespace portico::ui
