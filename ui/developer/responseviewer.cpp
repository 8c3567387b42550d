// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/responseviewer.h"

#include "core/common/httpreasonphrase.h"

#include "ui/common/lazytextview.h"
#include "ui/common/workerchannel.h"
#include "ui/developer/binarybodypage.h"
#include "ui/developer/bodytextloader.h"
#include "ui/developer/jsonoutline.h"
#include "ui/developer/jsonparse.h"
#include "ui/developer/jsontreemodel.h"
#include "ui/developer/jsontreepanel.h"
#include "ui/developer/resultstable.h"
#include "ui/developer/resultstablepanel.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace portico::ui {

namespace {

// Bodies larger than this show their top level in the Tree before the whole parse ends.
constexpr qsizetype outlineThreshold = 256 * 1024;

struct ParseOutcome
{
    QJsonDocument document;
    bool singleValue = false;
    QList<ResultsTable> tables;
    QString error;     // technical, shown inside a translated sentence
    int errorLine = 0;
    int errorColumn = 0;
    bool isJson = false;
};

void lineAndColumn(const QByteArray &text, qsizetype offset, int *line, int *column)
{
    *line = 1;
    qsizetype lineStart = 0;
    offset = qBound<qsizetype>(0, offset, text.size());
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++*line;
            lineStart = i + 1;
        }
    }
    *column = int(QString::fromUtf8(text.constData() + lineStart, offset - lineStart).size()) + 1;
}

QString statusColour(int status)
{
    if (status >= 200 && status < 300)
        return u"#2e7d32"_qs;
    if (status >= 300 && status < 400)
        return u"#1565c0"_qs;
    if (status >= 400 && status < 500)
        return u"#e65100"_qs;
    return u"#c62828"_qs;
}

QWidget *largeBodyPage(QLabel **label, QPushButton **button, QWidget *parent,
                       const QString &objectPrefix)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    *label = new QLabel(page);
    (*label)->setObjectName(objectPrefix + u"LargeBodyLabel"_qs);
    (*label)->setWordWrap(true);
    (*label)->setAlignment(Qt::AlignCenter);
    *button = new QPushButton(page);
    (*button)->setObjectName(objectPrefix + u"OpenAnywayPushButton"_qs);
    layout->addStretch();
    layout->addWidget(*label);
    layout->addWidget(*button, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

} // namespace

ResponseViewer::ResponseViewer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"responseViewer"_qs);
    buildSummary();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"bodyTabWidget"_qs);
    m_tabs->setDocumentMode(true);

    auto makeStack = [this](const QString &prefix, QWidget *view) {
        auto *stack = new QStackedWidget(m_tabs);
        QLabel *label = nullptr;
        QPushButton *button = nullptr;
        stack->addWidget(largeBodyPage(&label, &button, stack, prefix));
        button->setText(tr("Open anyway"));
        connect(button, &QPushButton::clicked, this, &ResponseViewer::openAnyway);
        m_largeLabels.append(label);
        stack->addWidget(view);
        stack->setCurrentIndex(1);
        return stack;
    };

    m_pretty = new LazyTextView(this);
    m_pretty->setObjectName(u"prettyTextView"_qs);
    m_pretty->setHighlighting(LazyTextView::Highlighting::Json);
    auto *prettyPage = new QWidget(this);
    auto *prettyLayout = new QVBoxLayout(prettyPage);
    prettyLayout->setContentsMargins(0, 0, 0, 0);
    m_prettyNote = new QLabel(prettyPage);
    m_prettyNote->setObjectName(u"prettyNoteLabel"_qs);
    m_prettyNote->setWordWrap(true);
    m_prettyNote->hide();
    prettyLayout->addWidget(m_prettyNote);
    prettyLayout->addWidget(m_pretty, 1);
    m_prettyStack = makeStack(u"pretty"_qs, prettyPage);
    m_binaryPage = new BinaryBodyPage(m_prettyStack);
    m_prettyStack->addWidget(m_binaryPage);
    connect(m_binaryPage, &BinaryBodyPage::saveRequested, this, &ResponseViewer::saveBody);
    connect(m_binaryPage, &BinaryBodyPage::hexRequested, this,
            [this] { setCurrentView(View::Raw); });
    m_tabs->addTab(m_prettyStack, tr("Pretty"));

    m_raw = new LazyTextView(this);
    m_raw->setObjectName(u"rawTextView"_qs);
    m_tabs->addTab(m_raw, tr("Raw"));

    auto *treePage = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    m_parseStatus = new QLabel(treePage);
    m_parseStatus->setObjectName(u"parseStatusLabel"_qs);
    m_parseStatus->setWordWrap(true);
    m_parseStatus->hide();
    m_tree = new JsonTreePanel(treePage);
    treeLayout->addWidget(m_parseStatus);
    treeLayout->addWidget(m_tree, 1);
    m_treeStack = makeStack(u"tree"_qs, treePage);
    m_tabs->addTab(m_treeStack, tr("Tree"));

    m_table = new ResultsTablePanel(this);
    m_tableStack = makeStack(u"table"_qs, m_table);
    m_tabs->addTab(m_tableStack, tr("Table"));

    m_preview = new QLabel(this);
    m_preview->setObjectName(u"previewLabel"_qs);
    m_preview->setAlignment(Qt::AlignCenter);
    m_previewArea = new QScrollArea(this);
    m_previewArea->setWidget(m_preview);
    m_previewArea->setWidgetResizable(true);
    m_tabs->addTab(m_previewArea, tr("Preview"));

    m_headers = new QTableWidget(0, 2, this);
    m_headers->setObjectName(u"responseHeadersTableWidget"_qs);
    m_headers->setHorizontalHeaderLabels({ tr("Header"), tr("Value") });
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(m_headers, tr("Headers"));

    m_prettyLoader = new BodyTextLoader(this);
    connect(m_prettyLoader, &BodyTextLoader::chunkReady, m_pretty, &LazyTextView::append);
    connect(m_prettyLoader, &BodyTextLoader::finished, this, [this] {
        if (!m_prettyAwaitsParse)
            Q_EMIT prettyLoaded();
    });
    m_rawLoader = new BodyTextLoader(this);
    connect(m_rawLoader, &BodyTextLoader::chunkReady, m_raw, &LazyTextView::append);
    connect(m_rawLoader, &BodyTextLoader::finished, this, &ResponseViewer::rawLoaded);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (View(index) == View::Raw)
            startRaw();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *summary = new QHBoxLayout;
    for (QWidget *w : { static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_time),
                        static_cast<QWidget *>(m_ttfb), static_cast<QWidget *>(m_size),
                        static_cast<QWidget *>(m_contentType),
                        static_cast<QWidget *>(m_remaining) })
        summary->addWidget(w);
    summary->addStretch();
    summary->addWidget(m_save);
    layout->addLayout(summary);
    layout->addWidget(m_url);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_errorDetailsLabel);
    layout->addWidget(m_saveResult);
    layout->addWidget(m_certificateLabel);
    layout->addWidget(m_charsetNotice);
    layout->addWidget(m_truncatedNotice);
    layout->addWidget(m_noticeFrame);
    layout->addWidget(m_tabs, 1);
    clear();
}

ResponseViewer::~ResponseViewer()
{
    if (m_parseChannel)
        m_parseChannel->detach();
}

void ResponseViewer::buildSummary()
{
    auto label = [this](const QString &name) {
        auto *l = new QLabel(this);
        l->setObjectName(name);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_status = label(u"statusLabel"_qs);
    m_status->setMargin(3);
    m_time = label(u"timeLabel"_qs);
    m_ttfb = label(u"ttfbLabel"_qs);
    m_size = label(u"sizeLabel"_qs);
    m_contentType = label(u"contentTypeLabel"_qs);
    m_remaining = label(u"remainingCallsLabel"_qs);
    m_save = new QPushButton(tr("Save Body…"), this);
    m_save->setObjectName(u"saveBodyPushButton"_qs);
    connect(m_save, &QPushButton::clicked, this, &ResponseViewer::saveBody);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"requestedUrlLineEdit"_qs);
    m_url->setReadOnly(true);
    m_charsetNotice = label(u"charsetNoticeLabel"_qs);
    m_charsetNotice->setWordWrap(true);
    m_truncatedNotice = label(u"truncatedBodyNoticeLabel"_qs);
    m_truncatedNotice->setWordWrap(true);
    m_errorLabel = label(u"responseErrorLabel"_qs);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(u"color: #c62828;"_qs);
    m_errorDetailsLabel = label(u"responseErrorDetailsLabel"_qs);
    m_errorDetailsLabel->setWordWrap(true);
    m_errorDetailsLabel->setStyleSheet(u"color: palette(mid);"_qs);
    // Apart from the note about the body, so that a save never hides it.
    m_saveResult = label(u"saveResultLabel"_qs);
    m_saveResult->setWordWrap(true);
    m_certificateLabel = label(u"certificateLabel"_qs);
    m_certificateLabel->setWordWrap(true);

    m_noticeFrame = new QFrame(this);
    m_noticeFrame->setObjectName(u"rateLimitFrame"_qs);
    m_noticeFrame->setFrameShape(QFrame::StyledPanel);
    m_noticeFrame->setStyleSheet(u"QFrame#rateLimitFrame { background: #fff3e0; }"
                                 u" QLabel { color: #4e342e; }"_qs);
    m_noticeHeadline = new QLabel(m_noticeFrame);
    m_noticeHeadline->setObjectName(u"rateLimitHeadlineLabel"_qs);
    QFont bold = m_noticeHeadline->font();
    bold.setBold(true);
    m_noticeHeadline->setFont(bold);
    m_noticeText = new QLabel(m_noticeFrame);
    m_noticeText->setObjectName(u"rateLimitLabel"_qs);
    m_noticeText->setWordWrap(true);
    auto *noticeLayout = new QVBoxLayout(m_noticeFrame);
    noticeLayout->addWidget(m_noticeHeadline);
    noticeLayout->addWidget(m_noticeText);
    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &ResponseViewer::updateNotice);
}

qint64 ResponseViewer::bodySize() const
{
    if (m_response.bodySize >= 0)
        return m_response.bodySize;
    if (!m_response.bodyFile.isEmpty())
        return QFileInfo(m_response.bodyFile).size();
    return m_response.body.size();
}

bool ResponseViewer::isLargeBody() const
{
    // A body history cut is judged by the part it kept, which is all there is to show.
    const bool cut = m_response.bodyTruncated && m_response.bodyFile.isEmpty();
    return (cut ? m_response.body.size() : bodySize()) > m_threshold;
}

bool ResponseViewer::isPlainText() const
{
    return m_response.contentType().startsWith(u"text/plain"_qs);
}

bool ResponseViewer::looksLikeJson() const
{
    // A declared JSON type decides; a body without a type or labelled text/plain is sniffed. A
    // text/plain error body may well start with '[' (azureml-protocol.md §1.4), so Pretty formats
    // only once the parse confirms JSON.
    const QString type = m_response.contentType();
    if (type.contains(u"json"_qs))
        return true;
    if (!type.isEmpty() && !isPlainText())
        return false;
    for (const char c : m_response.body.left(64)) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '{' || c == '[' || c == '"';
    }
    return false;
}

void ResponseViewer::clear()
{
    showResponse(ResponseData());
    m_status->setText(tr("No response yet"));
    m_status->setStyleSheet({});
    m_url->clear();
}

void ResponseViewer::showSending(const QString &method, const QUrl &url)
{
    showResponse(ResponseData());
    m_status->setText(tr("Sending…"));
    m_status->setStyleSheet({});
    m_url->setText(method + u' ' + url.toDisplayString());
}

void ResponseViewer::showResponse(const ResponseData &response)
{
    ++m_generation;
    m_prettyLoader->cancel();
    m_rawLoader->cancel();
    if (m_parseChannel) {
        m_parseChannel->detach();
        m_parseChannel.reset();
    }
    m_response = response;
    m_sinceReceived.start();
    m_openedAnyway = false;
    m_rawStarted = false;
    m_parseStarted = false;
    m_prettyFormatted = false;
    m_prettyAwaitsParse = false;
    m_prettyRejected = false;
    m_prettyNote->hide();
    m_pretty->clear();
    m_raw->clear();
    m_tree->clear();
    m_table->clear();
    m_parseStatus->hide();
    m_preview->clear();

    const qint64 size = bodySize();
    const bool hasResponse = response.status > 0;
    m_binary = false;
    if (hasResponse && size > 0) {
        QByteArray head = response.body.left(4096);
        if (!response.bodyFile.isEmpty()) {
            QFile file(response.bodyFile);
            if (file.open(QIODevice::ReadOnly))
                head = file.read(4096);
        }
        m_binary = ui::isBinaryBody(response, head);
        m_binaryPage->setBodySize(size, !response.bodyTruncated   ? qint64(-1)
                                        : response.bodyFile.isEmpty() ? qint64(response.body.size())
                                                                      : size);
    }
    if (hasResponse) {
        // HTTP/2 has no reason phrase, HTTP/1.1 may send an empty one: the standard one stands
        // in, and the tooltip says so.
        const bool standardReason = response.reason.isEmpty();
        const QString reason = standardReason
                ? QString::fromLatin1(core::standardReasonPhrase(response.status))
                : response.reason;
        const QString code = reason.isEmpty() ? QString::number(response.status)
                                              : tr("%1 %2").arg(response.status).arg(reason);
        m_status->setText(response.incomplete        ? tr("%1 (incomplete)").arg(code)
                          : response.notDecompressed ? tr("%1 (not decompressed)").arg(code)
                          : response.damaged         ? tr("%1 (may be damaged)").arg(code)
                                                     : code);
        m_status->setToolTip(!standardReason ? QString()
                             : reason.isEmpty()
                                     ? tr("The server sent no reason phrase (HTTP/2 has none; HTTP/1.1 "
                                          "may leave it empty).")
                                     : tr("The server sent no reason phrase (HTTP/2 has none; HTTP/1.1 "
                                          "may leave it empty); “%1” is the standard one for %2.")
                                               .arg(reason)
                                               .arg(response.status));
        m_status->setStyleSheet(u"QLabel { color: white; background: %1; border-radius: 3px; "
                                u"font-weight: bold; }"_qs.arg(statusColour(response.status)));
    } else {
        m_status->setText(response.errorText.isEmpty() ? QString() : tr("No response"));
        m_status->setToolTip({});
        m_status->setStyleSheet({});
    }
    m_time->setText(response.totalMs >= 0 ? tr("Time: %1 ms").arg(response.totalMs) : QString());
    m_ttfb->setText(response.timeToFirstByteMs >= 0
                            ? tr("First byte: %1 ms").arg(response.timeToFirstByteMs)
                            : QString());
    m_size->setText(!hasResponse ? QString()
                    : response.encodedBodySize < 0
                    ? tr("Size: %1").arg(QLocale().formattedDataSize(size))
                    : tr("Size: %1 (%2 as sent, %3)")
                              .arg(QLocale().formattedDataSize(size),
                                   QLocale().formattedDataSize(response.encodedBodySize),
                                   QString::fromLatin1(response.header("Content-Encoding")).trimmed()));
    m_contentType->setText(response.contentType());
    m_url->setText(response.url.isEmpty() ? QString()
                   : response.redirectNote.isEmpty()
                   ? response.method + u' ' + response.url.toDisplayString()
                   : tr("%1 %2 — %3").arg(response.method, response.url.toDisplayString(),
                                          response.redirectNote));
    m_url->setToolTip(response.redirectNote);
    m_errorLabel->setText(response.errorText);
    m_errorLabel->setVisible(!response.errorText.isEmpty());
    m_errorDetailsLabel->setText(response.errorDetails);
    m_errorDetailsLabel->setVisible(!response.errorDetails.isEmpty());
    m_certificateLabel->setText(response.certificateText);
    m_certificateLabel->setVisible(!response.certificateText.isEmpty());
    const QByteArray charset = response.charset();
    const bool unknownCharset = hasResponse && size > 0 && !BodyTextLoader::canDecode(charset);
    m_charsetNotice->setText(unknownCharset
                                     ? tr("The body declares the character set “%1”, which "
                                          "Portico cannot decode. It is shown as UTF-8.")
                                               .arg(QString::fromLatin1(charset))
                                     : QString());
    m_charsetNotice->setVisible(unknownCharset);
    // History keeps at most the first MiB of a body (none of a very large one): say so, and
    // never let the kept part pass for the whole.
    const bool cut = hasResponse && response.bodyTruncated;
    const qint64 kept = response.bodyFile.isEmpty() ? response.body.size() : size;
    const QLocale locale;
    m_truncatedNotice->setText(!cut       ? QString()
                               : kept == 0 ? tr("History kept none of this body (%1); send the request again "
                                                "to see it.")
                                                 .arg(locale.formattedDataSize(size))
                                           : tr("History kept only the first %1 of this body (%2 in all); "
                                                "what is shown here is that part.")
                                                 .arg(locale.formattedDataSize(kept), locale.formattedDataSize(size)));
    m_truncatedNotice->setVisible(cut);
    m_save->setEnabled(hasResponse && size > 0 && !(cut && kept == 0));
    m_save->setText(cut ? tr("Save Kept Part…") : tr("Save Body…"));
    m_save->setToolTip(cut ? (kept == 0 ? tr("History kept none of this body: there is nothing to save.")
                                        : tr("Saves only the part of the body that history kept."))
                       : response.notDecompressed ? tr("Saves the body as it was sent, not decompressed.")
                       : response.incomplete ? tr("Saves only the part of the body that arrived or could be "
                                                  "decompressed; the rest is missing.")
                       : response.damaged ? tr("Saves the decompressed body; it may be damaged.")
                                          : tr("Saves the response body to a file."));
    m_saveResult->clear();
    m_saveResult->hide();

    m_headers->setRowCount(int(response.headers.size()));
    for (int i = 0; i < response.headers.size(); ++i) {
        m_headers->setItem(i, 0, new QTableWidgetItem(QString::fromLatin1(response.headers[i].first)));
        m_headers->setItem(i, 1, new QTableWidgetItem(QString::fromUtf8(response.headers[i].second)));
    }
    m_tabs->setTabText(int(View::Headers), tr("Headers (%1)").arg(response.headers.size()));

    m_notice = RateLimitNotice::fromResponse(response);
    updateNotice();
    if (m_notice.waitSeconds && *m_notice.waitSeconds > 0)
        m_countdown->start();
    else
        m_countdown->stop();

    const bool isImage = response.contentType().startsWith(u"image/"_qs);
    if (isImage && size <= 64 * 1024 * 1024) {
        QImage image;
        if (!response.bodyFile.isEmpty())
            image.load(response.bodyFile);
        else
            image.loadFromData(response.body);
        if (!image.isNull())
            m_preview->setPixmap(QPixmap::fromImage(image));
        else
            m_preview->setText(tr("This image could not be decoded."));
    } else {
        m_preview->setText(tr("No preview for this content type."));
    }

    updateLargeBodyPages();
    if (!hasResponse || size == 0)
        return;
    if (isLargeBody()) {
        setCurrentView(View::Raw);
        startRaw();
        return;
    }
    startPretty();
    startParse();
    if (isImage)
        setCurrentView(View::Preview);
    else if (currentView() == View::Preview || currentView() == View::Raw)
        setCurrentView(View::Pretty);
}

void ResponseViewer::updateLargeBodyPages()
{
    const bool gated = isLargeBody() && !m_openedAnyway && m_response.status > 0;
    const QString text = tr("This body is %1. It is shown in Raw, streamed. Formatting or "
                            "parsing it runs in the background but takes memory and time.")
                                 .arg(QLocale().formattedDataSize(bodySize()));
    for (QLabel *label : std::as_const(m_largeLabels))
        label->setText(text);
    for (QStackedWidget *stack : { m_prettyStack, m_treeStack, m_tableStack })
        stack->setCurrentIndex(gated ? 0 : 1);
    if (m_binary)
        m_prettyStack->setCurrentWidget(m_binaryPage);
}

void ResponseViewer::openAnyway()
{
    if (m_openedAnyway || m_response.status <= 0)
        return;
    m_openedAnyway = true;
    updateLargeBodyPages();
    startPretty();
    startParse();
}

void ResponseViewer::startPretty()
{
    m_pretty->clear();
    if (m_binary)
        return; // the binary page stands in for text
    // The part of a JSON body that history kept cannot parse whole, so the lenient formatter
    // indents it without waiting for the parse.
    const bool cut = m_response.bodyTruncated && !isPlainText();
    const bool candidate = looksLikeJson() && (cut || !m_prettyRejected);
    // Until the parse confirms JSON, the body is shown as sent (see m_prettyFormatted).
    const bool format = candidate && (cut || m_prettyFormatted || m_openedAnyway);
    m_prettyAwaitsParse = candidate && !cut && !m_prettyFormatted;
    m_pretty->setHighlighting(format ? LazyTextView::Highlighting::Json : LazyTextView::Highlighting::None);
    m_prettyLoader->start(m_response.body, m_response.bodyFile,
                          format ? BodyTextIndexer::Mode::Pretty : BodyTextIndexer::Mode::Raw,
                          m_response.charset());
}

void ResponseViewer::startRaw()
{
    if (m_rawStarted || m_response.status <= 0)
        return;
    m_rawStarted = true;
    m_rawLoader->start(m_response.body, m_response.bodyFile,
                       m_binary ? BodyTextIndexer::Mode::Hex : BodyTextIndexer::Mode::Raw,
                       m_response.charset());
}

void ResponseViewer::startParse()
{
    if (m_parseStarted)
        return;
    m_parseStarted = true;
    if (m_binary) {
        m_parseStatus->setText(tr("The body is binary; Raw shows it as hexadecimal."));
        m_parseStatus->show();
        return;
    }
    const bool csv = m_response.contentType().contains(u"csv"_qs);
    const bool json = looksLikeJson();
    if (!csv && !json) {
        m_parseStatus->setText(tr("The body is not JSON."));
        m_parseStatus->show();
        return;
    }
    m_parseStatus->setText(tr("Parsing…"));
    m_parseStatus->show();
    const QByteArray body = m_response.body;
    const QString file = m_response.bodyFile;
    const QByteArray charset = BodyTextLoader::isUtf8(m_response.charset()) ? QByteArray()
                                                                            : m_response.charset();
    const quint64 generation = m_generation;
    m_parseChannel = startWorker(this, [this, body, file, csv, charset, generation](
                                               const std::shared_ptr<WorkerChannel> &channel) {
        ParseOutcome outcome;
        QByteArray bytes = body;
        if (!file.isEmpty()) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly)) {
                outcome.error = in.errorString();
                channel->post([this, outcome, generation] {
                    if (generation != m_generation)
                        return;
                    m_parseChannel.reset();
                    m_parseStatus->setText(tr("Could not read the body: %1").arg(outcome.error));
                    if (std::exchange(m_prettyAwaitsParse, false) && !m_prettyLoader->isRunning())
                        Q_EMIT prettyLoaded();
                    Q_EMIT bodyParsed();
                });
                return;
            }
            bytes = in.readAll();
        }
        if (!charset.isEmpty()) // CSV (or JSON) in another charset: the parsers read UTF-8
            bytes = QString(QStringDecoder(charset.constData()).decode(bytes)).toUtf8();
        if (csv) {
            auto table = tableFromCsv(bytes);
            if (table.ok()) {
                outcome.tables.append(std::move(table).value());
            } else {
                outcome.error = table.error().message;
                outcome.errorLine = table.error().target.toInt();
            }
        } else {
            // The top level first, so that the Tree shows something while a big body parses.
            if (bytes.size() > outlineThreshold) {
                scanJsonOutline(bytes, [this, &channel, generation](const QJsonDocument &outline) {
                    channel->post([this, outline, generation] {
                        // Never over the whole document (posted after this, but guard anyway).
                        if (generation == m_generation
                            && (m_tree->model()->document().isEmpty() || m_tree->model()->isOutline()))
                            m_tree->setOutline(outline);
                    });
                });
            }
            JsonParse parsed = parseJson(bytes);
            if (!parsed.ok()) {
                outcome.error = parsed.error;
                lineAndColumn(bytes, parsed.errorOffset, &outcome.errorLine, &outcome.errorColumn);
            } else {
                outcome.isJson = true;
                outcome.singleValue = parsed.singleValue;
                outcome.document = std::move(parsed.document);
                if (!outcome.singleValue)
                    outcome.tables = tablesFromAzureMlResults(outcome.document);
            }
        }
        channel->post([this, outcome = std::move(outcome), generation]() mutable {
            if (generation != m_generation) {
                releaseInBackground(std::move(outcome));
                return;
            }
            m_parseChannel.reset();
            if (m_prettyAwaitsParse) {
                const bool wasFormatted = m_openedAnyway;
                m_prettyAwaitsParse = false;
                m_prettyFormatted = outcome.isJson;
                m_prettyRejected = !outcome.isJson;
                if (outcome.isJson != wasFormatted) {
                    startPretty(); // now formatted, or back to the body as sent
                } else if (!m_prettyLoader->isRunning()) {
                    Q_EMIT prettyLoaded();
                }
                if (!outcome.isJson && !isPlainText()) {
                    m_prettyNote->setText(tr("This body is not valid JSON; it is shown as it was sent."));
                    m_prettyNote->show();
                }
            } else if (!outcome.isJson && m_response.bodyTruncated && !m_binary && looksLikeJson()
                       && !isPlainText()) {
                m_prettyNote->setText(tr("History cut this body, so it cannot be parsed whole; Pretty "
                                         "indents the part that was kept."));
                m_prettyNote->show();
            }
            if (outcome.isJson) {
                m_parseStatus->hide();
                if (outcome.singleValue)
                    m_tree->setSingleValue(outcome.document);
                else
                    m_tree->setDocument(outcome.document);
            } else if (isPlainText()) {
                m_parseStatus->setText(tr("The body is not JSON.")); // it never claimed to be
            } else if (!outcome.error.isEmpty()) {
                m_parseStatus->setText(
                        outcome.errorColumn > 0
                                ? tr("The body is not valid JSON: %1 at line %2, column %3.")
                                          .arg(outcome.error)
                                          .arg(outcome.errorLine)
                                          .arg(outcome.errorColumn)
                                : tr("The body could not be read as CSV: unterminated quoted "
                                     "field starting on line %1.")
                                          .arg(outcome.errorLine));
            } else {
                m_parseStatus->hide();
            }
            m_table->setTables(std::move(outcome.tables));
            releaseInBackground(std::move(outcome.document));
            Q_EMIT bodyParsed();
        });
    });
}

void ResponseViewer::updateNotice()
{
    const QString remaining = m_notice.remainingText();
    m_remaining->setText(remaining);
    m_remaining->setVisible(!remaining.isEmpty());
    if (m_notice.kind == RateLimitNotice::Kind::None) {
        m_noticeFrame->hide();
        return;
    }
    const qint64 elapsed = m_sinceReceived.elapsed() / 1000;
    QString headline = m_notice.headline();
    if (m_notice.waitSeconds)
        headline = tr("%1 — Retry-After: %2 s").arg(headline).arg(*m_notice.waitSeconds);
    m_noticeHeadline->setText(headline);
    m_noticeText->setText(m_notice.explanation(elapsed));
    m_noticeFrame->show();
    if (m_notice.waitSeconds && elapsed >= *m_notice.waitSeconds)
        m_countdown->stop();
}

void ResponseViewer::setCurrentView(View view)
{
    m_tabs->setCurrentIndex(int(view));
}

ResponseViewer::View ResponseViewer::currentView() const
{
    return View(m_tabs->currentIndex());
}

void ResponseViewer::saveBody()
{
    auto *dialog = new QFileDialog(this, m_response.bodyTruncated ? tr("Save the Kept Part of the Response Body")
                                                                    : tr("Save Response Body"));
    dialog->setObjectName(u"saveBodyFileDialog"_qs);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QByteArray body = m_response.body;
    const QString source = m_response.bodyFile;
    connect(dialog, &QFileDialog::fileSelected, this, [this, body, source](const QString &path) {
        m_save->setEnabled(false);
        startWorker(this, [this, body, source, path](const std::shared_ptr<WorkerChannel> &channel) {
            QSaveFile out(path);
            QString error;
            if (!out.open(QIODevice::WriteOnly)) {
                error = out.errorString();
            } else if (source.isEmpty()) {
                if (out.write(body) != body.size())
                    error = out.errorString();
            } else {
                QFile in(source);
                if (!in.open(QIODevice::ReadOnly))
                    error = in.errorString();
                while (error.isEmpty() && !in.atEnd()) {
                    const QByteArray piece = in.read(1024 * 1024);
                    if (out.write(piece) != piece.size())
                        error = out.errorString();
                }
            }
            if (error.isEmpty() && !out.commit())
                error = out.errorString();
            channel->post([this, error, path] {
                m_save->setEnabled(true);
                const QString shown = QDir::toNativeSeparators(path);
                m_saveResult->setText(error.isEmpty() ? tr("Saved the body to %1.").arg(shown)
                                                      : tr("Could not save the body to %1: %2").arg(shown, error));
                m_saveResult->setStyleSheet(error.isEmpty() ? QString() : u"color: #c62828;"_qs);
                m_saveResult->show();
            });
        });
    });
    dialog->open();
}

} // namespace portico::ui
