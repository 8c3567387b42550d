// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonDocument>
#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;
class QTimer;

namespace portico::ui {

class JsonTreeModel;
class WorkerChannel;

// The Tree body view: a lazy JSON tree, a search box that matches keys and values (searched
// on the thread pool, so a 50 MB document never blocks typing), next/previous match, and
// copy of the selected item's JSON path or value.
class JsonTreePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreePanel)

public:
    explicit JsonTreePanel(QWidget *parent = nullptr);
    ~JsonTreePanel() override;

    void setDocument(const QJsonDocument &document);
    // A text that is a single value; `holder` is an array holding it (JsonParse::document).
    void setSingleValue(const QJsonDocument &holder);
    // The top level while the whole document is being parsed (search waits for the document).
    void setOutline(const QJsonDocument &outline);
    void clear() { setDocument(QJsonDocument()); }
    JsonTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    qsizetype matchCount() const { return m_matches.size(); }

public Q_SLOTS:
    void copyPath();
    void copyValue();
    void nextMatch();
    void previousMatch();

Q_SIGNALS:
    void searchFinished();

private:
    // Stops a running or pending search (its result is dropped, even one already posted) and
    // forgets the matches.
    void cancelSearch();
    void startSearch();
    void showMatch(qsizetype i);

    JsonTreeModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matchLabel = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QTimer *m_searchDelay = nullptr;
    std::shared_ptr<WorkerChannel> m_searchChannel;
    QList<QList<qint64>> m_matches;
    bool m_moreMatches = false; // the search stopped at the limit with more to find
    qsizetype m_current = -1;
    quint64 m_searchGeneration = 0;
};

} // namespace portico::ui
