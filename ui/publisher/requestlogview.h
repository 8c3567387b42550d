// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"
#include "core/arm/pagingguard.h"
#include "core/common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <algorithm>
#include <memory>
#include <optional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace portico::core {
class RequestReportPaging;
}

namespace portico::ui {

class BannerWidget;
class PublisherController;

// The calls of a period one by one, from API Management's `reports/byRequest`: when, which API
// and operation, method, status, response and backend time, subscription, size, URL and caller
// address, newest first. The natural next step from a "Blocked" figure: which subscription hit
// the 429s. An outcome choice narrows the list to successful, blocked, failed or other calls
// (the report's own buckets). The response time's median, 95th and 99th percentile are worked
// out from the calls shown (the reports themselves carry no percentiles). The calls are read a
// page of kPageSize at a time, newest first (core::RequestReportPaging): while there are more,
// a note says how many of the period's calls are listed, and "Load more" or scrolling to the end
// of the list reads the next page; loadAll() reads every page that is left.
class RequestLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogView)

public:
    static constexpr int kPageSize = 1000;
    enum class Outcome { All, Success, Blocked, Failed, Other };
    Q_ENUM(Outcome)

    explicit RequestLogView(PublisherController *controller, QWidget *parent = nullptr);
    ~RequestLogView() override;

    // Reads the calls that match `filter` (the reports' $filter). `apiNames` and
    // `subscriptionNames` (id → display name) name the rows. Before setKeyQueryNames() the read
    // waits for the names (isLoading(); the note says why).
    void load(const QString &filter, const QHash<QString, QString> &apiNames,
              const QHash<QString, QString> &subscriptionNames);
    // Reads the next page, when there is one and nothing is being read.
    void loadMore();
    // Reads page after page until every call of the period is listed (loaded() once at the end,
    // at once when nothing is left to read; isComplete() says whether every call is listed).
    void loadAll();
    // True while calls of the period are still unread.
    bool hasMore() const;
    // True when every call of the period is listed: the last read ended without a failure and
    // nothing is left to read.
    bool isComplete() const;
    // The APIs' own subscription-key query parameter names: masked in the URLs shown and
    // exported, besides subscription-key, sig and the other secret names redactUrl() knows.
    // No call is listed (nor exported) before they are set: a load waits for them.
    void setKeyQueryNames(const QStringList &names);
    // Why the key query parameter names could not be read (the server's message), or empty
    // while they are read again. With a problem, a load that waits for them ends at once
    // (loaded(), nothing listed, isLoading() false; loadAll() too) and the note says that the
    // calls are neither listed nor exported until the names are read.
    void setKeyQueryNamesProblem(const QString &problem);
    // True while a load waits for the key query parameter names: nothing is listed.
    bool waitsForKeyQueryNames() const { return m_held; }
    // True while a read is under way or waits for key query parameter names still being read.
    bool isLoading() const { return m_loading || (m_held && m_keyQueryNamesProblem.isEmpty()); }
    void setOutcome(Outcome outcome);
    // The most pages one read of the period takes (core::PagingGuard::kMaxPages; tests stop
    // sooner). Applies from the next load().
    void setMaxPages(int pages) { m_maxPages = std::max(1, pages); }
    // The calls as shown: order and outcome choice applied.
    const QAbstractItemModel *shownModel() const;
    // The outcome bucket of a status code, as the reports count it.
    static Outcome outcomeOf(int status);
    // The nearest-rank percentile (`fraction` 0.5 for the median) of `values`; 0 when empty.
    static double percentile(QList<double> values, double fraction);

Q_SIGNALS:
    // A read ended: the first page, "Load more", loadAll() or a failure (said in the banner).
    void loaded();

private:
    void start();
    void readNext();
    void fetch(core::ArmRequest request);
    void appendRows(const QList<QJsonObject> &rows);
    void showPercentiles();
    void showProgress();

    QPointer<PublisherController> m_controller;
    BannerWidget *m_banner = nullptr;
    QComboBox *m_outcome = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_more = nullptr;
    QLabel *m_percentiles = nullptr; // of the calls shown: the reports carry no percentiles
    QStandardItemModel *m_rows = nullptr;
    QSortFilterProxyModel *m_shown = nullptr;
    QTableView *m_table = nullptr;
    QHash<QString, QString> m_apiNames;
    QHash<QString, QString> m_subscriptionNames;
    std::optional<QStringList> m_keyQueryNames; // unset: not known yet
    bool m_held = false; // a load waits for m_keyQueryNames
    QString m_keyQueryNamesProblem; // why they could not be read; empty while they are read
    QString m_filter;
    std::unique_ptr<core::RequestReportPaging> m_paging;
    int m_maxPages = core::PagingGuard::kMaxPages;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_readAll = false;
    bool m_failed = false; // the last read failed (said in the banner)
};

} // namespace portico::ui
