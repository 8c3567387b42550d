// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/common/textchunk.h"
#include "ui/developer/bodytextindexer.h"

#include <QObject>

#include <memory>

namespace portico::ui {

class WorkerChannel;

// Reads a body (bytes in memory or a file) on the thread pool, runs it through a
// BodyTextIndexer and hands the display text out in chunks as it goes, one chunk in flight at
// a time. The first chunk is small so the first lines show at once. Emits finished exactly
// once per start() unless cancelled or destroyed first.
// A body in a declared charset other than UTF-8 (Content-Type `charset=`) is decoded piece by
// piece, the decoder's state carried across pieces, into the UTF-8 the views hold. A charset
// that canDecode() refuses is read as UTF-8; the caller tells the user.
class BodyTextLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyTextLoader)

public:
    explicit BodyTextLoader(QObject *parent = nullptr);
    ~BodyTextLoader() override;

    void start(const QByteArray &body, const QString &bodyFile, BodyTextIndexer::Mode mode,
               const QByteArray &charset = {});
    void cancel();
    bool isRunning() const { return m_channel != nullptr; }

    // Whether `charset` (as in Content-Type; empty: none declared) can be decoded.
    static bool canDecode(const QByteArray &charset);
    // Whether bytes in `charset` are shown as they are (UTF-8, US-ASCII, none declared or
    // unknown), i.e. without a decoding pass.
    static bool isUtf8(const QByteArray &charset);

Q_SIGNALS:
    void chunkReady(const portico::ui::TextChunk &chunk);
    // errorText is empty on success (already technical; the caller words it).
    void finished(const QString &errorText);

private:
    std::shared_ptr<WorkerChannel> m_channel;
    quint64 m_generation = 0;
};

} // namespace portico::ui
