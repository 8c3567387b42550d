// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>

namespace portico::ui {

class StagedDocument;

// An editable table over one list-valued field of a StagedDocument (a QVariantList of
// QVariantMap records, e.g. an operation's templateParameters). Cell edits, added and removed
// rows are staged in the document and so are undoable; an undo resets the table. A decorator
// can mark rows (e.g. "declared but unused") with a message shown as tooltip and colour.
class RecordTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordTableModel)

public:
    struct Column
    {
        // List: a QStringList edited as "a, b, c". Int: edited as text; what is no number is
        // stored as the QString typed, so the user's text stays and the owner can mark the row.
        enum class Kind { Text, Bool, Int, List };
        QString key;
        QString header;
        Kind kind = Kind::Text;
        bool editable = true;
    };
    enum Role { RecordRole = Qt::UserRole + 1 };

    RecordTableModel(StagedDocument *document, QString field, QList<Column> columns,
                     QObject *parent = nullptr);
    ~RecordTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QVariantList records() const;
    void appendRecord(const QVariantMap &record);
    void removeRecord(int row);
    // Problems to show on a row (empty = fine), e.g. from the URL template parser.
    void setRowProblems(const QHash<int, QString> &problems);
    QString rowProblem(int row) const { return m_problems.value(row); }

private:
    void reload();

    StagedDocument *m_doc;
    QString m_field;
    QList<Column> m_columns;
    QVariantList m_records;
    QHash<int, QString> m_problems;
};

} // namespace portico::ui
