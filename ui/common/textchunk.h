// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>

namespace portico::ui {

// A piece of display text produced off the UI thread and appended to a LazyTextView.
// `lineStarts` are absolute byte offsets into the whole text where a display line begins
// (the first chunk starts with 0). `folds` pairs (first line, last line) of foldable
// blocks whose end became known in this chunk; lines are absolute display-line numbers.
struct TextChunk
{
    QByteArray text;
    QList<qint64> lineStarts;
    QList<QPair<qint32, qint32>> folds;
};

} // namespace portico::ui

Q_DECLARE_METATYPE(portico::ui::TextChunk)
