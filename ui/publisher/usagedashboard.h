// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/model/reportrecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace portico::ui {

class BannerWidget;
class PublisherController;
class RequestLogView;
class UsageChart;
class UsageFilterBox;

// The service's usage, read from API Management's reports (`reports/byTime` and
// `reports/byApi|byOperation|byProduct|bySubscription|byUser`) for a chosen period (the last
// hour, day, week or month, or a custom range in local time): the calls
// in total and by outcome (successful, blocked, failed, other), the response time (average,
// fastest and slowest, and the backend's share: the reports carry no percentiles) and the data
// transferred; a chart of the calls over time (empty intervals drawn as zero); and a
// sortable table grouped by API, operation ("API › operation": AzureML APIs share operation
// names), product, subscription or user; all of it for every call or for one API, product or
// subscription (UsageFilterBox); and the calls one by one (RequestLogView). The names of the
// APIs, products and subscriptions (and the APIs' key query parameter names, which the calls'
// URLs are masked with) are read on Refresh, not on every choice; the table and the calls wait
// for them. When the APIs cannot be read, the calls say so instead of waiting, and a calls
// export is refused, until Refresh (or a choice) reads them. Refresh reads again;
// a failed read keeps the last figures and says why above them, with Retry. A period without
// calls says so in place of the chart and the table. Export saves the table shown (summary or
// calls) as CSV, numbers without their units; the calls export holds every call of the period
// (with the outcome choice applied), reading the pages not yet listed first.
class UsageDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageDashboard)

public:
    enum class Period { LastHour, LastDay, LastWeek, LastMonth, Custom };
    Q_ENUM(Period)
    enum class GroupBy { Api, Operation, Product, Subscription, User };
    Q_ENUM(GroupBy)

    explicit UsageDashboard(PublisherController *controller, QWidget *parent = nullptr);
    ~UsageDashboard() override;

    void setPeriod(Period period);
    // Picks Period::Custom from `from` to `to` (shown and edited in local time).
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    void setGroupBy(GroupBy groupBy);
    UsageFilterBox *filter() const { return m_filter; }
    // The "Calls one by one" tab: read when it is shown, and on each refresh while it is.
    RequestLogView *requestLog() const { return m_log; }
    // Reads the reports again for the period, ending now, and the names of the APIs, products
    // and subscriptions. A period, group or filter choice reads the two reports only (and the
    // names when they could not be read yet).
    void refresh();
    bool isLoading() const { return m_pending > 0 || m_namesPending > 0; }

    // The chart's step and the span for a period: an hour in 15-minute steps, a day in hours, a
    // week in 6 hours, a month in days; steps begin on the user's local clock (usagetimeline.h).
    static qint64 intervalSecondsOf(Period period);
    static qint64 spanSecondsOf(Period period);
    // The chart's step for a custom range of `seconds`: quarter hours up to 3 hours, hours up
    // to 3 days, 6-hour blocks up to 3 weeks, days beyond.
    static qint64 stepSecondsForSpan(qint64 seconds);

Q_SIGNALS:
    // A refresh or a choice finished (the reports and the names answered, or a report failed).
    void loaded();

private:
    void showTotals(const QList<core::ReportRecord> &buckets);
    void showGroups(const QList<core::ReportRecord> &records);
    void read(bool names);
    void readNames();
    void fail(const core::Error &error);
    void finishReport();
    void finishNames();
    void finishRound();
    void loadLog();
    void exportCsv();
    void writeCsv(const QString &path, bool calls);
    static QString milliseconds(double ms);

    QPointer<PublisherController> m_controller;
    BannerWidget *m_banner = nullptr;
    QComboBox *m_period = nullptr;
    QWidget *m_customRange = nullptr; // from/to, shown for Period::Custom
    QDateTimeEdit *m_customFrom = nullptr;
    QDateTimeEdit *m_customTo = nullptr;
    QLabel *m_rangeProblem = nullptr;
    QTimer *m_rangeSettle = nullptr; // reads once the user stops changing the range
    UsageFilterBox *m_filter = nullptr;
    QComboBox *m_groupBy = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_updated = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_success = nullptr;
    QLabel *m_blocked = nullptr;
    QLabel *m_failed = nullptr;
    QLabel *m_other = nullptr;
    QLabel *m_responseTime = nullptr;
    QLabel *m_responseRange = nullptr; // fastest – slowest
    QLabel *m_backendTime = nullptr;
    QLabel *m_bandwidth = nullptr;
    QLabel *m_empty = nullptr;     // shown instead of m_details when the period has no calls
    QWidget *m_details = nullptr;  // chart and table
    UsageChart *m_chart = nullptr;
    QStandardItemModel *m_groups = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_table = nullptr;
    QDateTime m_from;
    QDateTime m_to;
    QList<core::ReportRecord> m_groupRecords; // the table's report, shown once the API names are in
    QHash<QString, QString> m_apiNames;       // API id → display name
    QHash<QString, QString> m_subscriptionNames;
    QTabWidget *m_views = nullptr; // summary table, calls one by one
    RequestLogView *m_log = nullptr;
    QString m_reportFilter; // the last refresh's $filter
    bool m_logStale = true;
    bool m_groupsArrived = false;
    quint64 m_generation = 0; // of the reports; a newer choice drops the older replies
    int m_pending = 0;        // reports of m_generation not answered yet
    bool m_failedThisRound = false;
    // The names have their own generation: a choice keeps a round of names under way.
    quint64 m_namesGeneration = 0;
    int m_namesPending = 0;
    bool m_namesKnown = false;  // /apis was read: the key query parameter names are set
};

} // namespace portico::ui
