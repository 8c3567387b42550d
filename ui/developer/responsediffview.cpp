// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/responsediffview.h"

#include "ui/common/lazytextview.h"
#include "ui/common/workerchannel.h"
#include "ui/developer/bodytextindexer.h"
#include "ui/developer/textdiff.h"

#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace portico::ui {

namespace {

struct Side
{
    QStringList lines;
    bool tooBig = false;
};

Side linesOf(const ResponseData &response)
{
    Side side;
    for (const auto &[name, value] : response.headers)
        side.lines.append(QString::fromLatin1(name) + u": "_qs + QString::fromUtf8(value));
    side.lines.append(QString());
    QByteArray body = response.body;
    if (!response.bodyFile.isEmpty()) {
        QFile file(response.bodyFile);
        if (file.size() > ResponseDiffView::maxBodyBytes || !file.open(QIODevice::ReadOnly)) {
            side.tooBig = true;
            return side;
        }
        body = file.readAll();
    }
    if (body.size() > ResponseDiffView::maxBodyBytes) {
        side.tooBig = true;
        return side;
    }
    const bool json = response.contentType().contains(u"json"_qs);
    BodyTextIndexer indexer(json ? BodyTextIndexer::Mode::Pretty : BodyTextIndexer::Mode::Raw,
                            std::numeric_limits<int>::max());
    indexer.feed(body);
    indexer.finish();
    const QString text = QString::fromUtf8(indexer.take().text);
    side.lines += text.split(u'\n');
    return side;
}

QString describe(const ResponseData &response)
{
    const qint64 size = response.bodySize >= 0 ? response.bodySize
            : response.bodyFile.isEmpty()      ? response.body.size()
                                               : QFileInfo(response.bodyFile).size();
    return ResponseDiffView::tr("%1 %2 · %3 ms · %4 · %5")
            .arg(response.status)
            .arg(response.reason)
            .arg(response.totalMs)
            .arg(QLocale().formattedDataSize(size))
            .arg(response.receivedAt.toLocalTime().toString(Qt::ISODate));
}

} // namespace

ResponseDiffView::ResponseDiffView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"responseDiffView"_qs);
    m_left = new QLabel(this);
    m_left->setObjectName(u"leftResponseLabel"_qs);
    m_right = new QLabel(this);
    m_right->setObjectName(u"rightResponseLabel"_qs);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"diffSummaryLabel"_qs);
    m_diff = new LazyTextView(this);
    m_diff->setObjectName(u"diffTextView"_qs);
    m_diff->setHighlighting(LazyTextView::Highlighting::Diff);
    auto *layout = new QGridLayout(this);
    layout->addWidget(new QLabel(tr("Before (−):"), this), 0, 0);
    layout->addWidget(m_left, 0, 1);
    layout->addWidget(new QLabel(tr("After (+):"), this), 1, 0);
    layout->addWidget(m_right, 1, 1);
    layout->addWidget(m_summary, 2, 0, 1, 2);
    layout->addWidget(m_diff, 3, 0, 1, 2);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(3, 1);
}

ResponseDiffView::~ResponseDiffView()
{
    if (m_channel)
        m_channel->detach();
}

void ResponseDiffView::compare(const ResponseData &left, const ResponseData &right)
{
    if (m_channel)
        m_channel->detach();
    m_left->setText(describe(left));
    m_right->setText(describe(right));
    m_summary->setText(tr("Comparing…"));
    m_diff->clear();
    const quint64 generation = ++m_generation;
    const bool cut = left.bodyTruncated || right.bodyTruncated;
    m_channel = startWorker(this, [this, left, right, generation, cut](
                                          const std::shared_ptr<WorkerChannel> &channel) {
        const Side a = linesOf(left);
        const Side b = linesOf(right);
        const bool tooBig = a.tooBig || b.tooBig;
        const QList<DiffLine> diff = diffLines(a.lines, b.lines, 4000, channel->cancelledFlag());
        TextChunk chunk;
        int added = 0;
        int removed = 0;
        chunk.lineStarts.append(0);
        for (qsizetype i = 0; i < diff.size(); ++i) {
            const DiffLine &line = diff.at(i);
            const char *prefix = line.kind == DiffLine::Kind::Added ? "+ "
                    : line.kind == DiffLine::Kind::Removed          ? "- "
                                                                    : "  ";
            added += line.kind == DiffLine::Kind::Added;
            removed += line.kind == DiffLine::Kind::Removed;
            if (i > 0) {
                chunk.text.append('\n');
                chunk.lineStarts.append(chunk.text.size());
            }
            chunk.text.append(prefix);
            chunk.text.append(line.text.toUtf8());
        }
        channel->post([this, chunk = std::move(chunk), added, removed, tooBig, generation, cut] {
            if (generation != m_generation)
                return;
            m_channel.reset();
            m_added = added;
            m_removed = removed;
            m_diff->append(chunk);
            if (tooBig)
                m_summary->setText(tr("A body is larger than %1; only the headers are compared.")
                                           .arg(QLocale().formattedDataSize(maxBodyBytes)));
            else if (added == 0 && removed == 0)
                m_summary->setText(tr("The headers and bodies are identical."));
            else
                m_summary->setText(tr("%1 lines removed, %2 lines added.").arg(removed).arg(added));
            if (cut) {
                m_summary->setText(m_summary->text() + u' '
                                   + tr("History kept only part of a body here: only the kept parts are "
                                        "compared."));
            }
            Q_EMIT compared();
        });
    });
}

} // namespace portico::ui
