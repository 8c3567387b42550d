// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/operation.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QTableWidget>

namespace portico::ui {

// The Try It composer's parameter table: one row per template and query parameter the operation
// declares (pre-filled with the default or the first declared value; a drop-down where values
// are declared), then the query parameters the user added ("Add Query Parameter": name and
// value typed, each row with its own Remove). Rows keep the user's text as typed; a problem is
// marked on the row (mark()) and cleared with clearMarks(). edited() says that what the table
// holds changed (a value or name typed, a row added or removed).
class ParameterTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParameterTable)

public:
    // Extra: a query parameter row the user added, name and value typed.
    enum class Kind { Template, Query, Extra };
    enum Column { NameColumn, InColumn, ValueColumn, DescriptionColumn };

    explicit ParameterTable(QWidget *parent = nullptr);
    ~ParameterTable() override;

    // Replaces every row with the operation's declared parameters.
    void setOperation(const core::Operation &operation);
    // Appends an added query parameter row; returns its row.
    int addExtraQueryRow(const QString &name, const QString &value);
    void removeExtraQueryRows();

    // Whether `row` is complete (an added row is, from the moment it exists).
    bool hasRow(int row) const { return item(row, NameColumn) != nullptr; }
    Kind kind(int row) const;
    QString name(int row) const; // the declared name, or the added row's name (trimmed)
    QString value(int row) const;
    bool isRequired(int row) const; // template parameters always; declared query ones as declared
    void setValue(int row, const QString &value);
    // A value from history: a masked secret is left empty, and the row says to enter it again.
    void restoreValue(int row, const QString &value);
    int declaredRow(const QString &name) const; // -1 when the operation declares no such parameter

    // What is sent: template values by name, and the query parameters in order (declared ones
    // with a value, then the added ones with a name, "?name=" included).
    QHash<QString, QString> templateValues() const;
    QList<QPair<QString, QString>> queryParameters() const;
    // The user's state, for keeping it per operation: declared values by name, added rows.
    QHash<QString, QString> declaredValues() const;
    QList<QPair<QString, QString>> addedQuery() const;
    // The query exactly as it was sent (re-opening from history): a declared parameter that
    // was not sent is left empty rather than getting its default back; a name without a
    // declared row left (added, or repeated) gets an added row.
    void restoreQuery(const QList<QPair<QString, QString>> &query);

    // Marks the cell (its editor) with `message` as tool tip; `focus` moves the focus there.
    void mark(int row, int column, const QString &message, bool focus);
    void clearMarks();

Q_SIGNALS:
    void edited();

private:
    void addDeclaredRow(const core::ParameterContract &parameter, Kind kind);
};

} // namespace portico::ui
