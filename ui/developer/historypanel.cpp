// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/historypanel.h"

#include "ui/common/decisions.h"
#include "ui/developer/incompletebodytext.h"
#include "ui/developer/sendfailuretext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace portico::ui {

namespace {

enum Column { TimeColumn, MethodColumn, OperationColumn, StatusColumn, DurationColumn, ColumnCount };
constexpr int IdRole = Qt::UserRole + 1;

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"historyPanel"_qs);
    m_api = new QComboBox(this);
    m_api->setObjectName(u"historyApiComboBox"_qs);
    m_operation = new QComboBox(this);
    m_operation->setObjectName(u"historyOperationComboBox"_qs);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"historyStatusComboBox"_qs);
    m_api->addItem(tr("All APIs"), QString());
    m_operation->addItem(tr("All operations"), QString());
    m_status->addItem(tr("Any status"), 0);
    m_status->addItem(tr("2xx success"), 2);
    m_status->addItem(tr("3xx redirect"), 3);
    m_status->addItem(tr("4xx client error"), 4);
    m_status->addItem(tr("5xx server error"), 5);
    m_status->addItem(tr("Failed sends"), -1);
    for (QComboBox *combo : { m_api, m_operation, m_status })
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryPanel::reload);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"historyTreeWidget"_qs);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({ tr("Sent"), tr("Method"), tr("Operation"), tr("Status"), tr("Time") });
    m_list->header()->setSectionResizeMode(OperationColumn, QHeaderView::Stretch);
    connect(m_list, &QTreeWidget::itemActivated, this, &HistoryPanel::reopenSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &HistoryPanel::updateButtons);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"historyProblemLabel"_qs);
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_reopen = new QPushButton(tr("Re-open &in composer"), this);
    m_reopen->setObjectName(u"historyReopenPushButton"_qs);
    connect(m_reopen, &QPushButton::clicked, this, &HistoryPanel::reopenSelected);
    m_compare = new QPushButton(tr("&Compare responses"), this);
    m_compare->setObjectName(u"historyComparePushButton"_qs);
    m_compare->setToolTip(tr("Select two sends to compare their responses."));
    connect(m_compare, &QPushButton::clicked, this, &HistoryPanel::compareSelected);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(u"historyDeletePushButton"_qs);
    m_delete->setToolTip(tr("Delete the selected sends from the history (Del)."));
    connect(m_delete, &QPushButton::clicked, this, &HistoryPanel::deleteSelected);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_list);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &HistoryPanel::deleteSelected);
    m_clear = new QPushButton(tr("C&lear all…"), this);
    m_clear->setObjectName(u"historyClearPushButton"_qs);
    m_clear->setToolTip(tr("Delete every send in the history, also those the filters hide."));
    connect(m_clear, &QPushButton::clicked, this, &HistoryPanel::clearAll);
    m_retention = new QLabel(this);
    m_retention->setObjectName(u"historyRetentionLabel"_qs);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_api, 1);
    filters->addWidget(m_operation, 1);
    filters->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retention);
    buttons->addStretch();
    buttons->addWidget(m_clear);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_reopen);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    updateButtons();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::setHistory(core::TryItHistory *history)
{
    m_history = history;
    if (m_history)
        m_retention->setText(tr("Keeps the newest %n sends.", nullptr, m_history->retention().maxEntries));
    reload();
}

void HistoryPanel::setApis(const QList<QPair<QString, QString>> &apis)
{
    const QString current = m_api->currentData().toString();
    const QSignalBlocker blocker(m_api);
    while (m_api->count() > 1)
        m_api->removeItem(1);
    for (const auto &[id, name] : apis)
        m_api->addItem(name, id);
    m_api->setCurrentIndex(std::max(0, m_api->findData(current)));
}

void HistoryPanel::setOperations(const QList<QPair<QString, QString>> &operations)
{
    const QString current = m_operation->currentData().toString();
    const QSignalBlocker blocker(m_operation);
    while (m_operation->count() > 1)
        m_operation->removeItem(1);
    for (const auto &[id, name] : operations)
        m_operation->addItem(name, id);
    m_operation->setCurrentIndex(std::max(0, m_operation->findData(current)));
}

void HistoryPanel::reload()
{
    m_list->clear();
    if (!m_history)
        return;
    core::HistoryFilter filter;
    filter.apiId = m_api->currentData().toString();
    filter.operationId = m_operation->currentData().toString();
    filter.statusClass = m_status->currentData().toInt();
    const auto entries = m_history->list(filter);
    if (!entries) {
        showProblem(tr("Could not read the history: %1").arg(entries.error().message));
        updateButtons();
        return;
    }
    m_problem->hide();
    const QLocale locale;
    QList<QTreeWidgetItem *> items;
    for (const core::HistoryEntry &entry : entries.value()) {
        auto *item = new QTreeWidgetItem;
        item->setData(TimeColumn, IdRole, entry.id);
        item->setText(TimeColumn, locale.toString(entry.sentAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(MethodColumn, QString::fromLatin1(entry.request.method));
        item->setText(OperationColumn, entry.request.operationName.isEmpty() ? entry.url : entry.request.operationName);
        item->setToolTip(OperationColumn, entry.url);
        if (entry.incomplete) {
            item->setText(StatusColumn,
                          entry.incomplete->isShownAsSent()
                              ? tr("%1 (not decompressed)").arg(entry.status)
                          : entry.incomplete->cause == core::IncompleteBody::Cause::ChecksumMismatch
                              ? tr("%1 (may be damaged)").arg(entry.status)
                              : tr("%1 (incomplete)").arg(entry.status));
            item->setToolTip(StatusColumn, IncompleteBodyText::describe(*entry.incomplete));
        } else if (entry.failure) {
            item->setText(StatusColumn, SendFailureText::shortStatus(*entry.failure));
            item->setToolTip(StatusColumn, SendFailureText::headline(*entry.failure));
        } else {
            item->setText(StatusColumn, entry.status == 0 ? tr("failed") : QString::number(entry.status));
            if (!entry.error.isEmpty())
                item->setToolTip(StatusColumn, entry.error);
        }
        item->setText(DurationColumn, tr("%1 ms").arg(entry.totalMs));
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    updateButtons();
}

int HistoryPanel::entryCount() const
{
    return m_list->topLevelItemCount();
}

qint64 HistoryPanel::entryIdAt(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? item->data(TimeColumn, IdRole).toLongLong() : 0;
}

void HistoryPanel::reopenSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (!m_history || selected.isEmpty())
        return;
    const auto entry = m_history->load(selected.first()->data(TimeColumn, IdRole).toLongLong());
    if (!entry) {
        showProblem(tr("Could not re-open this send: %1").arg(entry.error().message));
        return;
    }
    Q_EMIT reopenRequested(entry.value());
}

void HistoryPanel::compareSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (!m_history || selected.size() != 2)
        return;
    // Older on the left.
    const auto newer = m_history->load(selected[0]->data(TimeColumn, IdRole).toLongLong());
    const auto older = m_history->load(selected[1]->data(TimeColumn, IdRole).toLongLong());
    if (!newer || !older) {
        showProblem(tr("Could not read these sends from the history."));
        return;
    }
    if (older.value().sentAt <= newer.value().sentAt)
        Q_EMIT compareRequested(older.value(), newer.value());
    else
        Q_EMIT compareRequested(newer.value(), older.value());
}

void HistoryPanel::deleteSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (!m_history || selected.isEmpty())
        return;
    QList<qint64> ids;
    for (const QTreeWidgetItem *item : selected)
        ids.append(item->data(TimeColumn, IdRole).toLongLong());
    const int nextRow = m_list->indexOfTopLevelItem(selected.last()) + 1 - int(selected.size());
    const auto removed = m_history->remove(ids);
    reload();
    if (!removed) {
        showProblem(tr("Could not delete from the history: %1").arg(removed.error().message));
        return;
    }
    if (QTreeWidgetItem *next = m_list->topLevelItem(std::min(nextRow, m_list->topLevelItemCount() - 1)))
        m_list->setCurrentItem(next);
}

void HistoryPanel::clearAll()
{
    if (!m_history)
        return;
    QPointer<HistoryPanel> self(this);
    decisions::confirm(this, tr("Clear history"),
                       tr("Delete every send in the Try It history, with its request and response? "
                          "This cannot be undone."),
                       tr("Clear history"), [self](bool accepted) {
                           if (!self || !accepted || !self->m_history)
                               return;
                           const auto cleared = self->m_history->clear();
                           self->reload();
                           if (!cleared)
                               self->showProblem(tr("Could not clear the history: %1").arg(cleared.error().message));
                       });
}

void HistoryPanel::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

void HistoryPanel::updateButtons()
{
    const qsizetype selected = m_list->selectedItems().size();
    m_reopen->setEnabled(selected == 1);
    m_compare->setEnabled(selected == 2);
    m_delete->setEnabled(selected > 0);
    m_clear->setEnabled(m_history && m_list->topLevelItemCount() > 0);
}

} // namespace portico::ui
