// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace portico::local {

// Validates ARM `properties` field by field against the rules of apim-protocol.md §3 and §5.
// Known fields are copied from `input` into `output` (so unknown fields are ignored, as ARM
// does); every violation becomes one ValidationError detail whose target is the field name.
// For PATCH, start `output` from the stored properties and call require() afterwards: the
// merged result must still hold every required field.
class FieldValidator final
{
public:
    FieldValidator(const QJsonObject &input, QJsonObject &output);

    void string(const char *name, int minLength, int maxLength,
                const QRegularExpression &pattern = {});
    void boolean(const char *name);
    void integer(const char *name, qint64 minimum, qint64 maximum);
    void choice(const char *name, const QStringList &values);
    void choices(const char *name, const QStringList &values); // an array of choice values
    void object(const char *name);                              // copied as given
    void array(const char *name, int maxItems = -1);            // copied as given
    void require(const char *name);
    void fail(const QString &target, const QString &message);
    // Sets `name` in output if neither input nor output has it.
    void defaultValue(const char *name, const QJsonValue &value);

    bool has(const char *name) const;
    bool ok() const { return m_details.isEmpty(); }
    const QList<core::ErrorDetail> &details() const { return m_details; }

private:
    bool present(const char *name, QJsonValue *value) const;
    // Like present(), but a null value removes the field from the output (null clears a field)
    // and counts as absent.
    bool presentNotNull(const char *name, QJsonValue *value);
    // The value of a field that is present, not null and of the type `isType` accepts; a value
    // of another type fails with "The field '<name>' must be <what>.".
    std::optional<QJsonValue> typed(const char *name, bool (QJsonValue::*isType)() const,
                                    const char *what);

    const QJsonObject &m_input;
    QJsonObject &m_output;
    QList<core::ErrorDetail> m_details;
};

} // namespace portico::local
