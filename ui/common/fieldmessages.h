// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class QLabel;
class QWidget;

namespace portico::ui {

// Validation messages shown right below the field they concern. An editor registers each
// field's message label under the names a server may use as an error `target` ("path",
// "properties.path", "urlTemplate"); server ValidationError details then land next to the
// matching field, and whatever matches no field is returned for the editor's banner.
class FieldMessages final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldMessages)

public:
    explicit FieldMessages(QObject *parent = nullptr);
    ~FieldMessages() override;

    // Creates the (hidden) message label for a field; the caller places it in its layout.
    // objectName is e.g. "urlSuffixMessageLabel". `targets` are matched case-insensitively,
    // with and without a "properties." prefix.
    QLabel *addField(const QStringList &targets, const QString &objectName, QWidget *parent);

    void setMessage(const QString &target, const QString &text);
    QString message(const QString &target) const;
    void clear();
    bool hasMessages() const;

    // Places each detail (or the error's own target/message) at its field. Returns the
    // messages that name no registered field.
    QStringList showServerError(const core::Error &error);

private:
    QLabel *labelFor(const QString &target) const;

    QHash<QString, QLabel *> m_labels;
    QList<QLabel *> m_all;
};

} // namespace portico::ui
