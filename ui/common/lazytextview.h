// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/common/textchunk.h"

#include <QAbstractScrollArea>
#include <QByteArray>
#include <QList>

#include <map>

namespace portico::ui {

// A read-only text view for bodies of any size. It keeps the UTF-8 text and a line index and
// paints only the lines on screen, so showing, scrolling or growing a 50 MB text costs the
// same as a small one. Text arrives in TextChunks (typically produced off the UI thread) and
// can be shown while more is still coming. Optional JSON highlighting is done at paint time
// for the visible lines only. Lines listed in chunk folds can be folded from the gutter.
// Monospace: columns map to x positions, which keeps selection and scrolling O(visible).
class LazyTextView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LazyTextView)

public:
    // Diff: lines starting with '+' or '-' get a green or red background.
    enum class Highlighting { None, Json, Diff };

    explicit LazyTextView(QWidget *parent = nullptr);
    ~LazyTextView() override;

    void setHighlighting(Highlighting highlighting);
    void clear();
    void append(const TextChunk &chunk);
    // Convenience for small texts built on the UI thread.
    void setPlainText(const QString &text);

    qint64 lineCount() const { return m_lineCount; }
    qint64 byteCount() const { return m_byteCount; }
    // The display line as shown (without its line break).
    QString lineText(qint64 line) const;
    // The whole text; costs a copy of everything, so only for user-triggered actions.
    QString text() const;

    bool isFoldable(qint64 line) const;
    bool isFolded(qint64 line) const;
    void setFolded(qint64 line, bool folded);
    // Display lines that are not hidden inside a fold.
    qint64 visibleLineCount() const;
    qint64 firstVisibleLine() const;

    QString selectedText() const;
    void selectAll();
    void copy() const;

Q_SIGNALS:
    void textAppended();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Position
    {
        qint64 line = 0;
        qint64 column = 0;
        friend bool operator<(const Position &a, const Position &b)
        {
            return a.line < b.line || (a.line == b.line && a.column < b.column);
        }
        friend bool operator==(const Position &, const Position &) = default;
    };

    // Chunks are kept as they arrive: appending never copies or reallocates a big buffer on
    // the UI thread. Lines and folds are found by binary search over the chunks.
    struct LineBlock
    {
        qint64 firstLine = 0;
        QList<qint64> starts;
    };

    QByteArray lineBytes(qint64 line) const;
    QByteArray bytes(qint64 from, qint64 to) const;
    qint64 lineStart(qint64 line) const;
    qint64 lineEnd(qint64 line) const;
    qint32 foldEnd(qint64 line) const;
    qint64 lineToRow(qint64 line) const;
    qint64 rowToLine(qint64 row) const;
    void rebuildHidden();
    void updateScrollBars();
    void updateMetrics();
    int gutterWidth() const;
    Position positionAt(const QPoint &point) const;
    qint64 byteOffset(const Position &position) const;
    void drawLine(QPainter &painter, qint64 line, int y, int textLeft) const;

    QList<QByteArray> m_pieces;
    QList<qint64> m_pieceOffsets;
    QList<LineBlock> m_lineBlocks;
    QList<QList<QPair<qint32, qint32>>> m_foldBlocks; // each sorted by first line
    qint64 m_lineCount = 0;
    qint64 m_byteCount = 0;
    std::map<qint32, qint32> m_folded;         // user-folded blocks
    QList<QPair<qint32, qint32>> m_hidden;     // outermost hidden line ranges, sorted
    qint64 m_hiddenCount = 0;
    qint64 m_longestLine = 0;
    Highlighting m_highlighting = Highlighting::None;
    int m_lineHeight = 1;
    int m_charWidth = 1;
    int m_ascent = 0;
    Position m_anchor;
    Position m_cursor;
};

} // namespace portico::ui
