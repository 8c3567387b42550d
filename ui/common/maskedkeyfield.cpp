// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/maskedkeyfield.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace portico::ui {

MaskedKeyField::MaskedKeyField(const QString &namePrefix, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(namePrefix + u"MaskedKeyField"_qs);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(namePrefix + u"LineEdit"_qs);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setReadOnly(true);
    m_edit->setAttribute(Qt::WA_InputMethodEnabled, false);

    m_reveal = new QToolButton(this);
    m_reveal->setObjectName(namePrefix + u"RevealToolButton"_qs);
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Show or hide the key"));
    m_reveal->setCheckable(true);

    m_copy = new QToolButton(this);
    m_copy->setObjectName(namePrefix + u"CopyToolButton"_qs);
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the key to the clipboard"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_reveal);
    layout->addWidget(m_copy);
    setFocusProxy(m_edit);

    connect(m_reveal, &QToolButton::toggled, this, &MaskedKeyField::setRevealed);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (m_edit->text().isEmpty())
            return;
        QGuiApplication::clipboard()->setText(m_edit->text());
        Q_EMIT copied();
    });
    connect(m_edit, &QLineEdit::textEdited, this, &MaskedKeyField::secretEdited);
}

MaskedKeyField::~MaskedKeyField() = default;

void MaskedKeyField::setEditable(bool editable)
{
    m_edit->setReadOnly(!editable);
    m_copy->setVisible(!editable);
}

void MaskedKeyField::setSecret(const QString &secret)
{
    m_edit->setText(secret);
}

QString MaskedKeyField::secret() const
{
    return m_edit->text();
}

void MaskedKeyField::clear()
{
    m_edit->clear();
    setRevealed(false);
}

bool MaskedKeyField::isRevealed() const
{
    return m_edit->echoMode() == QLineEdit::Normal;
}

void MaskedKeyField::setRevealed(bool revealed)
{
    m_edit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setChecked(revealed);
    m_reveal->setText(revealed ? tr("Hide") : tr("Show"));
}

} // namespace portico::ui
