// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/usagedashboard.h"

#include "core/arm/armrequest.h"
#include "core/common/atomicfile.h"
#include "ui/common/bannerwidget.h"
#include "ui/common/forbiddentext.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/requestlogview.h"
#include "ui/publisher/usagechart.h"
#include "ui/publisher/usagecsv.h"
#include "ui/publisher/usagefilterbox.h"
#include "ui/publisher/usagetimeline.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace portico::ui {

namespace {

constexpr int kSortRole = Qt::UserRole + 1;

QString reportPath(UsageDashboard::GroupBy groupBy)
{
    switch (groupBy) {
    case UsageDashboard::GroupBy::Api: return u"/reports/byApi"_qs;
    case UsageDashboard::GroupBy::Operation: return u"/reports/byOperation"_qs;
    case UsageDashboard::GroupBy::Product: return u"/reports/byProduct"_qs;
    case UsageDashboard::GroupBy::Subscription: return u"/reports/bySubscription"_qs;
    case UsageDashboard::GroupBy::User: return u"/reports/byUser"_qs;
    }
    return {};
}

QList<core::ReportRecord> parseRecords(const QList<QJsonObject> &items, core::Error *problem)
{
    QList<core::ReportRecord> records;
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto record = core::ReportRecord::fromJson(items.at(i), u"value[%1]"_qs.arg(i));
        if (!record) {
            *problem = record.error();
            return {};
        }
        records.append(std::move(record).value());
    }
    return records;
}

UsageFilterBox::Choices choicesOf(const QList<QJsonObject> &items)
{
    UsageFilterBox::Choices choices;
    for (const QJsonObject &item : items) {
        choices.append({ item.value(u"name"_qs).toString(),
                         item.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString() });
    }
    return choices;
}

QStandardItem *numberItem(qint64 value)
{
    auto *item = new QStandardItem(QLocale().toString(value));
    item->setData(value, kSortRole);
    item->setData(value, usagecsv::ExportRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

UsageDashboard::UsageDashboard(PublisherController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"usageDashboard"_qs);
    m_banner = new BannerWidget(this);
    m_banner->setObjectName(u"usageBannerWidget"_qs);
    connect(m_banner, &BannerWidget::retryRequested, this, &UsageDashboard::refresh);

    auto *title = new QLabel(tr("<b>Usage</b>"), this);
    m_period = new QComboBox(this);
    m_period->setObjectName(u"usagePeriodComboBox"_qs);
    m_period->addItem(tr("Last hour"), QVariant::fromValue(Period::LastHour));
    m_period->addItem(tr("Last 24 hours"), QVariant::fromValue(Period::LastDay));
    m_period->addItem(tr("Last 7 days"), QVariant::fromValue(Period::LastWeek));
    m_period->addItem(tr("Last 30 days"), QVariant::fromValue(Period::LastMonth));
    m_period->addItem(tr("Custom range…"), QVariant::fromValue(Period::Custom));
    m_period->setCurrentIndex(1);
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    m_export = new QPushButton(tr("E&xport…"), this);
    m_export->setObjectName(u"usageExportPushButton"_qs);
    m_export->setToolTip(tr("Save the table below (the summary or the calls one by one) as a CSV file"));
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(u"usageRefreshPushButton"_qs);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_updated = new QLabel(this);
    m_updated->setObjectName(u"usageUpdatedLabel"_qs);
    m_filter = new UsageFilterBox(this);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_updated);
    header->addWidget(m_filter);
    header->addWidget(periodLabel);
    header->addWidget(m_period);
    header->addWidget(m_export);
    header->addWidget(m_refresh);

    auto tile = [this](const QString &objectName) {
        auto *value = new QLabel(u"–"_qs, this);
        value->setObjectName(objectName);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        value->setFont(big);
        return value;
    };
    m_total = tile(u"usageTotalLabel"_qs);
    m_success = tile(u"usageSuccessLabel"_qs);
    m_blocked = tile(u"usageBlockedLabel"_qs);
    m_failed = tile(u"usageFailedLabel"_qs);
    m_other = tile(u"usageOtherLabel"_qs);
    m_responseTime = tile(u"usageResponseTimeLabel"_qs);
    m_responseRange = tile(u"usageResponseRangeLabel"_qs);
    m_backendTime = tile(u"usageBackendTimeLabel"_qs);
    m_bandwidth = tile(u"usageBandwidthLabel"_qs);
    auto *tiles = new QGridLayout;
    const QList<QPair<QString, QLabel *>> tileList {
        { tr("Calls"), m_total }, { tr("Successful"), m_success }, { tr("Blocked"), m_blocked },
        { tr("Failed"), m_failed }, { tr("Other"), m_other }, { tr("Average response time"), m_responseTime },
        { tr("Fastest – slowest response"), m_responseRange }, { tr("Average backend time"), m_backendTime },
        { tr("Data transferred"), m_bandwidth },
    };
    for (int i = 0; i < tileList.size(); ++i) {
        tiles->addWidget(tileList.at(i).second, 0, i);
        tiles->addWidget(new QLabel(tileList.at(i).first, this), 1, i);
    }
    m_blocked->setToolTip(tr("Refused by the gateway: 401, 403 and 429 (keys, IP filter, rate limits, quotas)"));
    m_failed->setToolTip(tr("400 and 5xx responses"));
    m_success->setToolTip(tr("Responses up to 301, and 304 and 307"));
    const QString backendTip = tr("The time the backend took to answer; the rest of the response time is "
                                   "spent in the gateway (policies, limits, forwarding)");
    m_backendTime->setToolTip(backendTip);
    m_responseTime->setToolTip(tr("From the request reaching the gateway to the response leaving it"));

    m_chart = new UsageChart(this);

    m_groupBy = new QComboBox(this);
    m_groupBy->setObjectName(u"usageGroupByComboBox"_qs);
    m_groupBy->addItem(tr("API"), QVariant::fromValue(GroupBy::Api));
    m_groupBy->addItem(tr("Operation"), QVariant::fromValue(GroupBy::Operation));
    m_groupBy->addItem(tr("Product"), QVariant::fromValue(GroupBy::Product));
    m_groupBy->addItem(tr("Subscription"), QVariant::fromValue(GroupBy::Subscription));
    m_groupBy->addItem(tr("User"), QVariant::fromValue(GroupBy::User));
    auto *groupLabel = new QLabel(tr("&Group by:"), this);
    groupLabel->setBuddy(m_groupBy);
    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(groupLabel);
    groupRow->addWidget(m_groupBy);
    groupRow->addStretch(1);

    m_groups = new QStandardItemModel(this);
    m_groups->setHorizontalHeaderLabels({ tr("Name"), tr("Calls"), tr("Successful"), tr("Blocked"), tr("Failed"),
                                          tr("Other"), tr("Average response time"), tr("Fastest"), tr("Slowest"),
                                          tr("Average backend time"), tr("Data transferred") });
    m_groups->horizontalHeaderItem(9)->setToolTip(backendTip);
    // Exported without their units, so the header carries them.
    const QList<QPair<int, QString>> units { { 6, tr("Average response time (ms)") }, { 7, tr("Fastest (ms)") },
                                             { 8, tr("Slowest (ms)") }, { 9, tr("Average backend time (ms)") },
                                             { 10, tr("Data transferred (bytes)") } };
    for (const auto &[column, header] : units)
        m_groups->setHeaderData(column, Qt::Horizontal, header, usagecsv::ExportRole);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_groups);
    m_sorted->setSortRole(kSortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(u"usageTableView"_qs);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(1, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    // No calls in the period: say so instead of an empty chart and a blank table.
    m_empty = new QLabel(this);
    m_empty->setObjectName(u"usageEmptyLabel"_qs);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
    // Below the chart: the figures grouped, or the calls one by one.
    auto *summary = new QWidget(this);
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addLayout(groupRow);
    summaryLayout->addWidget(m_table, 1);
    m_log = new RequestLogView(m_controller, this);
    m_views = new QTabWidget(this);
    m_views->setObjectName(u"usageTabWidget"_qs);
    m_views->addTab(summary, tr("&Summary"));
    m_views->addTab(m_log, tr("C&alls one by one"));
    m_details = new QWidget(this);
    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addWidget(m_chart, 2);
    details->addWidget(m_views, 2);

    // A custom range, in local time: from the start of the hour a day ago to the next hour.
    const QDateTime hour = QDateTime(QDate::currentDate(), QTime(QTime::currentTime().hour(), 0));
    m_customFrom = new QDateTimeEdit(hour.addDays(-1), this);
    m_customFrom->setObjectName(u"usageFromDateTimeEdit"_qs);
    m_customTo = new QDateTimeEdit(hour.addSecs(3600), this);
    m_customTo->setObjectName(u"usageToDateTimeEdit"_qs);
    for (QDateTimeEdit *edit : { m_customFrom, m_customTo }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_qs);
    }
    auto *fromLabel = new QLabel(tr("Fro&m:"), this);
    fromLabel->setBuddy(m_customFrom);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_customTo);
    m_rangeProblem = new QLabel(this);
    m_rangeProblem->setObjectName(u"usageRangeProblemLabel"_qs);
    QPalette problem = m_rangeProblem->palette();
    problem.setColor(QPalette::WindowText, QColor(0xb0, 0x10, 0x10));
    m_rangeProblem->setPalette(problem);
    m_customRange = new QWidget(this);
    auto *rangeRow = new QHBoxLayout(m_customRange);
    rangeRow->setContentsMargins(0, 0, 0, 0);
    rangeRow->addStretch(1);
    rangeRow->addWidget(m_rangeProblem);
    rangeRow->addWidget(fromLabel);
    rangeRow->addWidget(m_customFrom);
    rangeRow->addWidget(toLabel);
    rangeRow->addWidget(m_customTo);
    m_customRange->hide();
    m_rangeSettle = new QTimer(this);
    m_rangeSettle->setSingleShot(true);
    m_rangeSettle->setInterval(500);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_customRange);
    layout->addWidget(m_banner);
    layout->addLayout(tiles);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_details, 1);

    connect(m_refresh, &QPushButton::clicked, this, &UsageDashboard::refresh);
    connect(m_export, &QPushButton::clicked, this, &UsageDashboard::exportCsv);
    // A choice reads the reports; the names stay.
    const auto choose = [this] { read(false); };
    connect(m_period, &QComboBox::currentIndexChanged, this, [this, choose] {
        m_customRange->setVisible(m_period->currentData().value<Period>() == Period::Custom);
        choose();
    });
    connect(m_customFrom, &QDateTimeEdit::dateTimeChanged, m_rangeSettle, qOverload<>(&QTimer::start));
    connect(m_customTo, &QDateTimeEdit::dateTimeChanged, m_rangeSettle, qOverload<>(&QTimer::start));
    connect(m_rangeSettle, &QTimer::timeout, this, choose);
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, choose);
    connect(m_filter, &UsageFilterBox::changed, this, choose);
    connect(m_views, &QTabWidget::currentChanged, this, [this] {
        if (m_views->currentWidget() == m_log && m_logStale && !isLoading())
            loadLog();
    });
}

UsageDashboard::~UsageDashboard() = default;

void UsageDashboard::setPeriod(Period period)
{
    m_period->setCurrentIndex(m_period->findData(QVariant::fromValue(period)));
}

void UsageDashboard::setGroupBy(GroupBy groupBy)
{
    m_groupBy->setCurrentIndex(m_groupBy->findData(QVariant::fromValue(groupBy)));
}

void UsageDashboard::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    {
        const QSignalBlocker fromBlocker(m_customFrom);
        const QSignalBlocker toBlocker(m_customTo);
        m_customFrom->setDateTime(from.toLocalTime());
        m_customTo->setDateTime(to.toLocalTime());
    }
    if (m_period->currentData().value<Period>() == Period::Custom)
        read(false);
    else
        setPeriod(Period::Custom);
}

qint64 UsageDashboard::stepSecondsForSpan(qint64 seconds)
{
    if (seconds <= 3 * 3600)
        return 15 * 60;
    if (seconds <= 3 * 86400)
        return 3600;
    if (seconds <= 21 * 86400)
        return 6 * 3600;
    return 86400;
}

qint64 UsageDashboard::intervalSecondsOf(Period period)
{
    switch (period) {
    case Period::LastHour: return 15 * 60;
    case Period::LastDay: return 3600;
    case Period::LastWeek: return 6 * 3600;
    case Period::LastMonth: return 86400;
    case Period::Custom: break; // stepSecondsForSpan()
    }
    return 3600;
}

qint64 UsageDashboard::spanSecondsOf(Period period)
{
    switch (period) {
    case Period::LastHour: return 3600;
    case Period::LastDay: return 86400;
    case Period::LastWeek: return 7 * 86400;
    case Period::LastMonth: return 30 * 86400;
    case Period::Custom: break; // the range chosen
    }
    return 86400;
}

void UsageDashboard::refresh()
{
    read(true);
}

void UsageDashboard::read(bool names)
{
    if (!m_controller)
        return;
    const auto period = m_period->currentData().value<Period>();
    const auto groupBy = m_groupBy->currentData().value<GroupBy>();
    qint64 intervalSeconds = 0;
    if (period == Period::Custom) {
        const QDateTime from = m_customFrom->dateTime().toUTC();
        const QDateTime to = m_customTo->dateTime().toUTC();
        if (from >= to) {
            // Said next to the range; the figures shown stay those of the last range read.
            m_rangeProblem->setText(tr("The range must start before it ends."));
            return;
        }
        m_rangeProblem->clear();
        m_from = from;
        m_to = to;
        intervalSeconds = stepSecondsForSpan(from.secsTo(to));
    } else {
        // To the end of the current minute: the filter has whole seconds, and calls made in
        // this very second must count.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        m_to = QDateTime::fromSecsSinceEpoch((now / 60 + 1) * 60, Qt::UTC);
        m_from = QDateTime::fromSecsSinceEpoch(now - spanSecondsOf(period), Qt::UTC);
        intervalSeconds = intervalSecondsOf(period);
    }
    QString filter = core::ReportRecord::timestampFilter(m_from, m_to);
    if (m_filter->isFiltered())
        filter += u" and "_qs + m_filter->clause();
    m_reportFilter = filter;
    m_logStale = true;
    const quint64 generation = ++m_generation;
    m_pending = 2;
    m_failedThisRound = false;
    m_groupsArrived = false;
    m_refresh->setEnabled(false);

    // Steps in local time (usagetimeline.h): the report is asked for in hours or quarter hours
    // and summed into the period's steps here.
    const QString interval = usagetimeline::reportInterval(intervalSeconds, m_from, m_to);
    m_controller->listResources(core::ArmRequest::get(u"/reports/byTime"_qs)
                                    .withQuery(u"$filter"_qs, filter)
                                    .withQuery(u"interval"_qs, interval),
                                this, [this, generation, intervalSeconds](const core::Result<QList<QJsonObject>> &r) {
                                    if (generation != m_generation)
                                        return;
                                    core::Error problem;
                                    const QList<core::ReportRecord> buckets =
                                        r ? parseRecords(r.value(), &problem) : QList<core::ReportRecord>();
                                    if (!r || problem.kind != core::Error::Kind::None) {
                                        fail(r ? problem : r.error());
                                    } else {
                                        showTotals(buckets);
                                        m_chart->setSteps(usagetimeline::localSteps(buckets, m_from, m_to,
                                                                                    intervalSeconds),
                                                          intervalSeconds);
                                    }
                                    finishReport();
                                });
    m_controller->listResources(core::ArmRequest::get(reportPath(groupBy)).withQuery(u"$filter"_qs, filter), this,
                                [this, generation](const core::Result<QList<QJsonObject>> &r) {
                                    if (generation != m_generation)
                                        return;
                                    core::Error problem;
                                    const QList<core::ReportRecord> records =
                                        r ? parseRecords(r.value(), &problem) : QList<core::ReportRecord>();
                                    if (!r || problem.kind != core::Error::Kind::None) {
                                        fail(r ? problem : r.error());
                                    } else {
                                        m_groupRecords = records;
                                        m_groupsArrived = true;
                                    }
                                    finishReport();
                                });
    // The names: on Refresh, and on a choice until they could be read. A round of names under
    // way stays (its own generation): the table and the calls wait for it.
    if (names || (!m_namesKnown && m_namesPending == 0))
        readNames();
}

void UsageDashboard::readNames()
{
    const quint64 generation = ++m_namesGeneration;
    m_namesPending = 3;
    m_log->setKeyQueryNamesProblem({}); // read again: a load waits for them
    // The APIs' display names: every AzureML API has the same operation names, so an operation
    // row says which API it belongs to. Without them, the API's id stands in. Their key query
    // parameter names mask keys in the calls' URLs: the calls are not listed without them.
    m_controller->listResources(u"/apis"_qs, this, [this, generation](const core::Result<QList<QJsonObject>> &r) {
        if (generation != m_namesGeneration)
            return;
        if (r.ok()) {
            m_apiNames.clear();
            QStringList keyQueryNames;
            for (const QJsonObject &api : r.value()) {
                const QJsonObject properties = api.value(u"properties"_qs).toObject();
                m_apiNames.insert(api.value(u"name"_qs).toString(), properties.value(u"displayName"_qs).toString());
                const QString keyQuery = properties.value(u"subscriptionKeyParameterNames"_qs)
                                             .toObject().value(u"query"_qs).toString();
                if (!keyQuery.isEmpty() && !keyQueryNames.contains(keyQuery))
                    keyQueryNames.append(keyQuery);
            }
            m_namesKnown = true;
            m_log->setKeyQueryNames(keyQueryNames);
            m_filter->setChoices(UsageFilterBox::Kind::Api, choicesOf(r.value()));
        } else if (!m_namesKnown) {
            // Said once, by the calls one by one: they are what waits for the APIs.
            m_log->setKeyQueryNamesProblem(r.error().message);
        }
        finishNames();
    });
    // What the filter offers. A list that cannot be read keeps its last choices.
    const QList<QPair<UsageFilterBox::Kind, QString>> lists { { UsageFilterBox::Kind::Product, u"/products"_qs },
                                                              { UsageFilterBox::Kind::Subscription, u"/subscriptions"_qs } };
    for (const auto &[kind, path] : lists) {
        m_controller->listResources(path, this, [this, generation, kind = kind](const core::Result<QList<QJsonObject>> &r) {
            if (generation != m_namesGeneration)
                return;
            if (r.ok()) {
                const UsageFilterBox::Choices choices = choicesOf(r.value());
                if (kind == UsageFilterBox::Kind::Subscription) {
                    m_subscriptionNames.clear();
                    for (const auto &[id, name] : choices)
                        m_subscriptionNames.insert(id, name.isEmpty() ? id : name);
                }
                m_filter->setChoices(kind, choices);
            }
            finishNames();
        });
    }
}

void UsageDashboard::finishReport()
{
    if (--m_pending == 0 && m_namesPending == 0)
        finishRound();
}

void UsageDashboard::finishNames()
{
    if (--m_namesPending == 0 && m_pending == 0)
        finishRound();
}

void UsageDashboard::finishRound()
{
    if (m_groupsArrived)
        showGroups(m_groupRecords);
    if (m_views->currentWidget() == m_log)
        loadLog();
    m_refresh->setEnabled(true);
    if (!m_failedThisRound) {
        m_banner->clear();
        m_updated->setText(tr("Updated %1").arg(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat)));
    }
    Q_EMIT loaded();
}

void UsageDashboard::fail(const core::Error &error)
{
    m_failedThisRound = true;
    if (error.kind != core::Error::Kind::Forbidden) {
        m_banner->showMessage(BannerWidget::Kind::Error,
                              tr("The usage reports could not be read: %1. The figures shown are "
                                 "from the last successful refresh.")
                                  .arg(error.message),
                              true);
        return;
    }
    const QString service = m_controller ? m_controller->serviceId().section(u'/', -1) : QString();
    const QString whatFailed = tr("The usage reports could not be read: the signed-in account does "
                                  "not have permission to read the reports of the service “%1” (%2).")
                                   .arg(service, error.message);
    //: %1 is what failed and the advice to ask for a role (whole sentences).
    const QString text = tr("%1 The figures shown are from the last successful refresh.")
                             .arg(ForbiddenText::withAdvice(whatFailed));
    m_banner->showMessage(BannerWidget::Kind::Error, text, true);
}

void UsageDashboard::showTotals(const QList<core::ReportRecord> &buckets)
{
    core::ReportRecord sum;
    for (const core::ReportRecord &b : buckets)
        usagetimeline::accumulate(sum, b);
    const QLocale locale;
    m_total->setText(locale.toString(sum.callCountTotal));
    m_success->setText(locale.toString(sum.callCountSuccess));
    m_blocked->setText(locale.toString(sum.callCountBlocked));
    m_failed->setText(locale.toString(sum.callCountFailed));
    m_other->setText(locale.toString(sum.callCountOther));
    const bool calls = sum.callCountTotal > 0;
    m_responseTime->setText(calls ? milliseconds(sum.apiTimeAvg) : u"–"_qs);
    m_responseRange->setText(calls ? tr("%1 – %2 ms", "fastest – slowest")
                                         .arg(locale.toString(sum.apiTimeMin, 'f', 1),
                                              locale.toString(sum.apiTimeMax, 'f', 1))
                                   : u"–"_qs);
    m_backendTime->setText(calls ? milliseconds(sum.serviceTimeAvg) : u"–"_qs);
    m_bandwidth->setText(locale.formattedDataSize(sum.bandwidth));
    m_empty->setText(m_filter->isFiltered()
                         ? tr("No calls of this choice reached the gateway in this period.")
                         : tr("No calls reached the gateway of this service in this period. Calls made "
                              "with Try It, or by any client with a subscription key, show up here."));
    m_empty->setVisible(!calls);
    m_details->setVisible(calls);
}

void UsageDashboard::exportCsv()
{
    const bool calls = m_views->currentWidget() == m_log;
    auto *dialog = new QFileDialog(this, tr("Export as CSV"),
                                   calls ? tr("calls.csv") : tr("usage.csv"), tr("CSV files (*.csv);;All files (*)"));
    dialog->setObjectName(u"usageExportFileDialog"_qs);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_qs);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, calls](const QString &path) {
        if (!calls || m_log->isComplete()) {
            writeCsv(path, calls);
            return;
        }
        // Every call of the period goes into the file, not only the pages listed so far.
        m_banner->showMessage(BannerWidget::Kind::Information,
                              tr("Reading every call of the period for the export to %1…").arg(path));
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(m_log, &RequestLogView::loaded, this, [this, path, connection] {
            if (m_log->isLoading())
                return;
            disconnect(*connection);
            if (m_log->waitsForKeyQueryNames()) {
                m_banner->showMessage(BannerWidget::Kind::Error,
                                      tr("Could not export to %1: the APIs could not be read, and "
                                         "without them keys in the calls' URLs could not be hidden. "
                                         "Refresh, then export again.")
                                          .arg(path),
                                      true);
                return;
            }
            if (!m_log->isComplete()) {
                m_banner->showMessage(BannerWidget::Kind::Error,
                                      tr("Could not export to %1: not every call of the period could be read.")
                                          .arg(path));
                return;
            }
            writeCsv(path, true);
        });
        m_log->loadAll();
    });
    dialog->open();
}

void UsageDashboard::writeCsv(const QString &path, bool calls)
{
    const QAbstractItemModel &model = calls ? *m_log->shownModel() : *m_sorted;
    const auto written = core::writeFileAtomically(
        path, usagecsv::toCsv(model),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (written.ok()) {
        m_banner->showMessage(BannerWidget::Kind::Information,
                              tr("Exported %n row(s) to %1.", nullptr, model.rowCount()).arg(path));
    } else {
        m_banner->showMessage(BannerWidget::Kind::Error,
                              tr("Could not export to %1: %2").arg(path, written.error().message));
    }
}

void UsageDashboard::loadLog()
{
    m_logStale = false;
    m_log->load(m_reportFilter, m_apiNames, m_subscriptionNames);
}

QString UsageDashboard::milliseconds(double ms)
{
    return tr("%1 ms").arg(QLocale().toString(ms, 'f', 1));
}

void UsageDashboard::showGroups(const QList<core::ReportRecord> &records)
{
    m_groups->removeRows(0, m_groups->rowCount());
    const auto groupBy = m_groupBy->currentData().value<GroupBy>();
    const QLocale locale;
    for (const core::ReportRecord &r : records) {
        QString name = r.name;
        if (name.isEmpty()) {
            for (const QString &id : { r.operationId, r.apiId, r.productId, r.subscriptionId, r.userId }) {
                if (!id.isEmpty()) {
                    name = id.section(u'/', -1);
                    break;
                }
            }
        }
        if (groupBy == GroupBy::Operation && !r.apiId.isEmpty()) {
            const QString apiId = r.apiId.section(u'/', -1);
            const QString api = m_apiNames.value(apiId);
            name = tr("%1 › %2", "API › operation").arg(api.isEmpty() ? apiId : api, name);
        }
        auto *nameItem = new QStandardItem(name);
        nameItem->setData(name.toLower(), kSortRole);
        const auto time = [](double ms) {
            auto *item = new QStandardItem(milliseconds(ms));
            item->setData(ms, kSortRole);
            item->setData(ms, usagecsv::ExportRole);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        auto *data = new QStandardItem(locale.formattedDataSize(r.bandwidth));
        data->setData(r.bandwidth, kSortRole);
        data->setData(r.bandwidth, usagecsv::ExportRole);
        data->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_groups->appendRow({ nameItem, numberItem(r.callCountTotal), numberItem(r.callCountSuccess),
                              numberItem(r.callCountBlocked), numberItem(r.callCountFailed),
                              numberItem(r.callCountOther), time(r.apiTimeAvg), time(r.apiTimeMin),
                              time(r.apiTimeMax), time(r.serviceTimeAvg), data });
    }
}

} // namespace portico::ui
