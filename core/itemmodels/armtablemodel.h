// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"
#include "core/itemmodels/navigationtreemodel.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>

namespace portico::core {

class ArmClient;
class ArmListJob;

// A table over one ARM collection of a service ("{svc}/products", "{svc}/subscriptions"), read
// with one list call (nextLink followed) per load. The rows are typed by the subclass
// (ArmResourceTableModel<T>); this base owns the loading: state, error, refresh.
//
// refresh() re-reads the collection and merges by ARM id: rows that vanished are removed, rows
// that remain keep their position (and the view's selection) and report dataChanged only when
// they changed, new rows are appended. A failed load keeps the rows of the last good one and
// sets state() to Failed with error(), so the UI can show "Could not load: <message>" and a
// retry next to a table that does not pretend to be empty.
//
// Cell text is wire values (states as the service spells them, ids, numbers, dates as
// QDateTime); booleans are Qt::CheckStateRole. Header labels are English; the UI puts its
// translated labels on top (core has no tr()).
class ArmTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArmTableModel)

public:
    using LoadState = NavigationTreeModel::LoadState;

    enum Role {
        ArmIdRole = Qt::UserRole + 1, // the row's ARM id (any column)
        NameRole,                     // the row's ARM name (any column)
        ValueRole,                    // the cell's typed value, for sorting and delegates
    };

    ~ArmTableModel() override;

    // The service whose collection is shown; loading starts with refresh() (or fetchMore()).
    void setService(ArmClient *client, const QString &serviceId);
    const QString &serviceId() const { return m_serviceId; }
    void refresh();

    LoadState state() const { return m_state; }
    // Why the last load failed; meaningful while state() is Failed.
    const Error &error() const { return m_error; }

    // The row showing this ARM id (case-insensitive), or -1.
    int rowOf(const QString &armId) const;

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void stateChanged(portico::core::NavigationTreeModel::LoadState state);
    // A load ended, successfully or not (see state()).
    void loaded();

protected:
    ArmTableModel(QString collection, QObject *parent);

    // Replaces the rows with `items` (merge by id, see above); an error leaves them unchanged.
    [[nodiscard]] virtual Result<void> apply(const QList<QJsonObject> &items) = 0;
    virtual QString armIdAt(int row) const = 0;
    // Removes every row (a new service was set).
    virtual void clearRows() = 0;

private:
    void setState(LoadState state, Error error = {});
    void onListFinished();
    void dropJob();

    QString m_collection;
    QPointer<ArmClient> m_client;
    QString m_serviceId;
    QPointer<ArmListJob> m_job;
    LoadState m_state = LoadState::NotLoaded;
    Error m_error;
};

// The typed rows: T is a core/model value type with id, name, fromJson() and operator==.
// sanitize() runs on each parsed row before it is stored (e.g. to drop secrets).
template <typename T>
class ArmResourceTableModel : public ArmTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const T &at(int row) const { return m_rows.at(row); }
    const QList<T> &rows() const { return m_rows; }

protected:
    using ArmTableModel::ArmTableModel;

    virtual void sanitize(T &) const { }

    QString armIdAt(int row) const override { return m_rows.at(row).id; }

    void clearRows() override
    {
        if (m_rows.isEmpty())
            return;
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }

    Result<void> apply(const QList<QJsonObject> &items) override
    {
        QList<T> fresh;
        QHash<QString, int> byKey;
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto parsed = T::fromJson(items.at(i), u"value[%1]"_qs.arg(i));
            if (!parsed)
                return parsed.error();
            T row = std::move(parsed).value();
            sanitize(row);
            const QString key = row.id.toLower();
            if (byKey.contains(key))
                continue;
            byKey.insert(key, int(fresh.size()));
            fresh.append(std::move(row));
        }
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (byKey.contains(m_rows.at(row).id.toLower()))
                continue;
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        QSet<QString> present;
        for (int row = 0; row < int(m_rows.size()); ++row) {
            const QString key = m_rows.at(row).id.toLower();
            present.insert(key);
            const T &update = fresh.at(byKey.value(key));
            if (update == m_rows.at(row))
                continue;
            m_rows[row] = update;
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        }
        QList<T> added;
        for (const T &row : std::as_const(fresh)) {
            if (!present.contains(row.id.toLower()))
                added.append(row);
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(added.size()) - 1);
            m_rows += added;
            endInsertRows();
        }
        return {};
    }

private:
    QList<T> m_rows;
};

} // namespace portico::core
