// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsontreemodel.h"

#include "ui/developer/jsonparse.h"
#include "ui/developer/jsontreesearch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace portico::ui {

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    setDocument(QJsonDocument());
}

JsonTreeModel::~JsonTreeModel() = default;

qint64 JsonTreeModel::itemCount(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().size();
    if (value.isArray())
        return value.toArray().size();
    return 0;
}

QJsonDocument JsonTreeModel::setSingleValue(const QJsonDocument &holder)
{
    return reset(holder, false, holder.isArray() && holder.array().size() == 1);
}

QJsonDocument JsonTreeModel::setDocument(const QJsonDocument &document, bool outline)
{
    return reset(document, outline, false);
}

QJsonDocument JsonTreeModel::reset(const QJsonDocument &document, bool outline, bool singleValue)
{
    beginResetModel();
    m_outline = outline;
    m_singleValue = singleValue;
    QJsonDocument previous = std::exchange(m_document, document);
    m_root = std::make_unique<Node>();
    if (document.isObject())
        m_root->value = document.object();
    else if (document.isArray())
        m_root->value = document.array();
    m_root->begin = 0;
    m_root->end = itemCount(m_root->value);
    endResetModel();
    return previous;
}

JsonTreeModel::Node *JsonTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

void JsonTreeModel::populate(Node *node) const
{
    if (node->populated)
        return;
    node->populated = true;
    const QJsonValue &container = node->isRange ? node->container : node->value;
    if (!container.isObject() && !container.isArray())
        return;
    const qint64 begin = node->isRange ? node->begin : 0;
    const qint64 end = node->isRange ? node->end : itemCount(container);
    const qint64 count = end - begin;
    if (count > groupSize) {
        qint64 span = groupSize;
        while (count / span > groupSize)
            span *= groupSize;
        int row = 0;
        for (qint64 from = begin; from < end; from += span) {
            auto child = std::make_unique<Node>();
            child->parent = node;
            child->row = row++;
            child->isRange = true;
            child->container = container;
            child->begin = from;
            child->end = qMin(end, from + span);
            node->children.push_back(std::move(child));
        }
        return;
    }
    node->children.reserve(size_t(count));
    const QJsonObject object = container.toObject();
    const QJsonArray array = container.toArray();
    for (qint64 i = begin; i < end; ++i) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(i - begin);
        child->position = i;
        if (container.isObject()) {
            const auto it = object.constBegin() + i;
            child->key = it.key();
            child->value = it.value();
        } else {
            child->value = array.at(i);
        }
        child->end = itemCount(child->value);
        node->children.push_back(std::move(child));
    }
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= int(Column::Count))
        return {};
    Node *node = nodeFor(parent);
    populate(node);
    if (size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *node = nodeFor(child);
    if (!node->parent || node->parent == m_root.get())
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && (parent.column() != 0 || m_outline))
        return 0;
    Node *node = nodeFor(parent);
    populate(node);
    return int(node->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return int(Column::Count);
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && (parent.column() != 0 || m_outline))
        return false;
    const Node *node = nodeFor(parent);
    if (node->isRange)
        return node->end > node->begin;
    return itemCount(node->value) > 0;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    const auto column = Column(index.column());
    if (role == IsRangeRole)
        return node->isRange;
    if (role == JsonPathRole)
        return jsonPath(index);
    if (role == JsonTextRole)
        return node->isRange ? QVariant() : QVariant(jsonCompactText(node->value));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};

    if (node->isRange) {
        if (column == Column::Key)
            return tr("[%1 … %2]").arg(node->begin).arg(node->end - 1);
        if (column == Column::Value)
            return tr("%n item(s)", nullptr, int(node->end - node->begin));
        return {};
    }
    switch (column) {
    case Column::Key:
        if (m_singleValue)
            return QString();
        return node->parent && node->parent->isRange
                        ? (node->parent->container.isObject() ? node->key
                                                              : QString::number(node->position))
                : node->parent && node->parent->value.isObject()
                ? node->key
                : QString::number(node->position);
    case Column::Value:
        if (m_outline && (node->value.isObject() || node->value.isArray()))
            return node->value.isObject() ? tr("{…} reading…") : tr("[…] reading…");
        if (node->value.isObject())
            return tr("{…} %n key(s)", nullptr, int(itemCount(node->value)));
        if (node->value.isArray())
            return tr("[…] %n item(s)", nullptr, int(itemCount(node->value)));
        if (role == Qt::DisplayRole && node->value.isString()) {
            const QString text = jsonScalarText(node->value);
            return text.size() > 500 ? text.left(500) + QStringLiteral("\u2026") : text;
        }
        return jsonScalarText(node->value);
    case Column::Type:
        switch (node->value.type()) {
        case QJsonValue::Object: return tr("object");
        case QJsonValue::Array: return tr("array");
        case QJsonValue::String: return jsonNumberSource(node->value) ? tr("number") : tr("string");
        case QJsonValue::Double: return tr("number");
        case QJsonValue::Bool: return tr("boolean");
        case QJsonValue::Null: return tr("null");
        default: return {};
        }
    default: return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Key: return tr("Key");
    case Column::Value: return tr("Value");
    case Column::Type: return tr("Type");
    default: return {};
    }
}

QString JsonTreeModel::jsonPath(const QModelIndex &index) const
{
    static const QRegularExpression identifier(u"^[A-Za-z_$][A-Za-z0-9_$]*$"_qs);
    if (m_singleValue)
        return u"$"_qs; // the value is the whole document
    QStringList parts;
    for (const Node *node = nodeFor(index); node && node != m_root.get(); node = node->parent) {
        if (node->isRange)
            continue;
        const Node *owner = node->parent;
        while (owner && owner->isRange)
            owner = owner->parent;
        const bool inObject = owner && (owner == m_root.get() ? m_root->value.isObject()
                                                               : owner->value.isObject());
        if (!inObject) {
            parts.prepend(u'[' + QString::number(node->position) + u']');
        } else if (identifier.match(node->key).hasMatch()) {
            parts.prepend(u'.' + node->key);
        } else {
            QString escaped = node->key;
            escaped.replace(u'\\', u"\\\\"_qs).replace(u'\'', u"\\'"_qs);
            parts.prepend(u"['"_qs + escaped + u"']"_qs);
        }
    }
    return u'$' + parts.join(QString());
}

QModelIndex JsonTreeModel::indexForPath(const QList<qint64> &path)
{
    Node *node = m_root.get();
    QModelIndex index;
    for (const qint64 position : path) {
        // Descend through ranges until the node whose children are values.
        for (;;) {
            populate(node);
            if (node->children.empty())
                return {};
            Node *first = node->children.front().get();
            if (!first->isRange)
                break;
            Node *range = nullptr;
            for (const auto &child : node->children) {
                if (position >= child->begin && position < child->end) {
                    range = child.get();
                    break;
                }
            }
            if (!range)
                return {};
            index = createIndex(range->row, 0, range);
            node = range;
        }
        const qint64 row = position - (node->isRange ? node->begin : 0);
        if (row < 0 || size_t(row) >= node->children.size())
            return {};
        node = node->children[size_t(row)].get();
        index = createIndex(node->row, 0, node);
    }
    return index;
}

} // namespace portico::ui
