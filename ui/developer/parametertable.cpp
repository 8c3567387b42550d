// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/parametertable.h"

#include "core/tryit/secretredaction.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QToolButton>

#include <algorithm>

namespace portico::ui {

namespace {

constexpr int KindRole = Qt::UserRole + 1;
constexpr int RequiredRole = Qt::UserRole + 3;
constexpr const char *problemProperty = "porticoInputProblem";
const QColor problemBackground(255, 205, 210);

} // namespace

ParameterTable::ParameterTable(QWidget *parent)
    : QTableWidget(0, 4, parent)
{
    setObjectName(u"parametersTableWidget"_qs);
    setHorizontalHeaderLabels({ tr("Parameter"), tr("In"), tr("Value"), tr("Description") });
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
}

ParameterTable::~ParameterTable() = default;

void ParameterTable::setOperation(const core::Operation &operation)
{
    setRowCount(0);
    for (const auto &parameter : operation.templateParameters)
        addDeclaredRow(parameter, Kind::Template);
    for (const auto &parameter : operation.request.queryParameters)
        addDeclaredRow(parameter, Kind::Query);
    resizeColumnsToContents();
}

void ParameterTable::addDeclaredRow(const core::ParameterContract &parameter, Kind kind)
{
    const int row = rowCount();
    insertRow(row);
    auto *name
        = new QTableWidgetItem(parameter.required ? parameter.name + u" *"_qs : parameter.name);
    name->setData(Qt::UserRole, parameter.name);
    name->setData(KindRole, int(kind));
    name->setData(RequiredRole, parameter.required);
    setItem(row, NameColumn, name);
    setItem(
        row, InColumn, new QTableWidgetItem(kind == Kind::Template ? tr("template") : tr("query")));
    setItem(row, DescriptionColumn, new QTableWidgetItem(parameter.description));
    const QString initial
        = !parameter.defaultValue.isEmpty() ? parameter.defaultValue : parameter.values.value(0);
    if (!parameter.values.isEmpty()) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(parameter.name + u"ParameterComboBox"_qs);
        combo->setEditable(true);
        combo->addItems(parameter.values);
        combo->setCurrentText(initial);
        connect(combo, &QComboBox::currentTextChanged, this, &ParameterTable::edited);
        setCellWidget(row, ValueColumn, combo);
    } else {
        auto *edit = new QLineEdit(initial, this);
        edit->setObjectName(parameter.name + u"ParameterLineEdit"_qs);
        edit->setPlaceholderText(parameter.type);
        connect(edit, &QLineEdit::textChanged, this, &ParameterTable::edited);
        setCellWidget(row, ValueColumn, edit);
    }
}

int ParameterTable::addExtraQueryRow(const QString &name, const QString &value)
{
    const int row = rowCount();
    insertRow(row);
    auto *item = new QTableWidgetItem;
    item->setData(KindRole, int(Kind::Extra));
    setItem(row, NameColumn, item);
    setItem(row, InColumn, new QTableWidgetItem(tr("query")));
    auto *nameEdit = new QLineEdit(name, this);
    nameEdit->setObjectName(u"queryParameterNameLineEdit"_qs);
    nameEdit->setPlaceholderText(tr("Name"));
    connect(nameEdit, &QLineEdit::textChanged, this, &ParameterTable::edited);
    setCellWidget(row, NameColumn, nameEdit);
    auto *valueEdit = new QLineEdit(value, this);
    valueEdit->setObjectName(u"queryParameterValueLineEdit"_qs);
    valueEdit->setPlaceholderText(tr("Value"));
    connect(valueEdit, &QLineEdit::textChanged, this, &ParameterTable::edited);
    setCellWidget(row, ValueColumn, valueEdit);
    auto *cell = new QWidget(this);
    auto *remove = new QToolButton(cell);
    remove->setObjectName(u"removeQueryParameterToolButton"_qs);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this query parameter"));
    auto *cellLayout = new QHBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->addWidget(remove);
    cellLayout->addStretch();
    setCellWidget(row, DescriptionColumn, cell);
    connect(remove, &QToolButton::clicked, this, [this, cell] {
        for (int r = 0; r < rowCount(); ++r) {
            if (cellWidget(r, DescriptionColumn) == cell) {
                removeRow(r);
                break;
            }
        }
        Q_EMIT edited();
    });
    setColumnWidth(NameColumn, qMax(columnWidth(NameColumn), 140));
    Q_EMIT edited();
    return row;
}

void ParameterTable::removeExtraQueryRows()
{
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (kind(row) == Kind::Extra)
            removeRow(row);
    }
}

ParameterTable::Kind ParameterTable::kind(int row) const
{
    const QTableWidgetItem *name = item(row, NameColumn);
    return name ? Kind(name->data(KindRole).toInt()) : Kind::Extra;
}

QString ParameterTable::name(int row) const
{
    if (kind(row) == Kind::Extra) {
        const auto *edit = qobject_cast<QLineEdit *>(cellWidget(row, NameColumn));
        return edit ? edit->text().trimmed() : QString();
    }
    return item(row, NameColumn)->data(Qt::UserRole).toString();
}

QString ParameterTable::value(int row) const
{
    QWidget *widget = cellWidget(row, ValueColumn);
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        return combo->currentText();
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        return edit->text();
    return {};
}

bool ParameterTable::isRequired(int row) const
{
    const QTableWidgetItem *name = item(row, NameColumn);
    if (!name)
        return false;
    return kind(row) == Kind::Template
        || (kind(row) == Kind::Query && name->data(RequiredRole).toBool());
}

void ParameterTable::setValue(int row, const QString &value)
{
    QWidget *widget = cellWidget(row, ValueColumn);
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        combo->setCurrentText(value);
    else if (auto *edit = qobject_cast<QLineEdit *>(widget))
        edit->setText(value);
}

void ParameterTable::restoreValue(int row, const QString &value)
{
    if (!value.contains(core::secretMask)) {
        setValue(row, value);
        return;
    }
    setValue(row, QString());
    const QString hint = tr("Enter again: history does not keep secrets");
    QWidget *editor = cellWidget(row, ValueColumn);
    if (auto *combo = qobject_cast<QComboBox *>(editor); combo && combo->lineEdit())
        combo->lineEdit()->setPlaceholderText(hint);
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setPlaceholderText(hint);
    if (editor)
        editor->setToolTip(hint);
}

int ParameterTable::declaredRow(const QString &parameter) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (hasRow(row) && kind(row) != Kind::Extra && name(row) == parameter)
            return row;
    }
    return -1;
}

QHash<QString, QString> ParameterTable::templateValues() const
{
    QHash<QString, QString> values;
    for (int row = 0; row < rowCount(); ++row) {
        if (hasRow(row) && kind(row) == Kind::Template)
            values.insert(name(row), value(row));
    }
    return values;
}

QList<QPair<QString, QString>> ParameterTable::queryParameters() const
{
    QList<QPair<QString, QString>> query;
    for (int row = 0; row < rowCount(); ++row) {
        if (!hasRow(row))
            continue; // a row being filled in
        switch (kind(row)) {
        case Kind::Template:
            break;
        case Kind::Query: // an optional one left empty is not sent
            if (!value(row).isEmpty())
                query.append({ name(row), value(row) });
            break;
        case Kind::Extra: // added by the user: sent as typed, "?name=" included
            if (!name(row).isEmpty())
                query.append({ name(row), value(row) });
            break;
        }
    }
    return query;
}

QHash<QString, QString> ParameterTable::declaredValues() const
{
    QHash<QString, QString> values;
    for (int row = 0; row < rowCount(); ++row) {
        if (hasRow(row) && kind(row) != Kind::Extra)
            values.insert(name(row), value(row));
    }
    return values;
}

QList<QPair<QString, QString>> ParameterTable::addedQuery() const
{
    QList<QPair<QString, QString>> added;
    for (int row = 0; row < rowCount(); ++row) {
        if (hasRow(row) && kind(row) == Kind::Extra)
            added.append({ name(row), value(row) });
    }
    return added;
}

void ParameterTable::restoreQuery(const QList<QPair<QString, QString>> &query)
{
    removeExtraQueryRows();
    QList<int> unfilled;
    for (int row = 0; row < rowCount(); ++row) {
        if (kind(row) == Kind::Query) {
            setValue(row, QString());
            unfilled.append(row);
        }
    }
    for (const QPair<QString, QString> &item : query) {
        const auto declared = std::find_if(
            unfilled.begin(), unfilled.end(), [&](int row) { return name(row) == item.first; });
        if (declared != unfilled.end()) {
            restoreValue(*declared, item.second);
            unfilled.erase(declared);
        } else {
            restoreValue(addExtraQueryRow(item.first, QString()), item.second);
        }
    }
}

void ParameterTable::mark(int row, int column, const QString &message, bool focus)
{
    QWidget *widget = cellWidget(row, column);
    if (!widget)
        return;
    widget->setProperty(problemProperty, true);
    widget->setStyleSheet(u"background: %1;"_qs.arg(problemBackground.name()));
    widget->setToolTip(message);
    if (focus) {
        scrollTo(model()->index(row, column));
        widget->setFocus();
    }
}

void ParameterTable::clearMarks()
{
    for (int row = 0; row < rowCount(); ++row) {
        for (const int column : { int(NameColumn), int(ValueColumn) }) {
            QWidget *widget = cellWidget(row, column);
            if (widget && widget->property(problemProperty).toBool()) {
                widget->setProperty(problemProperty, {});
                widget->setStyleSheet({});
                widget->setToolTip({});
            }
        }
    }
}

} // namespace portico::ui
