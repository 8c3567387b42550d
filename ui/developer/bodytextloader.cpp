// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/bodytextloader.h"

#include "ui/common/workerchannel.h"

#include <QFile>
#include <QStringDecoder>

#include <optional>

namespace portico::ui {

namespace {
constexpr qsizetype firstPiece = 64 * 1024;
constexpr qsizetype piece = 1024 * 1024;
} // namespace

BodyTextLoader::BodyTextLoader(QObject *parent)
    : QObject(parent)
{
}

BodyTextLoader::~BodyTextLoader()
{
    cancel();
}

void BodyTextLoader::cancel()
{
    ++m_generation;
    if (m_channel) {
        m_channel->detach();
        m_channel.reset();
    }
}

bool BodyTextLoader::canDecode(const QByteArray &charset)
{
    return charset.isEmpty() || QStringDecoder(charset.constData()).isValid();
}

bool BodyTextLoader::isUtf8(const QByteArray &charset)
{
    if (!canDecode(charset))
        return true;
    const QByteArray name = charset.toLower();
    return charset.isEmpty() || name == "utf-8" || name == "utf8" || name == "us-ascii"
            || name == "ascii";
}

void BodyTextLoader::start(const QByteArray &body, const QString &bodyFile,
                           BodyTextIndexer::Mode mode, const QByteArray &charset)
{
    cancel();
    const quint64 generation = ++m_generation;
    auto work = [this, body, bodyFile, mode, charset,
                 generation](const std::shared_ptr<WorkerChannel> &channel) {
        BodyTextIndexer indexer(mode);
        std::optional<QStringDecoder> decoder;
        if (mode != BodyTextIndexer::Mode::Hex && !isUtf8(charset))
            decoder.emplace(charset.constData());
        auto feed = [&](const char *data, qsizetype size) {
            if (!decoder) {
                indexer.feed(data, size);
                return;
            }
            // A character split across two pieces is completed by the next decode().
            const QString text = decoder->decode(QByteArrayView(data, size));
            indexer.feed(text.toUtf8());
        };
        auto deliver = [&](bool last, const QString &error) {
            if (!channel->acquireCredit())
                return false;
            TextChunk chunk = indexer.take();
            return channel->post([this, chunk = std::move(chunk), last, error, channel,
                                  generation] {
                if (generation != m_generation)
                    return; // from a run that was cancelled or replaced
                channel->releaseCredit();
                Q_EMIT chunkReady(chunk);
                if (last && generation == m_generation) {
                    m_channel.reset();
                    Q_EMIT finished(error);
                }
            });
        };

        if (bodyFile.isEmpty()) {
            qsizetype offset = 0;
            qsizetype size = firstPiece;
            while (offset < body.size()) {
                const qsizetype n = qMin(size, body.size() - offset);
                feed(body.constData() + offset, n);
                offset += n;
                size = piece;
                if (indexer.isFull())
                    break;
                if (offset < body.size() && !deliver(false, {}))
                    return;
            }
            indexer.finish();
            deliver(true, {});
            return;
        }
        QFile file(bodyFile);
        if (!file.open(QIODevice::ReadOnly)) {
            indexer.finish();
            deliver(true, file.errorString());
            return;
        }
        QByteArray buffer = file.read(firstPiece);
        while (!buffer.isEmpty()) {
            feed(buffer.constData(), buffer.size());
            if (file.atEnd() || indexer.isFull())
                break;
            if (!deliver(false, {}))
                return;
            buffer = file.read(piece);
        }
        indexer.finish();
        deliver(true, file.error() == QFile::NoError ? QString() : file.errorString());
    };
    m_channel = startWorker(this, std::move(work));
}

} // namespace portico::ui
