// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/jsontreesearch.h"

#include "ui/developer/jsonparse.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <limits>

namespace portico::ui {

namespace {

struct Search
{
    QString needle;
    qsizetype limit;
    const std::atomic<bool> *cancelled;
    QList<qint64> path;
    QList<QList<qint64>> matches;

    bool done() const
    {
        return matches.size() >= limit || (cancelled && cancelled->load(std::memory_order_relaxed));
    }

    bool scalarMatches(const QJsonValue &value) const
    {
        if (value.isObject() || value.isArray())
            return false;
        return jsonScalarText(value).contains(needle, Qt::CaseInsensitive);
    }

    void visit(const QJsonValue &value, const QString *key)
    {
        if (done())
            return;
        if ((key && key->contains(needle, Qt::CaseInsensitive)) || scalarMatches(value))
            matches.append(path);
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            qint64 i = 0;
            for (auto it = object.constBegin(); it != object.constEnd() && !done(); ++it, ++i) {
                path.append(i);
                const QString childKey = it.key();
                visit(it.value(), &childKey);
                path.removeLast();
            }
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qint64 i = 0; i < array.size() && !done(); ++i) {
                path.append(i);
                visit(array.at(i), nullptr);
                path.removeLast();
            }
        }
    }
};

} // namespace

QString jsonScalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        QString number;
        return jsonNumberSource(value, &number) ? number : jsonStringText(value);
    }
    case QJsonValue::Bool: return value.toBool() ? u"true"_qs : u"false"_qs;
    case QJsonValue::Null: return u"null"_qs;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Integers Qt kept as qint64 (beyond 2^53 too) read exactly.
        const qint64 asInteger = value.toInteger(std::numeric_limits<qint64>::min());
        if (asInteger != std::numeric_limits<qint64>::min() && double(asInteger) == d)
            return QString::number(asInteger);
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    default: return {};
    }
}

QList<QList<qint64>> searchJson(const QJsonValue &root, const QString &needle, qsizetype limit,
                                const std::atomic<bool> *cancelled)
{
    if (needle.isEmpty())
        return {};
    Search search { needle, limit, cancelled, {}, {} };
    search.visit(root, nullptr);
    // The root itself is not an item of the tree.
    if (!search.matches.isEmpty() && search.matches.first().isEmpty())
        search.matches.removeFirst();
    return search.matches;
}

} // namespace portico::ui
