// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/jsonfields.h"

#include <cmath>

namespace portico::core::jsonfields {

Error fieldError(const QString &fieldPath, const QString &problem)
{
    Error error = Error::make(Error::Kind::Protocol,
                              u"Field '%1' %2"_qs.arg(fieldPath, problem), u"InvalidField"_qs);
    error.target = fieldPath;
    return error;
}

Reader::Reader(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{
}

QString Reader::fieldPath(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

void Reader::fail(const QString &fieldPath, const QString &problem)
{
    if (ok())
        m_error = fieldError(fieldPath, problem);
}

void Reader::failWith(const Error &error)
{
    if (ok())
        m_error = error;
}

void Reader::absorb(const Reader &child)
{
    if (!child.ok())
        failWith(child.error());
}

QJsonValue Reader::take(const QString &key, Need need)
{
    m_read.append(key);
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (need == Need::Required)
            fail(fieldPath(key), u"is required but missing"_qs);
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

QString Reader::string(const QString &key, Need need)
{
    const QJsonValue v = take(key, need);
    if (v.isUndefined())
        return {};
    if (!v.isString()) {
        fail(fieldPath(key), u"must be a string"_qs);
        return {};
    }
    return v.toString();
}

std::optional<bool> Reader::boolean(const QString &key, Need need)
{
    const QJsonValue v = take(key, need);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        fail(fieldPath(key), u"must be a boolean"_qs);
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<qint64> Reader::integer(const QString &key, Need need)
{
    const QJsonValue v = take(key, need);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble();
    if (!v.isDouble() || std::trunc(d) != d || std::abs(d) > 9007199254740992.0) {
        fail(fieldPath(key), u"must be an integer"_qs);
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

QStringList Reader::stringList(const QString &key)
{
    QStringList out;
    const QJsonArray items = array(key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString()) {
            fail(fieldPath(key) + u'[' + QString::number(i) + u']', u"must be a string"_qs);
            return {};
        }
        out.append(items.at(i).toString());
    }
    return out;
}

QMap<QString, QString> Reader::stringMap(const QString &key)
{
    QMap<QString, QString> out;
    const QJsonObject items = object(key);
    for (auto it = items.begin(); it != items.end(); ++it) {
        if (!it->isString()) {
            fail(fieldPath(key) + u'.' + it.key(), u"must be a string"_qs);
            return {};
        }
        out.insert(it.key(), it->toString());
    }
    return out;
}

QMap<QString, QStringList> Reader::stringListMap(const QString &key)
{
    QMap<QString, QStringList> out;
    Reader inner(object(key), fieldPath(key));
    const QStringList keys = inner.m_object.keys();
    for (const QString &k : keys)
        out.insert(k, inner.stringList(k));
    if (!inner.ok())
        failWith(inner.error());
    return ok() ? out : QMap<QString, QStringList>();
}

QJsonObject Reader::object(const QString &key, Need need)
{
    const QJsonValue v = take(key, need);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        fail(fieldPath(key), u"must be an object"_qs);
        return {};
    }
    return v.toObject();
}

QJsonArray Reader::array(const QString &key)
{
    const QJsonValue v = take(key, Need::Optional);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        fail(fieldPath(key), u"must be an array"_qs);
        return {};
    }
    return v.toArray();
}

QJsonValue Reader::raw(const QString &key)
{
    return take(key, Need::Optional);
}

QJsonObject Reader::unread() const
{
    QJsonObject out;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_read.contains(it.key()))
            out.insert(it.key(), it.value());
    }
    return out;
}

void putString(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void putBool(QJsonObject &o, const QString &key, std::optional<bool> value)
{
    if (value)
        o.insert(key, *value);
}

void putInt(QJsonObject &o, const QString &key, std::optional<qint64> value)
{
    if (value)
        o.insert(key, *value);
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

void putStringList(QJsonObject &o, const QString &key, const QStringList &value)
{
    if (!value.isEmpty())
        o.insert(key, toArray(value));
}

void putStringMap(QJsonObject &o, const QString &key, const QMap<QString, QString> &value)
{
    if (value.isEmpty())
        return;
    QJsonObject map;
    for (auto it = value.begin(); it != value.end(); ++it)
        map.insert(it.key(), it.value());
    o.insert(key, map);
}

void putObject(QJsonObject &o, const QString &key, const QJsonObject &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void putRaw(QJsonObject &o, const QString &key, const QJsonValue &value)
{
    if (!value.isUndefined() && !value.isNull())
        o.insert(key, value);
}

void mergeUnknown(QJsonObject &known, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!known.contains(it.key()))
            known.insert(it.key(), it.value());
    }
}

Envelope readEnvelope(Reader &top)
{
    Envelope envelope;
    envelope.id = top.string(u"id"_qs);
    envelope.name = top.string(u"name"_qs);
    top.string(u"type"_qs);
    if (envelope.name.isEmpty() && !envelope.id.isEmpty())
        envelope.name = envelope.id.section(u'/', -1);
    return envelope;
}

QJsonObject wrapEnvelope(bool response, const Envelope &envelope, const QString &type,
                         const QJsonObject &properties)
{
    QJsonObject out;
    if (response && !envelope.id.isEmpty()) {
        out.insert(u"id"_qs, envelope.id);
        out.insert(u"type"_qs, type);
        out.insert(u"name"_qs, envelope.name.isEmpty() ? envelope.id.section(u'/', -1) : envelope.name);
    }
    out.insert(u"properties"_qs, properties);
    return out;
}

} // namespace portico::core::jsonfields
