// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/requestlogview.h"

#include "core/arm/armrequest.h"
#include "core/arm/pagingguard.h"
#include "core/model/requestreportpaging.h"
#include "core/tryit/secretredaction.h"
#include "ui/common/bannerwidget.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/usagecsv.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace portico::ui {

namespace {

constexpr int kSortRole = Qt::UserRole + 1;
constexpr int kOutcomeRole = Qt::UserRole + 2;

enum Column { Time, Operation, Method, Status, ResponseTime, BackendTime, Subscription, Size, Url, Caller, Count };

QStandardItem *item(const QString &text, const QVariant &sortKey, bool number = false)
{
    auto *it = new QStandardItem(text);
    it->setData(sortKey, kSortRole);
    if (number)
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}

} // namespace

RequestLogView::RequestLogView(PublisherController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"requestLogView"_qs);
    m_banner = new BannerWidget(this);
    m_banner->setObjectName(u"requestLogBannerWidget"_qs);
    connect(m_banner, &BannerWidget::retryRequested, this, [this] {
        // A later page that failed is read again; a failed first page starts over.
        if (hasMore())
            loadMore();
        else
            load(m_filter, m_apiNames, m_subscriptionNames);
    });

    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(u"requestOutcomeComboBox"_qs);
    m_outcome->addItem(tr("All calls"), QVariant::fromValue(Outcome::All));
    m_outcome->addItem(tr("Successful"), QVariant::fromValue(Outcome::Success));
    m_outcome->addItem(tr("Blocked (401, 403, 429)"), QVariant::fromValue(Outcome::Blocked));
    m_outcome->addItem(tr("Failed (400, 5xx)"), QVariant::fromValue(Outcome::Failed));
    m_outcome->addItem(tr("Other"), QVariant::fromValue(Outcome::Other));
    auto *outcomeLabel = new QLabel(tr("Sho&w:"), this);
    outcomeLabel->setBuddy(m_outcome);
    m_note = new QLabel(this);
    m_note->setObjectName(u"requestLogNoteLabel"_qs);
    m_note->setWordWrap(true);
    m_more = new QPushButton(tr("Load &more"), this);
    m_more->setObjectName(u"requestLogLoadMorePushButton"_qs);
    m_more->setToolTip(tr("Read the next calls of the period; scrolling to the end of the list reads them too"));
    m_more->hide();
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_more);
    m_note->hide();
    m_percentiles = new QLabel(this);
    m_percentiles->setObjectName(u"requestLogPercentilesLabel"_qs);
    m_percentiles->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->addWidget(outcomeLabel);
    row->addWidget(m_outcome);
    row->addWidget(m_percentiles, 1);

    m_rows = new QStandardItemModel(0, Count, this);
    m_rows->setHorizontalHeaderLabels({ tr("Time"), tr("Operation"), tr("Method"), tr("Status"),
                                        tr("Response time"), tr("Backend time"), tr("Subscription"),
                                        tr("Response size"), tr("URL"), tr("Caller") });
    const QList<QPair<int, QString>> units { { Time, tr("Time (UTC)") }, { ResponseTime, tr("Response time (ms)") },
                                             { BackendTime, tr("Backend time (ms)") },
                                             { Size, tr("Response size (bytes)") } };
    for (const auto &[column, header] : units)
        m_rows->setHeaderData(column, Qt::Horizontal, header, usagecsv::ExportRole);
    m_shown = new QSortFilterProxyModel(this);
    m_shown->setSourceModel(m_rows);
    m_shown->setSortRole(kSortRole);
    m_shown->setFilterRole(kOutcomeRole);
    m_shown->setFilterKeyColumn(Status);
    m_table = new QTableView(this);
    m_table->setObjectName(u"requestLogTableView"_qs);
    m_table->setModel(m_shown);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(Time, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Url, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(row);
    layout->addLayout(noteRow);
    layout->addWidget(m_table, 1);

    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        const auto outcome = m_outcome->currentData().value<Outcome>();
        m_shown->setFilterFixedString(outcome == Outcome::All ? QString() : QString::number(int(outcome)));
        showPercentiles();
    });
    connect(m_more, &QPushButton::clicked, this, &RequestLogView::loadMore);
    // Scrolled to the end of the list: the next page follows.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value > 0 && value == m_table->verticalScrollBar()->maximum())
            loadMore();
    });
}

RequestLogView::~RequestLogView() = default;

const QAbstractItemModel *RequestLogView::shownModel() const
{
    return m_shown;
}

void RequestLogView::setOutcome(Outcome outcome)
{
    m_outcome->setCurrentIndex(m_outcome->findData(QVariant::fromValue(outcome)));
}

double RequestLogView::percentile(QList<double> values, double fraction)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least `fraction` of the values at or below it.
    const auto rank = qsizetype(std::ceil(fraction * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

void RequestLogView::showPercentiles()
{
    QList<double> times;
    for (int row = 0; row < m_shown->rowCount(); ++row)
        times.append(m_shown->index(row, ResponseTime).data(kSortRole).toDouble());
    if (times.isEmpty()) {
        m_percentiles->clear();
        return;
    }
    const QLocale locale;
    const auto ms = [&locale](double value) { return tr("%1 ms").arg(locale.toString(value, 'f', 1)); };
    m_percentiles->setText(tr("Response time of the %n call(s) shown: median %1, 95th percentile %2, "
                              "99th percentile %3",
                              nullptr, int(times.size()))
                               .arg(ms(percentile(times, 0.5)), ms(percentile(times, 0.95)),
                                    ms(percentile(times, 0.99))));
}

RequestLogView::Outcome RequestLogView::outcomeOf(int status)
{
    if ((status >= 1 && status <= 301) || status == 304 || status == 307)
        return Outcome::Success;
    if (status == 401 || status == 403 || status == 429)
        return Outcome::Blocked;
    if (status == 400 || (status >= 500 && status <= 599))
        return Outcome::Failed;
    return Outcome::Other;
}

void RequestLogView::load(const QString &filter, const QHash<QString, QString> &apiNames,
                          const QHash<QString, QString> &subscriptionNames)
{
    m_filter = filter;
    m_apiNames = apiNames;
    m_subscriptionNames = subscriptionNames;
    if (!m_controller)
        return;
    ++m_generation;
    m_readAll = false;
    m_failed = false;
    m_loading = false;
    m_rows->removeRows(0, m_rows->rowCount());
    showPercentiles();
    m_paging.reset();
    if (!m_keyQueryNames) {
        // A URL listed now could show a key under a renamed key parameter.
        m_held = true;
        showProgress();
        if (!m_keyQueryNamesProblem.isEmpty())
            Q_EMIT loaded(); // nothing to wait for until the names are read again
        return;
    }
    start();
}

void RequestLogView::start()
{
    m_held = false;
    m_paging = std::make_unique<core::RequestReportPaging>(m_filter, kPageSize, m_maxPages);
    fetch(m_paging->firstRequest());
}

bool RequestLogView::hasMore() const
{
    return m_paging && m_paging->hasMore();
}

bool RequestLogView::isComplete() const
{
    return m_paging && !m_loading && !m_failed && !hasMore();
}

void RequestLogView::loadMore()
{
    if (m_loading || !hasMore())
        return;
    readNext();
}

void RequestLogView::readNext()
{
    if (const auto request = m_paging->nextRequest()) {
        fetch(*request);
        return;
    }
    // The oldest calls, from the first page: read already, and the last to show.
    appendRows(m_paging->takeKept());
    m_readAll = false;
    showProgress();
    Q_EMIT loaded();
}

void RequestLogView::loadAll()
{
    if (m_held && !m_keyQueryNamesProblem.isEmpty()) {
        // Nothing can be read until the names are: the end is now, with nothing listed.
        m_readAll = false;
        Q_EMIT loaded();
        return;
    }
    m_readAll = true;
    if (m_loading || m_held)
        return;
    if (hasMore()) {
        readNext();
        return;
    }
    // Nothing left to read (or a read that failed for good): the end is now.
    m_readAll = false;
    Q_EMIT loaded();
}

void RequestLogView::fetch(core::ArmRequest request)
{
    const quint64 generation = m_generation;
    m_loading = true;
    showProgress();
    m_controller->call(std::move(request), this, [this, generation](const core::Result<QJsonObject> &r) {
        if (generation != m_generation)
            return;
        m_loading = false;
        core::Result<QList<QJsonObject>> calls = r.ok() ? m_paging->take(r.value())
                                                        : core::Result<QList<QJsonObject>>(r.error());
        if (calls.ok())
            appendRows(calls.value()); // also those of the page that reached the cap
        const std::optional<core::Error> problem = calls.ok() ? m_paging->stopped() : calls.error();
        if (problem) {
            m_readAll = false;
            m_failed = true;
            QString text;
            if (core::PagingGuard::isLoop(*problem)) {
                text = tr("Reading the calls stopped: the server kept sending pages it had sent before. "
                          "The calls listed are those read until then.");
            } else if (core::PagingGuard::isCapped(*problem)) {
                text = tr("Portico stopped reading the calls after %L1 pages; the server has more. The "
                          "calls listed are those read until then: choose a shorter period to list the others.")
                           .arg(m_maxPages);
            } else {
                text = tr("The calls could not be read: %1").arg(problem->message);
            }
            m_banner->showMessage(BannerWidget::Kind::Error, text, true);
            showProgress();
            Q_EMIT loaded();
            return;
        }
        m_failed = false;
        m_banner->clear();
        if (hasMore() && (m_readAll || m_paging->readOnAtOnce())) {
            readNext();
            return;
        }
        m_readAll = false;
        showProgress();
        Q_EMIT loaded();
    });
}

void RequestLogView::showProgress()
{
    const QLocale locale;
    const qint64 listed = m_rows->rowCount();
    const qint64 total = m_paging ? m_paging->total() : -1;
    QString note;
    if (m_held && !m_keyQueryNamesProblem.isEmpty()) {
        note = tr("The APIs could not be read: %1. The calls are neither listed nor exported "
                  "until they are, so that keys in the URLs stay hidden. Refresh to read them again.")
                   .arg(m_keyQueryNamesProblem);
    } else if (m_held) {
        note = tr("The calls are listed once the APIs' key parameter names are read, so that keys "
                  "in the URLs stay hidden.");
    } else if (m_readAll && m_loading) {
        note = total >= 0 ? tr("Reading the calls: %1 of %2…").arg(locale.toString(listed), locale.toString(total))
                          : tr("Reading the calls: %1…").arg(locale.toString(listed));
    } else if (hasMore()) {
        note = total >= 0 ? tr("%1 of the %Ln call(s) in this period are listed.", nullptr, int(total))
                                .arg(locale.toString(listed))
                          : tr("%1 calls of this period are listed; there are more.").arg(locale.toString(listed));
    }
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_more->setVisible(hasMore() && !m_readAll);
    m_more->setEnabled(!m_loading);
}

void RequestLogView::setKeyQueryNames(const QStringList &names)
{
    m_keyQueryNames = names;
    m_keyQueryNamesProblem.clear();
    if (m_held)
        start();
}

void RequestLogView::setKeyQueryNamesProblem(const QString &problem)
{
    if (m_keyQueryNames)
        return; // names read before stay in use
    m_keyQueryNamesProblem = problem;
    if (!m_held)
        return;
    showProgress();
    if (!problem.isEmpty()) {
        m_readAll = false;
        Q_EMIT loaded();
    }
}

void RequestLogView::appendRows(const QList<QJsonObject> &rows)
{
    const QLocale locale;
    for (const QJsonObject &r : rows) {
        const QDateTime when = QDateTime::fromString(r.value(u"timestamp"_qs).toString(), Qt::ISODateWithMs);
        const QString apiId = r.value(u"apiId"_qs).toString().section(u'/', -1);
        const QString operationId = r.value(u"operationId"_qs).toString().section(u'/', -1);
        const QString api = m_apiNames.value(apiId, apiId);
        QString operation;
        if (!apiId.isEmpty())
            operation = operationId.isEmpty() ? api : tr("%1 › %2", "API › operation").arg(api, operationId);
        const QString sid = r.value(u"subscriptionId"_qs).toString().section(u'/', -1);
        const int status = r.value(u"responseCode"_qs).toInt();
        const double apiTime = r.value(u"apiTime"_qs).toDouble();
        const double serviceTime = r.value(u"serviceTime"_qs).toDouble();
        const qint64 size = r.value(u"responseSize"_qs).toInteger();
        auto *statusItem = item(QString::number(status), status, true);
        statusItem->setData(QString::number(int(outcomeOf(status))), kOutcomeRole);
        QList<QStandardItem *> cells(Count);
        cells[Time] = item(locale.toString(when.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_qs),
                           when.toMSecsSinceEpoch());
        cells[Time]->setData(when.toUTC().toString(Qt::ISODateWithMs), usagecsv::ExportRole);
        cells[Operation] = item(operation, operation.toLower());
        cells[Method] = item(r.value(u"method"_qs).toString(), r.value(u"method"_qs).toString());
        cells[Status] = statusItem;
        cells[ResponseTime] = item(tr("%1 ms").arg(locale.toString(apiTime, 'f', 1)), apiTime, true);
        cells[ResponseTime]->setData(apiTime, usagecsv::ExportRole);
        cells[BackendTime] = item(tr("%1 ms").arg(locale.toString(serviceTime, 'f', 1)), serviceTime, true);
        cells[BackendTime]->setData(serviceTime, usagecsv::ExportRole);
        const QString subscription = m_subscriptionNames.value(sid, sid);
        cells[Subscription] = item(subscription, subscription.toLower());
        cells[Size] = item(locale.formattedDataSize(size), size, true);
        cells[Size]->setData(size, usagecsv::ExportRole);
        const QString url = core::redactUrl(QUrl(r.value(u"url"_qs).toString()), m_keyQueryNames.value_or(QStringList())).toString();
        cells[Url] = item(url, url);
        cells[Caller] = item(r.value(u"ipAddress"_qs).toString(), r.value(u"ipAddress"_qs).toString());
        m_rows->appendRow(cells);
    }
    showPercentiles();
}

} // namespace portico::ui
