// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/ratelimitnotice.h"
#include "ui/developer/responsedata.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace portico::ui {

class BinaryBodyPage;
class BodyTextLoader;
class JsonTreePanel;
class LazyTextView;
class ResultsTablePanel;
class WorkerChannel;

// Shows one response: a summary bar (status and reason in colour, time, time to first byte,
// size, content type, calls left), the requested URL, a plain-words notice for 401/403/429
// with a live countdown, and the body as Pretty, Raw, Tree, Table, Preview and Headers.
// Nothing here blocks: text is indexed and JSON parsed on the thread pool and the views only
// draw what is on screen. Bodies above largeBodyThreshold() open in Raw (streamed); Pretty,
// Tree and Table then wait for an explicit "Open anyway".
class ResponseViewer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseViewer)

public:
    enum class View { Pretty, Raw, Tree, Table, Preview, Headers };
    Q_ENUM(View)

    explicit ResponseViewer(QWidget *parent = nullptr);
    ~ResponseViewer() override;

    void showResponse(const ResponseData &response);
    void showSending(const QString &method, const QUrl &url);
    void clear();
    const ResponseData &response() const { return m_response; }

    qint64 largeBodyThreshold() const { return m_threshold; }
    void setLargeBodyThreshold(qint64 bytes) { m_threshold = bytes; }
    bool isLargeBody() const;
    // Bytes rather than text (isBinaryBody()): Pretty shows a notice, Raw a hex dump.
    bool isBinaryBody() const { return m_binary; }

    void setCurrentView(View view);
    View currentView() const;
    // Starts Pretty/Tree/Table for a body above the threshold.
    void openAnyway();

    LazyTextView *prettyView() const { return m_pretty; }
    LazyTextView *rawView() const { return m_raw; }
    JsonTreePanel *treePanel() const { return m_tree; }
    ResultsTablePanel *tablePanel() const { return m_table; }
    const RateLimitNotice &notice() const { return m_notice; }

public Q_SLOTS:
    void saveBody();

Q_SIGNALS:
    void prettyLoaded();
    void rawLoaded();
    void bodyParsed();

private:
    void buildSummary();
    void startPretty();
    void startRaw();
    void startParse();
    void updateNotice();
    void updateLargeBodyPages();
    qint64 bodySize() const;
    bool isPlainText() const;
    bool looksLikeJson() const;

    ResponseData m_response;
    RateLimitNotice m_notice;
    QElapsedTimer m_sinceReceived;
    qint64 m_threshold = 5 * 1024 * 1024;
    bool m_openedAnyway = false;
    bool m_rawStarted = false;
    bool m_parseStarted = false;
    // Pretty reformats only a body the parse confirmed as JSON; until then (and for anything
    // else) it shows the body as sent. A large body opened anyway is formatted while it
    // parses, and shown as sent again if the parse fails.
    bool m_prettyFormatted = false;
    bool m_prettyAwaitsParse = false;
    bool m_prettyRejected = false; // the parse found it is not JSON
    bool m_binary = false;

    QLabel *m_status = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_ttfb = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_contentType = nullptr;
    QLabel *m_remaining = nullptr;
    QPushButton *m_save = nullptr;
    QLineEdit *m_url = nullptr;
    QFrame *m_noticeFrame = nullptr;
    QLabel *m_noticeHeadline = nullptr;
    QLabel *m_noticeText = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_errorDetailsLabel = nullptr;
    QLabel *m_saveResult = nullptr; // what the last save did
    QLabel *m_certificateLabel = nullptr;
    QLabel *m_charsetNotice = nullptr;
    QLabel *m_truncatedNotice = nullptr;
    QTimer *m_countdown = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_prettyStack = nullptr;
    QStackedWidget *m_treeStack = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QList<QLabel *> m_largeLabels;
    LazyTextView *m_pretty = nullptr;
    BinaryBodyPage *m_binaryPage = nullptr;
    LazyTextView *m_raw = nullptr;
    JsonTreePanel *m_tree = nullptr;
    QLabel *m_parseStatus = nullptr;
    QLabel *m_prettyNote = nullptr;
    ResultsTablePanel *m_table = nullptr;
    QLabel *m_preview = nullptr;
    QScrollArea *m_previewArea = nullptr;
    QTableWidget *m_headers = nullptr;
    BodyTextLoader *m_prettyLoader = nullptr;
    BodyTextLoader *m_rawLoader = nullptr;
    std::shared_ptr<WorkerChannel> m_parseChannel;
    quint64 m_generation = 0;
};

} // namespace portico::ui
