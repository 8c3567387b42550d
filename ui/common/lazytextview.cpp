// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/lazytextview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>

namespace portico::ui {

namespace {

constexpr int foldMarkerWidth = 14;

struct Palette
{
    QColor key, string, number, literal, punctuation, folded;
};

Palette jsonPalette(const QPalette &palette)
{
    if (palette.color(QPalette::Base).lightness() < 128)
        return { QColor(0x9c, 0xdc, 0xfe), QColor(0xce, 0x91, 0x78), QColor(0xb5, 0xce, 0xa8),
                 QColor(0x56, 0x9c, 0xd6), palette.color(QPalette::Text),
                 palette.color(QPalette::PlaceholderText) };
    return { QColor(0x04, 0x51, 0xa5), QColor(0xa3, 0x15, 0x15), QColor(0x09, 0x86, 0x58),
             QColor(0x00, 0x00, 0xff), palette.color(QPalette::Text),
             palette.color(QPalette::PlaceholderText) };
}

} // namespace

LazyTextView::LazyTextView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    updateMetrics();
    clear();
}

LazyTextView::~LazyTextView() = default;

void LazyTextView::setHighlighting(Highlighting highlighting)
{
    m_highlighting = highlighting;
    viewport()->update();
}

void LazyTextView::clear()
{
    m_pieces.clear();
    m_pieceOffsets.clear();
    m_lineBlocks.clear();
    m_foldBlocks.clear();
    m_lineCount = 0;
    m_byteCount = 0;
    m_folded.clear();
    m_hidden.clear();
    m_hiddenCount = 0;
    m_longestLine = 0;
    m_anchor = m_cursor = Position();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void LazyTextView::append(const TextChunk &chunk)
{
    if (!chunk.text.isEmpty()) {
        m_pieces.append(chunk.text);
        m_pieceOffsets.append(m_byteCount);
        m_byteCount += chunk.text.size();
    }
    if (!chunk.lineStarts.isEmpty()) {
        // The line that was last so far ends at the first new start.
        qint64 previous = m_lineCount > 0 ? lineStart(m_lineCount - 1) : chunk.lineStarts.first();
        for (const qint64 start : chunk.lineStarts) {
            m_longestLine = qMax(m_longestLine, start - previous);
            previous = start;
        }
        m_lineBlocks.append({ m_lineCount, chunk.lineStarts });
        m_lineCount += chunk.lineStarts.size();
    }
    if (m_lineCount > 0)
        m_longestLine = qMax(m_longestLine, m_byteCount - lineStart(m_lineCount - 1));
    if (!chunk.folds.isEmpty()) {
        QList<QPair<qint32, qint32>> folds = chunk.folds;
        std::sort(folds.begin(), folds.end());
        m_foldBlocks.append(std::move(folds));
    }
    updateScrollBars();
    viewport()->update();
    Q_EMIT textAppended();
}

void LazyTextView::setPlainText(const QString &text)
{
    clear();
    TextChunk chunk;
    chunk.text = text.toUtf8();
    chunk.lineStarts.append(0);
    for (qsizetype i = 0; i < chunk.text.size(); ++i) {
        if (chunk.text.at(i) == '\n')
            chunk.lineStarts.append(i + 1);
    }
    append(chunk);
}

qint64 LazyTextView::lineStart(qint64 line) const
{
    auto it = std::upper_bound(m_lineBlocks.cbegin(), m_lineBlocks.cend(), line,
                               [](qint64 l, const LineBlock &b) { return l < b.firstLine; });
    if (it == m_lineBlocks.cbegin())
        return 0;
    --it;
    return it->starts.at(line - it->firstLine);
}

qint64 LazyTextView::lineEnd(qint64 line) const
{
    return line + 1 < m_lineCount ? lineStart(line + 1) : m_byteCount;
}

QByteArray LazyTextView::bytes(qint64 from, qint64 to) const
{
    QByteArray out;
    if (from >= to || m_pieces.isEmpty())
        return out;
    auto it = std::upper_bound(m_pieceOffsets.cbegin(), m_pieceOffsets.cend(), from);
    qsizetype piece = qMax<qsizetype>(0, (it - m_pieceOffsets.cbegin()) - 1);
    out.reserve(to - from);
    while (from < to && piece < m_pieces.size()) {
        const QByteArray &text = m_pieces.at(piece);
        const qint64 base = m_pieceOffsets.at(piece);
        const qint64 begin = from - base;
        const qint64 end = qMin<qint64>(text.size(), to - base);
        if (end > begin) {
            out.append(text.constData() + begin, end - begin);
            from = base + end;
        }
        ++piece;
    }
    return out;
}

QByteArray LazyTextView::lineBytes(qint64 line) const
{
    if (line < 0 || line >= m_lineCount)
        return {};
    QByteArray text = bytes(lineStart(line), lineEnd(line));
    while (text.endsWith('\n') || text.endsWith('\r'))
        text.chop(1);
    return text;
}

QString LazyTextView::lineText(qint64 line) const
{
    return QString::fromUtf8(lineBytes(line));
}

QString LazyTextView::text() const
{
    return QString::fromUtf8(bytes(0, m_byteCount));
}

qint32 LazyTextView::foldEnd(qint64 line) const
{
    for (const auto &folds : m_foldBlocks) {
        auto it = std::lower_bound(folds.cbegin(), folds.cend(), QPair<qint32, qint32>(qint32(line), -1));
        if (it != folds.cend() && it->first == line)
            return it->second;
    }
    return -1;
}

bool LazyTextView::isFoldable(qint64 line) const
{
    return line >= 0 && line < m_lineCount && foldEnd(line) > line;
}

bool LazyTextView::isFolded(qint64 line) const
{
    return m_folded.count(qint32(line)) > 0;
}

void LazyTextView::setFolded(qint64 line, bool folded)
{
    if (!isFoldable(line) || folded == isFolded(line))
        return;
    if (folded)
        m_folded[qint32(line)] = foldEnd(line);
    else
        m_folded.erase(qint32(line));
    rebuildHidden();
    updateScrollBars();
    viewport()->update();
}

void LazyTextView::rebuildHidden()
{
    m_hidden.clear();
    m_hiddenCount = 0;
    qint32 coveredUntil = -1;
    for (const auto &[first, last] : m_folded) {
        if (first <= coveredUntil)
            continue; // nested inside a block that is already folded
        m_hidden.append({ first + 1, last });
        m_hiddenCount += last - first;
        coveredUntil = last;
    }
}

qint64 LazyTextView::visibleLineCount() const
{
    return m_lineCount - m_hiddenCount;
}

qint64 LazyTextView::rowToLine(qint64 row) const
{
    qint64 line = row;
    for (const auto &[first, last] : m_hidden) {
        if (first > line)
            break;
        line += last - first + 1;
    }
    return line;
}

qint64 LazyTextView::lineToRow(qint64 line) const
{
    qint64 hiddenBefore = 0;
    for (const auto &[first, last] : m_hidden) {
        if (first > line)
            break;
        if (line <= last)
            return first - 1 - hiddenBefore; // inside a fold: the fold's first line
        hiddenBefore += last - first + 1;
    }
    return line - hiddenBefore;
}

qint64 LazyTextView::firstVisibleLine() const
{
    return rowToLine(verticalScrollBar()->value());
}

void LazyTextView::updateMetrics()
{
    const QFontMetrics metrics(font());
    m_lineHeight = qMax(1, metrics.height());
    m_charWidth = qMax(1, metrics.horizontalAdvance(QLatin1Char('M')));
    m_ascent = metrics.ascent();
}

int LazyTextView::gutterWidth() const
{
    const int digits = int(QString::number(qMax<qint64>(1, m_lineCount)).size());
    return (digits + 1) * m_charWidth + foldMarkerWidth;
}

void LazyTextView::updateScrollBars()
{
    const int pageRows = qMax(1, viewport()->height() / m_lineHeight);
    const qint64 rows = visibleLineCount();
    verticalScrollBar()->setPageStep(pageRows);
    verticalScrollBar()->setSingleStep(1);
    verticalScrollBar()->setRange(0, int(qBound<qint64>(0, rows - pageRows, qint64(INT_MAX))));
    const int textWidth = viewport()->width() - gutterWidth();
    const qint64 contentWidth = (m_longestLine + 2) * m_charWidth;
    horizontalScrollBar()->setPageStep(qMax(1, textWidth));
    horizontalScrollBar()->setSingleStep(m_charWidth * 4);
    horizontalScrollBar()->setRange(0, int(qBound<qint64>(0, contentWidth - textWidth, qint64(INT_MAX))));
}

void LazyTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void LazyTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollBars();
    }
}

void LazyTextView::drawLine(QPainter &painter, qint64 line, int y, int textLeft) const
{
    const QString text = lineText(line);
    const qsizetype firstColumn = horizontalScrollBar()->value() / m_charWidth;
    const qsizetype columns = viewport()->width() / m_charWidth + 2;
    const QString visible = text.mid(firstColumn, columns);

    // One layout per line (not one drawText per token): shaping is the expensive part.
    QList<QTextLayout::FormatRange> formats;
    auto colour = [&](qsizetype from, qsizetype to, const QColor &color) {
        from = qMax(from, firstColumn) - firstColumn;
        to = qMin(to, firstColumn + columns) - firstColumn;
        if (from >= to)
            return;
        QTextLayout::FormatRange range;
        range.start = int(from);
        range.length = int(to - from);
        range.format.setForeground(color);
        formats.append(range);
    };
    if (m_highlighting == Highlighting::Json) {
        const Palette colors = jsonPalette(palette());
        qsizetype i = 0;
        const qsizetype n = qMin(text.size(), firstColumn + columns);
        while (i < n) {
            const QChar c = text.at(i);
            if (c == u'"') {
                qsizetype j = i + 1;
                while (j < text.size() && text.at(j) != u'"')
                    j += text.at(j) == u'\\' ? 2 : 1;
                j = qMin(j + 1, text.size());
                qsizetype k = j;
                while (k < text.size() && text.at(k).isSpace())
                    ++k;
                colour(i, j, k < text.size() && text.at(k) == u':' ? colors.key : colors.string);
                i = j;
            } else if (c.isDigit() || c == u'-') {
                qsizetype j = i + 1;
                while (j < n && (text.at(j).isDigit() || QStringView(u".eE+-").contains(text.at(j))))
                    ++j;
                colour(i, j, colors.number);
                i = j;
            } else if (c.isLetter()) {
                qsizetype j = i + 1;
                while (j < n && text.at(j).isLetter())
                    ++j;
                colour(i, j, colors.literal);
                i = j;
            } else {
                ++i;
            }
        }
    }
    QTextLayout layout(isFolded(line) ? visible + QStringLiteral(" \u2026") : visible, font());
    if (isFolded(line)) {
        QTextLayout::FormatRange range;
        range.start = int(visible.size());
        range.length = 2;
        range.format.setForeground(palette().color(QPalette::PlaceholderText));
        formats.append(range);
    }
    layout.setFormats(formats);
    layout.setCacheEnabled(false);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    if (textLine.isValid())
        textLine.setLineWidth(1e9);
    layout.endLayout();
    painter.setPen(palette().color(QPalette::Text));
    layout.draw(&painter, QPointF(textLeft, y));
}

void LazyTextView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.setFont(font());
    const QRect area = viewport()->rect();
    painter.fillRect(area, palette().color(QPalette::Base));
    const int gutter = gutterWidth();
    painter.fillRect(QRect(0, 0, gutter, area.height()), palette().color(QPalette::AlternateBase));

    const qint64 firstRow = verticalScrollBar()->value();
    const int rows = area.height() / m_lineHeight + 1;
    const Position selectionStart = qMin(m_anchor, m_cursor);
    const Position selectionEnd = qMax(m_anchor, m_cursor);
    const bool hasSelection = !(m_anchor == m_cursor);
    const int firstColumn = horizontalScrollBar()->value() / m_charWidth;

    qint64 line = rowToLine(firstRow);
    for (int r = 0; r < rows && line < m_lineCount; ++r) {
        const int y = r * m_lineHeight;
        if (hasSelection && line >= selectionStart.line && line <= selectionEnd.line) {
            const qint64 from = line == selectionStart.line ? selectionStart.column : 0;
            const qint64 to = line == selectionEnd.line ? selectionEnd.column
                                                         : lineText(line).size() + 1;
            const int x0 = gutter + int(qMax<qint64>(0, from - firstColumn)) * m_charWidth;
            const int x1 = gutter + int(qMax<qint64>(0, to - firstColumn)) * m_charWidth;
            if (x1 > x0)
                painter.fillRect(QRect(x0, y, x1 - x0, m_lineHeight),
                                 palette().color(QPalette::Highlight).lighter(160));
        }
        if (m_highlighting == Highlighting::Diff) {
            const QByteArray head = bytes(lineStart(line), qMin(lineEnd(line), lineStart(line) + 1));
            if (head == "+" || head == "-")
                painter.fillRect(QRect(gutter, y, area.width() - gutter, m_lineHeight),
                                 head == "+" ? QColor(0xe6, 0xff, 0xec) : QColor(0xff, 0xeb, 0xe9));
        }
        painter.save();
        painter.setClipRect(QRect(gutter, y, area.width() - gutter, m_lineHeight));
        drawLine(painter, line, y, gutter);
        painter.restore();

        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(0, y, gutter - foldMarkerWidth, m_lineHeight),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(line + 1));
        if (isFoldable(line)) {
            painter.drawText(QRect(gutter - foldMarkerWidth, y, foldMarkerWidth, m_lineHeight),
                             Qt::AlignCenter,
                             isFolded(line) ? QStringLiteral("\u25b8") : QStringLiteral("\u25be"));
        }
        line = isFolded(line) ? qint64(m_folded.at(qint32(line))) + 1 : line + 1;
    }
}

LazyTextView::Position LazyTextView::positionAt(const QPoint &point) const
{
    const qint64 row = verticalScrollBar()->value() + qMax(0, point.y()) / m_lineHeight;
    Position position;
    position.line = qBound<qint64>(0, rowToLine(row), qMax<qint64>(0, m_lineCount - 1));
    const int x = point.x() - gutterWidth() + horizontalScrollBar()->value();
    const qint64 column = qMax(0, (x + m_charWidth / 2) / m_charWidth);
    position.column = qMin<qint64>(column, lineText(position.line).size());
    return position;
}

qint64 LazyTextView::byteOffset(const Position &position) const
{
    if (m_lineCount == 0)
        return 0;
    const QString prefix = lineText(position.line).left(position.column);
    return lineStart(position.line) + prefix.toUtf8().size();
}

void LazyTextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const Position position = positionAt(event->position().toPoint());
    if (event->position().x() < gutterWidth()) {
        if (isFoldable(position.line))
            setFolded(position.line, !isFolded(position.line));
        return;
    }
    m_cursor = position;
    if (!(event->modifiers() & Qt::ShiftModifier))
        m_anchor = position;
    viewport()->update();
}

void LazyTextView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    m_cursor = positionAt(event->position().toPoint());
    viewport()->update();
}

void LazyTextView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
        return;
    }
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    switch (event->key()) {
    case Qt::Key_Down: bar->setValue(bar->value() + 1); return;
    case Qt::Key_Up: bar->setValue(bar->value() - 1); return;
    case Qt::Key_PageDown: bar->setValue(bar->value() + bar->pageStep()); return;
    case Qt::Key_PageUp: bar->setValue(bar->value() - bar->pageStep()); return;
    case Qt::Key_Home: bar->setValue(0); return;
    case Qt::Key_End: bar->setValue(bar->maximum()); return;
    default: break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

QString LazyTextView::selectedText() const
{
    const Position start = qMin(m_anchor, m_cursor);
    const Position end = qMax(m_anchor, m_cursor);
    return QString::fromUtf8(bytes(byteOffset(start), byteOffset(end)));
}

void LazyTextView::selectAll()
{
    m_anchor = Position();
    m_cursor.line = qMax<qint64>(0, m_lineCount - 1);
    m_cursor.column = lineText(m_cursor.line).size();
    viewport()->update();
}

void LazyTextView::copy() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

} // namespace portico::ui
