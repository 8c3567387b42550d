// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/bodytextindexer.h"

namespace portico::ui {

namespace {
constexpr int indentWidth = 2;

bool isUtf8Continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}
} // namespace

BodyTextIndexer::BodyTextIndexer(Mode mode, qsizetype maxLineBytes)
    : m_mode(mode)
    , m_maxLineBytes(qMax<qsizetype>(16, maxLineBytes))
{
}

void BodyTextIndexer::newLine()
{
    m_out.text.append('\n');
    m_lineStart = m_emitted + m_out.text.size();
    m_out.lineStarts.append(m_lineStart);
    ++m_lineCount;
}

void BodyTextIndexer::indent()
{
    newLine();
    m_out.text.append(qsizetype(m_depth) * indentWidth, ' ');
}

void BodyTextIndexer::breakIfTooLong(unsigned char next)
{
    const qint64 lineLength = m_emitted + m_out.text.size() - m_lineStart;
    if (lineLength < m_maxLineBytes || isUtf8Continuation(next))
        return;
    // A soft break: a new display line without a newline character in the text.
    m_lineStart = m_emitted + m_out.text.size();
    m_out.lineStarts.append(m_lineStart);
    ++m_lineCount;
}

void BodyTextIndexer::put(char c)
{
    breakIfTooLong(static_cast<unsigned char>(c));
    m_out.text.append(c);
}

void BodyTextIndexer::hexByte(unsigned char c)
{
    static constexpr char digits[] = "0123456789abcdef";
    if (m_hexFill == 0) {
        if (m_hexOffset > 0)
            newLine();
        for (int shift = 28; shift >= 0; shift -= 4)
            m_out.text.append(digits[(m_hexOffset >> shift) & 0xf]);
        m_out.text.append("  ", 2);
    }
    m_out.text.append(digits[c >> 4]);
    m_out.text.append(digits[c & 0xf]);
    m_out.text.append(m_hexFill == 7 ? "  " : " ", m_hexFill == 7 ? 2 : 1);
    m_hexText[m_hexFill++] = c >= 0x20 && c < 0x7f ? char(c) : '.';
    ++m_hexOffset;
    if (m_hexFill == 16)
        endHexLine();
}

void BodyTextIndexer::endHexLine()
{
    // Pad a short last line so that its text column lines up with the others.
    for (int i = m_hexFill; i < 16; ++i)
        m_out.text.append(i == 7 ? "    " : "   ", i == 7 ? 4 : 3);
    m_out.text.append(" |", 2);
    m_out.text.append(m_hexText, m_hexFill);
    m_out.text.append('|');
    m_hexFill = 0;
}

void BodyTextIndexer::feed(const char *data, qsizetype size)
{
    if (!m_started) {
        m_started = true;
        m_out.lineStarts.append(0);
        m_lineCount = 1;
    }
    if (m_mode == Mode::Hex) {
        const qsizetype n = qMin<qint64>(size, hexLimit - m_hexOffset);
        m_out.text.reserve(m_out.text.size() + n * 5);
        for (qsizetype i = 0; i < n; ++i)
            hexByte(static_cast<unsigned char>(data[i]));
        return;
    }
    m_out.text.reserve(m_out.text.size() + size + size / 4);
    if (m_mode == Mode::Raw) {
        for (qsizetype i = 0; i < size; ++i) {
            const char c = data[i];
            if (c == '\n') {
                newLine();
                continue;
            }
            put(c);
        }
        return;
    }

    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (m_inString) {
            put(c);
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        const bool closing = c == '}' || c == ']';
        if (m_pendingOpen) {
            m_pendingOpen = false;
            if (closing) {
                // Empty container stays on one line: "{}" / "[]".
                --m_depth;
                m_openLines.removeLast();
                put(c);
                continue;
            }
            indent();
        }
        switch (c) {
        case '{':
        case '[':
            put(c);
            ++m_depth;
            m_openLines.append(qint32(m_lineCount - 1));
            m_pendingOpen = true;
            break;
        case '}':
        case ']':
            if (m_depth > 0)
                --m_depth;
            indent();
            put(c);
            if (!m_openLines.isEmpty()) {
                const qint32 first = m_openLines.takeLast();
                m_out.folds.append({ first, qint32(m_lineCount - 1) });
            }
            break;
        case ',':
            put(c);
            indent();
            break;
        case ':':
            put(c);
            put(' ');
            break;
        case '"':
            put(c);
            m_inString = true;
            break;
        default:
            put(c);
            break;
        }
    }
}

void BodyTextIndexer::finish()
{
    if (!m_started) {
        m_started = true;
        m_out.lineStarts.append(0);
        m_lineCount = 1;
    }
    if (m_mode == Mode::Hex && m_hexFill > 0)
        endHexLine();
}

TextChunk BodyTextIndexer::take()
{
    TextChunk chunk = std::move(m_out);
    m_out = TextChunk();
    m_emitted += chunk.text.size();
    return chunk;
}

} // namespace portico::ui
