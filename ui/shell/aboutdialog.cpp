// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/shell/aboutdialog.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace portico::ui {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"aboutDialog"_qs);
    setWindowTitle(tr("About Portico"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/portico/icons/portico.svg"_qs).pixmap(64, 64));

    auto *title = new QLabel(this);
    title->setObjectName(u"versionLabel"_qs);
    title->setTextFormat(Qt::PlainText);
    title->setText(tr("Portico %1").arg(QStringLiteral(PORTICO_VERSION_STRING)));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *body = new QLabel(this);
    body->setObjectName(u"descriptionLabel"_qs);
    body->setWordWrap(true);
    body->setText(tr("A desktop console for publishing machine-learning web services through "
                     "Azure API Management and trying them out. Works offline with "
                     "portico-local, and with Azure when you sign in."));

    auto *licence = new QLabel(this);
    licence->setText(tr("Licensed under the Apache License, version 2.0. Built with Qt %1.")
                         .arg(QString::fromLatin1(qVersion())));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(body);
    layout->addWidget(licence);
    layout->addWidget(buttons);
}

} // namespace portico::ui
