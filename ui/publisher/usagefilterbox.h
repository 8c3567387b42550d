// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QComboBox;

namespace portico::ui {

// Which calls the usage dashboard shows: all of them, or those of one API, one product or one
// subscription (the reports' `$filter` with `apiId`, `productId` or `subscriptionId eq`). One at a
// time: API Management does not combine product and subscription in one report filter. The
// owner fills the choices from the service's lists; the choice is kept across refills while it
// still exists.
class UsageFilterBox final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageFilterBox)

public:
    enum class Kind { Api, Product, Subscription };
    Q_ENUM(Kind)
    using Choices = QList<QPair<QString, QString>>; // id, display name

    explicit UsageFilterBox(QWidget *parent = nullptr);
    ~UsageFilterBox() override;

    void setChoices(Kind kind, const Choices &choices);
    // Picks a choice by kind and id ("" id: all calls); false when there is no such choice.
    bool select(Kind kind, const QString &id);
    void selectAll();
    bool isFiltered() const;
    // The `$filter` clause for the choice ("apiId eq '/apis/x'"), empty for all calls.
    QString clause() const;

Q_SIGNALS:
    // The user (or select()) picked another choice.
    void changed();

private:
    void rebuild();

    QComboBox *m_combo = nullptr;
    Choices m_choices[3];
};

} // namespace portico::ui
