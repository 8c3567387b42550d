// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/management/fieldvalidator.h"

#include <QJsonArray>

namespace portico::local {

FieldValidator::FieldValidator(const QJsonObject &input, QJsonObject &output)
    : m_input(input)
    , m_output(output)
{
}

void FieldValidator::fail(const QString &target, const QString &message)
{
    m_details.append(core::ErrorDetail { u"ValidationError"_qs, message, target });
}

bool FieldValidator::present(const char *name, QJsonValue *value) const
{
    const auto it = m_input.constFind(QLatin1StringView(name));
    if (it == m_input.constEnd())
        return false;
    *value = *it;
    return true;
}

bool FieldValidator::presentNotNull(const char *name, QJsonValue *value)
{
    if (!present(name, value))
        return false;
    if (!value->isNull())
        return true;
    m_output.remove(QLatin1StringView(name));
    return false;
}

std::optional<QJsonValue> FieldValidator::typed(const char *name,
                                                bool (QJsonValue::*isType)() const,
                                                const char *what)
{
    QJsonValue value;
    if (!presentNotNull(name, &value))
        return std::nullopt;
    if (!(value.*isType)()) {
        const QString field = QString::fromLatin1(name);
        fail(field, u"The field '%1' must be %2."_qs.arg(field, QLatin1StringView(what)));
        return std::nullopt;
    }
    return value;
}

bool FieldValidator::has(const char *name) const
{
    return m_output.contains(QLatin1StringView(name));
}

void FieldValidator::string(const char *name, int minLength, int maxLength,
                            const QRegularExpression &pattern)
{
    const std::optional<QJsonValue> value = typed(name, &QJsonValue::isString, "a string");
    if (!value)
        return;
    const QString field = QString::fromLatin1(name);
    const QString text = value->toString();
    if (text.size() < minLength || text.size() > maxLength)
        return fail(field, minLength == 0
                               ? u"The field '%1' must be at most %2 characters long."_qs.arg(field)
                                     .arg(maxLength)
                               : u"The field '%1' must be between %2 and %3 characters long."_qs
                                     .arg(field)
                                     .arg(minLength)
                                     .arg(maxLength));
    if (pattern.isValid() && !pattern.pattern().isEmpty() && !pattern.match(text).hasMatch())
        return fail(field, u"The field '%1' must match the pattern '%2'."_qs.arg(field, pattern.pattern()));
    m_output.insert(field, text);
}

void FieldValidator::boolean(const char *name)
{
    if (const std::optional<QJsonValue> value = typed(name, &QJsonValue::isBool, "true or false"))
        m_output.insert(QString::fromLatin1(name), *value);
}

void FieldValidator::integer(const char *name, qint64 minimum, qint64 maximum)
{
    QJsonValue value;
    if (!present(name, &value))
        return;
    const QString field = QString::fromLatin1(name);
    if (value.isNull())
        return void(m_output.insert(field, QJsonValue::Null));
    const double number = value.toDouble();
    if (!value.isDouble() || number != double(qint64(number)) || number < double(minimum)
        || number > double(maximum))
        return fail(field, u"The field '%1' must be a whole number from %2 to %3."_qs.arg(field)
                               .arg(minimum)
                               .arg(maximum));
    m_output.insert(field, qint64(number));
}

void FieldValidator::choice(const char *name, const QStringList &values)
{
    QJsonValue value;
    if (!presentNotNull(name, &value))
        return;
    const QString field = QString::fromLatin1(name);
    for (const QString &allowed : values)
        if (value.isString() && value.toString().compare(allowed, Qt::CaseInsensitive) == 0)
            return void(m_output.insert(field, allowed));
    fail(field, u"The field '%1' must be one of: %2."_qs.arg(field, values.join(u", "_qs)));
}

void FieldValidator::choices(const char *name, const QStringList &values)
{
    QJsonValue value;
    if (!present(name, &value))
        return;
    const QString field = QString::fromLatin1(name);
    if (!value.isArray())
        return fail(field, u"The field '%1' must be an array."_qs.arg(field));
    QJsonArray normalised;
    for (const QJsonValue &item : value.toArray()) {
        bool found = false;
        for (const QString &allowed : values) {
            if (item.isString() && item.toString().compare(allowed, Qt::CaseInsensitive) == 0) {
                normalised.append(allowed);
                found = true;
                break;
            }
        }
        if (!found)
            return fail(field, u"Every value of '%1' must be one of: %2."_qs.arg(
                                   field, values.join(u", "_qs)));
    }
    m_output.insert(field, normalised);
}

void FieldValidator::object(const char *name)
{
    if (const std::optional<QJsonValue> value = typed(name, &QJsonValue::isObject, "an object"))
        m_output.insert(QString::fromLatin1(name), *value);
}

void FieldValidator::array(const char *name, int maxItems)
{
    const std::optional<QJsonValue> value = typed(name, &QJsonValue::isArray, "an array");
    if (!value)
        return;
    const QString field = QString::fromLatin1(name);
    if (maxItems >= 0 && value->toArray().size() > maxItems)
        return fail(field, u"The field '%1' can hold at most %2 items."_qs.arg(field).arg(maxItems));
    m_output.insert(field, *value);
}

void FieldValidator::require(const char *name)
{
    const QString field = QString::fromLatin1(name);
    for (const core::ErrorDetail &detail : std::as_const(m_details))
        if (detail.target == field)
            return;
    if (!m_output.contains(field))
        fail(field, u"The field '%1' is required."_qs.arg(field));
}

void FieldValidator::defaultValue(const char *name, const QJsonValue &value)
{
    if (!m_output.contains(QLatin1StringView(name)))
        m_output.insert(QLatin1StringView(name), value);
}

} // namespace portico::local
