// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/common/textchunk.h"

#include <QByteArray>
#include <QList>

namespace portico::ui {

// Turns a body, fed in pieces of any size, into display text for LazyTextView: either the
// bytes as they are (Raw) or re-indented JSON (Pretty). It never builds a DOM, so it runs in
// one pass at memory speed and can hand out the first lines long before the end is read.
// Lines longer than maxLineBytes are split (at a UTF-8 boundary) so that no display line is
// too long to draw. In Pretty mode it records which line ranges can be folded.
// Invalid JSON is still re-indented as far as its punctuation allows; validation is not
// this class's job. Hex shows bytes that are not text as a hex dump, 16 bytes a line
// ("00000010  68 65 6c 6c 6f 00 ...  |hello.|"), up to hexLimit bytes; isFull() says when
// more input would be ignored. Pure and not thread-bound: one instance per worker.
class BodyTextIndexer final
{
public:
    enum class Mode { Raw, Pretty, Hex };
    static constexpr qint64 hexLimit = 4 * 1024 * 1024;

    explicit BodyTextIndexer(Mode mode, qsizetype maxLineBytes = 2048);

    void feed(const char *data, qsizetype size);
    void feed(const QByteArray &data) { feed(data.constData(), data.size()); }
    // Flushes what is pending; call once after the last feed().
    void finish();
    // Hands out everything produced since the last take() and clears it.
    [[nodiscard]] TextChunk take();

    qint64 lineCount() const { return m_lineCount; }
    bool isFull() const { return m_mode == Mode::Hex && m_hexOffset >= hexLimit; }

private:
    void put(char c);
    void newLine();
    void indent();
    void breakIfTooLong(unsigned char next);
    void hexByte(unsigned char c);
    void endHexLine();

    Mode m_mode;
    qsizetype m_maxLineBytes;
    TextChunk m_out;
    qint64 m_emitted = 0;       // bytes handed out before m_out.text
    qint64 m_lineStart = 0;     // absolute offset of the current line
    qint64 m_lineCount = 0;
    int m_depth = 0;
    bool m_started = false;
    bool m_inString = false;
    bool m_escape = false;
    bool m_pendingOpen = false; // just emitted '{' or '[': newline deferred until we see content
    QList<qint32> m_openLines;  // line of each open bracket
    qint64 m_hexOffset = 0;     // Hex: bytes dumped so far
    int m_hexFill = 0;          // Hex: bytes on the current line
    char m_hexText[16] = {};    // Hex: the current line's bytes as printable characters
};

} // namespace portico::ui
