// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/secretheaderdelegate.h"

#include "core/tryit/secretredaction.h"

#include <QLineEdit>

namespace portico::ui {

SecretHeaderDelegate::SecretHeaderDelegate(QObject *parent)
    : ReentryHintDelegate(parent)
{
}

SecretHeaderDelegate::~SecretHeaderDelegate() = default;

void SecretHeaderDelegate::setExtraSecretNames(const QStringList &names)
{
    m_extraNames = names;
    m_extraNames.removeAll(QString());
}

void SecretHeaderDelegate::setRevealed(bool revealed)
{
    m_revealed = revealed;
}

bool SecretHeaderDelegate::isSecretRow(const QModelIndex &index) const
{
    const QString name = index.sibling(index.row(), 0).data(Qt::DisplayRole).toString().trimmed();
    return !name.isEmpty() && core::isSecretHeader(name.toLatin1(), m_extraNames);
}

QString SecretHeaderDelegate::shownText(const QModelIndex &index) const
{
    const QString value = index.data(Qt::DisplayRole).toString();
    if (m_revealed || value.isEmpty() || !isSecretRow(index))
        return value;
    // Masked as the preview masks it: "Bearer ••••••••" keeps the scheme, nothing else.
    const QByteArray name = index.sibling(index.row(), 0).data(Qt::DisplayRole).toString().trimmed().toLatin1();
    const core::HeaderList masked = core::redactHeaders({ { name, value.toUtf8() } }, m_extraNames);
    return QString::fromUtf8(masked.value(0).second);
}

QWidget *SecretHeaderDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    QWidget *editor = ReentryHintDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && !m_revealed && isSecretRow(index))
        line->setEchoMode(QLineEdit::Password);
    return editor;
}

void SecretHeaderDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    ReentryHintDelegate::initStyleOption(option, index);
    if (option->features & QStyleOptionViewItem::HasDisplay)
        option->text = shownText(index);
}

} // namespace portico::ui
