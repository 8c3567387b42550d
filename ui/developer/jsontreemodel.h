// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractItemModel>
#include <QJsonDocument>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace portico::ui {

// A read-only tree over a parsed JSON document that creates nodes only when a view asks for
// them. Containers with more than groupSize items are split into ranges ("[0 … 999]"),
// nested as needed, so that no node ever has more than groupSize children: expanding any item
// costs the same for a 10-item array as for a 10-million-item one.
// A path is the list of child positions inside containers (ranges are transparent), which is
// what the background search hands back; indexForPath() turns one into an index.
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

public:
    enum class Column { Key, Value, Type, Count };
    enum Role { JsonPathRole = Qt::UserRole + 1, JsonTextRole, IsRangeRole };

    static constexpr qsizetype groupSize = 1000;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    // Returns the previous document so that the caller can free a big one off the UI thread.
    // An outline (scanJsonOutline) shows the top level only: its containers are placeholders
    // that cannot be expanded until the whole document replaces it.
    QJsonDocument setDocument(const QJsonDocument &document, bool outline = false);
    // A text that is a single value (42, "scored", true) shows that value as its one item.
    // `holder` is an array holding the value (JsonParse::document).
    QJsonDocument setSingleValue(const QJsonDocument &holder);
    bool isOutline() const { return m_outline; }
    bool isSingleValue() const { return m_singleValue; }
    const QJsonDocument &document() const { return m_document; }

    QModelIndex indexForPath(const QList<qint64> &path);
    // "$.Results.output1.value['Column Names'][0]" style path of a value item.
    QString jsonPath(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool m_outline = false;
    bool m_singleValue = false;

    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        bool isRange = false;
        QJsonValue container;  // range: the container it slices; value: unused
        QString key;           // value in an object: its key
        qint64 position = -1;  // value: position inside its container
        QJsonValue value;      // value: the value
        qint64 begin = 0;      // range or container: the slice of items covered
        qint64 end = 0;
        bool populated = false;
        std::vector<std::unique_ptr<Node>> children;
    };

    QJsonDocument reset(const QJsonDocument &document, bool outline, bool singleValue);
    Node *nodeFor(const QModelIndex &index) const;
    void populate(Node *node) const;
    static qint64 itemCount(const QJsonValue &value);

    QJsonDocument m_document;
    std::unique_ptr<Node> m_root;
};

} // namespace portico::ui
