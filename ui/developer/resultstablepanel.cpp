// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/resultstablepanel.h"

#include "ui/common/workerchannel.h"
#include "ui/developer/resultstablemodel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

namespace portico::ui {

ResultsTablePanel::ResultsTablePanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new ResultsTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ResultsTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view = new QTableView(this);
    m_view->setObjectName(u"resultsTableView"_qs);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_tableCombo = new QComboBox(this);
    m_tableCombo->setObjectName(u"resultsTableComboBox"_qs);
    m_tableCombo->setToolTip(tr("Output"));
    m_rowsLabel = new QLabel(this);
    m_rowsLabel->setObjectName(u"resultsRowsLabel"_qs);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(u"exportCsvPushButton"_qs);
    connect(m_export, &QPushButton::clicked, this, &ResultsTablePanel::exportCsv);
    connect(m_tableCombo, &QComboBox::currentIndexChanged, this, &ResultsTablePanel::showTable);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_tableCombo);
    bar->addWidget(m_rowsLabel, 1);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    showTable(-1);
}

ResultsTablePanel::~ResultsTablePanel()
{
    m_model->setTable({});
    releaseInBackground(std::exchange(m_tables, {}));
}

void ResultsTablePanel::setTables(QList<ResultsTable> tables)
{
    QList<ResultsTable> old = std::exchange(m_tables, std::move(tables));
    // The model drops its share of the old rows while `old` still holds one, so the last
    // reference (and the freeing of possibly millions of cells) ends on the pool.
    m_model->setTable({});
    {
        const QSignalBlocker blocker(m_tableCombo);
        m_tableCombo->clear();
        for (const ResultsTable &table : std::as_const(m_tables))
            m_tableCombo->addItem(table.name.isEmpty() ? tr("Table") : table.name);
    }
    m_tableCombo->setVisible(m_tables.size() > 1);
    releaseInBackground(std::move(old));
    showTable(m_tables.isEmpty() ? -1 : 0);
}

void ResultsTablePanel::showTable(int i)
{
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    if (i < 0 || i >= m_tables.size()) {
        m_model->setTable({});
        m_rowsLabel->setText(tr("No table in this response"));
        m_export->setEnabled(false);
        return;
    }
    m_model->setTable(m_tables.at(i));
    m_rowsLabel->setText(tr("%n row(s)", nullptr, int(m_model->totalRows())));
    m_export->setEnabled(true);
}

void ResultsTablePanel::exportCsv()
{
    auto *dialog = new QFileDialog(this, tr("Export Table as CSV"), QString(),
                                   tr("CSV files (*.csv);;All files (*)"));
    dialog->setObjectName(u"exportCsvFileDialog"_qs);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_qs);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QSaveFile file(path);
        const QByteArray csv = m_model->toCsv();
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
            m_rowsLabel->setText(tr("Could not export to %1: %2").arg(path, file.errorString()));
        else
            m_rowsLabel->setText(tr("Exported %n row(s) to %1", nullptr,
                                    int(m_model->totalRows())).arg(path));
    });
    dialog->open();
}

} // namespace portico::ui
