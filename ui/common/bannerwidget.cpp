// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/bannerwidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace portico::ui {

BannerWidget::BannerWidget(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"bannerWidget"_qs);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_label = new QLabel(this);
    m_label->setObjectName(u"bannerMessageLabel"_qs);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(u"bannerRetryPushButton"_qs);
    m_close = new QPushButton(tr("Dismiss"), this);
    m_close->setObjectName(u"bannerDismissPushButton"_qs);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_close);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_close, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    hide();
}

BannerWidget::~BannerWidget() = default;

void BannerWidget::showMessage(Kind kind, const QString &text, bool retryable)
{
    m_kind = kind;
    m_label->setText(text);
    m_retry->setVisible(retryable);
    QPalette pal = palette();
    switch (kind) {
    case Kind::Information:
        pal.setColor(QPalette::Window, QColor(0xe8, 0xf1, 0xfb));
        break;
    case Kind::Warning:
        pal.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd8));
        break;
    case Kind::Error:
        pal.setColor(QPalette::Window, QColor(0xfb, 0xe3, 0xe3));
        break;
    }
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
    show();
}

void BannerWidget::clear()
{
    m_label->clear();
    hide();
}

void BannerWidget::setRetryText(const QString &text)
{
    m_retry->setText(text);
}

QPushButton *BannerWidget::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    auto *row = static_cast<QHBoxLayout *>(layout());
    row->insertWidget(row->indexOf(m_retry), button);
    connect(button, &QPushButton::clicked, this, &QWidget::hide);
    return button;
}

void BannerWidget::setDismissible(bool dismissible)
{
    m_close->setVisible(dismissible);
}

QString BannerWidget::text() const
{
    return m_label->text();
}

} // namespace portico::ui
