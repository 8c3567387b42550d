// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsontreepanel.h"

#include "ui/common/workerchannel.h"
#include "ui/developer/jsontreemodel.h"
#include "ui/developer/jsontreesearch.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace portico::ui {

namespace {
constexpr qsizetype matchLimit = 10000;
}

JsonTreePanel::JsonTreePanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new JsonTreeModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"jsonTreeView"_qs);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->resizeSection(0, 260);
    m_view->header()->resizeSection(1, 360);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *copyPathAction = new QAction(tr("Copy JSON Path"), m_view);
    copyPathAction->setObjectName(u"copyJsonPathAction"_qs);
    connect(copyPathAction, &QAction::triggered, this, &JsonTreePanel::copyPath);
    auto *copyValueAction = new QAction(tr("Copy Value as JSON"), m_view);
    copyValueAction->setObjectName(u"copyJsonValueAction"_qs);
    copyValueAction->setShortcut(QKeySequence::Copy);
    copyValueAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyValueAction, &QAction::triggered, this, &JsonTreePanel::copyValue);
    m_view->addAction(copyPathAction);
    m_view->addAction(copyValueAction);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"treeSearchLineEdit"_qs);
    m_search->setPlaceholderText(tr("Search keys and values"));
    m_search->setClearButtonEnabled(true);
    m_matchLabel = new QLabel(this);
    m_matchLabel->setObjectName(u"treeMatchLabel"_qs);
    m_previous = new QToolButton(this);
    m_previous->setObjectName(u"previousMatchToolButton"_qs);
    m_previous->setText(tr("Previous"));
    m_next = new QToolButton(this);
    m_next->setObjectName(u"nextMatchToolButton"_qs);
    m_next->setText(tr("Next"));
    auto *copyPathButton = new QToolButton(this);
    copyPathButton->setObjectName(u"copyPathToolButton"_qs);
    copyPathButton->setText(tr("Copy Path"));
    connect(copyPathButton, &QToolButton::clicked, this, &JsonTreePanel::copyPath);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &JsonTreePanel::startSearch);
    // The matches of the previous text are gone as soon as the text changes, so that neither
    // the label nor Next speak of a search that is no longer in the box.
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        cancelSearch();
        m_matchLabel->clear();
        m_searchDelay->start();
    });
    // Return searches at once if the typing delay still runs, otherwise goes to the next match.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay->isActive())
            startSearch();
        else
            nextMatch();
    });
    connect(m_next, &QToolButton::clicked, this, &JsonTreePanel::nextMatch);
    connect(m_previous, &QToolButton::clicked, this, &JsonTreePanel::previousMatch);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_matchLabel);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(copyPathButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

JsonTreePanel::~JsonTreePanel()
{
    if (m_searchChannel)
        m_searchChannel->detach();
    // A large document is freed on the pool, not here.
    QJsonDocument old = m_model->setDocument(QJsonDocument());
    releaseInBackground(std::move(old));
}

void JsonTreePanel::setSingleValue(const QJsonDocument &holder)
{
    cancelSearch();
    m_matchLabel->clear();
    releaseInBackground(m_model->setSingleValue(holder));
    m_search->setEnabled(true);
    if (!m_search->text().isEmpty())
        m_searchDelay->start();
}

void JsonTreePanel::setDocument(const QJsonDocument &document)
{
    cancelSearch();
    m_matchLabel->clear();
    QJsonDocument old = m_model->setDocument(document);
    releaseInBackground(std::move(old));
    m_search->setEnabled(true);
    if (!m_search->text().isEmpty())
        m_searchDelay->start();
}

void JsonTreePanel::setOutline(const QJsonDocument &outline)
{
    cancelSearch();
    m_matchLabel->clear();
    m_search->setEnabled(false);
    releaseInBackground(m_model->setDocument(outline, true));
}

void JsonTreePanel::cancelSearch()
{
    // Also stop a search the typing delay would start (not in an outline), and drop a result
    // the worker already posted: detaching the channel cannot take it back.
    m_searchDelay->stop();
    ++m_searchGeneration;
    if (m_searchChannel) {
        m_searchChannel->detach();
        m_searchChannel.reset();
    }
    m_matches.clear();
    m_moreMatches = false;
    m_current = -1;
}

void JsonTreePanel::startSearch()
{
    cancelSearch();
    const QString needle = m_search->text();
    if (needle.isEmpty()) {
        m_matchLabel->clear();
        Q_EMIT searchFinished();
        return;
    }
    m_matchLabel->setText(tr("Searching…"));
    const QJsonDocument document = m_model->document();
    const QJsonValue root = document.isArray() ? QJsonValue(document.array())
                                               : QJsonValue(document.object());
    const quint64 generation = ++m_searchGeneration;
    m_searchChannel = startWorker(this, [this, root, needle, generation](
                                                const std::shared_ptr<WorkerChannel> &channel) {
        // One more than the limit tells "more than 10000" from exactly 10000.
        auto matches = searchJson(root, needle, matchLimit + 1, channel->cancelledFlag());
        channel->post([this, matches = std::move(matches), generation] {
            if (generation != m_searchGeneration)
                return;
            m_searchChannel.reset();
            m_matches = matches;
            m_moreMatches = m_matches.size() > matchLimit;
            if (m_moreMatches)
                m_matches.resize(matchLimit);
            if (m_matches.isEmpty())
                m_matchLabel->setText(tr("No matches"));
            else
                showMatch(0);
            Q_EMIT searchFinished();
        });
    });
}

void JsonTreePanel::showMatch(qsizetype i)
{
    if (m_matches.isEmpty())
        return;
    m_current = (i % m_matches.size() + m_matches.size()) % m_matches.size();
    const QModelIndex index = m_model->indexForPath(m_matches.at(m_current));
    if (index.isValid()) {
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            m_view->expand(up);
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
    m_matchLabel->setText(m_moreMatches
                                  ? tr("%1 of more than %2").arg(m_current + 1).arg(matchLimit)
                                  : tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
}

void JsonTreePanel::nextMatch()
{
    showMatch(m_current + 1);
}

void JsonTreePanel::previousMatch()
{
    showMatch(m_current - 1);
}

void JsonTreePanel::copyPath()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid() && !index.data(JsonTreeModel::IsRangeRole).toBool())
        QApplication::clipboard()->setText(m_model->jsonPath(index));
}

void JsonTreePanel::copyValue()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid() && !index.data(JsonTreeModel::IsRangeRole).toBool())
        QApplication::clipboard()->setText(
                index.siblingAtColumn(0).data(JsonTreeModel::JsonTextRole).toString());
}

} // namespace portico::ui
