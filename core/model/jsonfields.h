// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal helpers shared by the fromJson()/toJson() of the model types. Not for use outside
// core/model: callers use the model types' own functions.

#include "core/common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <optional>

namespace portico::core::jsonfields {

// Reads typed fields from one JSON object and remembers the first problem. JSON null counts as
// absent (ARM sends null for unset optional fields). A wrong type or a missing required field
// becomes an Error of kind Protocol whose target is the full field path ("properties.sku.name").
// Keys that were never read are available through unread(), so that types can keep fields they
// do not model across a read-modify-write.
class Reader
{
public:
    enum class Need { Optional, Required };

    Reader(const QJsonObject &object, QString path);

    QString string(const QString &key, Need need = Need::Optional);
    std::optional<bool> boolean(const QString &key, Need need = Need::Optional);
    std::optional<qint64> integer(const QString &key, Need need = Need::Optional);
    QStringList stringList(const QString &key);
    QMap<QString, QString> stringMap(const QString &key);
    QMap<QString, QStringList> stringListMap(const QString &key);
    QJsonObject object(const QString &key, Need need = Need::Optional);
    QJsonArray array(const QString &key);
    // Any JSON value, kept as is (read-only server data the model does not interpret).
    QJsonValue raw(const QString &key);

    // Reads an array of objects with T::fromJson(object, path).
    template <typename T>
    QList<T> list(const QString &key)
    {
        QList<T> out;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size() && ok(); ++i) {
            const QString itemPath = fieldPath(key) + u'[' + QString::number(i) + u']';
            if (!items.at(i).isObject()) {
                fail(itemPath, u"must be an object"_qs);
                break;
            }
            auto item = T::fromJson(items.at(i).toObject(), itemPath);
            if (!item.ok()) {
                failWith(item.error());
                break;
            }
            out.append(std::move(item).value());
        }
        return out;
    }

    // The object's keys that no accessor has read, with their values.
    QJsonObject unread() const;
    QString fieldPath(const QString &key) const;
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }
    void fail(const QString &fieldPath, const QString &problem);
    void failWith(const Error &error);
    // Takes over a nested reader's problem, if any (call right after reading the nested object).
    void absorb(const Reader &child);

private:
    // The value at key, or an undefined value when absent or null; records the key as read.
    QJsonValue take(const QString &key, Need need);

    QJsonObject m_object;
    QString m_path;
    QStringList m_read;
    std::optional<Error> m_error;
};

// An Error of kind Protocol naming the field; message "Field '<path>' <problem>".
Error fieldError(const QString &fieldPath, const QString &problem);

// Writers that leave out what is empty; toJson() implementations use them to omit unset
// optional fields.
void putString(QJsonObject &o, const QString &key, const QString &value);
void putBool(QJsonObject &o, const QString &key, std::optional<bool> value);
void putInt(QJsonObject &o, const QString &key, std::optional<qint64> value);
void putStringList(QJsonObject &o, const QString &key, const QStringList &value);
void putStringMap(QJsonObject &o, const QString &key, const QMap<QString, QString> &value);
void putObject(QJsonObject &o, const QString &key, const QJsonObject &value);
void putRaw(QJsonObject &o, const QString &key, const QJsonValue &value);
QJsonArray toArray(const QStringList &list);

template <typename T>
QJsonArray toArray(const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(item.toJson());
    return out;
}

// Keys of `extra` that `known` does not already have are copied into it.
void mergeUnknown(QJsonObject &known, const QJsonObject &extra);

// The ARM single-entity envelope (apim-protocol.md §4.1): reads id and name (type is fixed per
// entity and not kept) and hands out a Reader for "properties".
struct Envelope
{
    QString id;
    QString name;
};
Envelope readEnvelope(Reader &top);
// Wraps properties in {id, type, name, properties} for the Response shape (id/type/name only
// when id is set), or {properties} for the Request shape.
QJsonObject wrapEnvelope(bool response, const Envelope &envelope, const QString &type,
                         const QJsonObject &properties);

} // namespace portico::core::jsonfields
