// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/binarybodypage.h"

#include "ui/developer/bodytextindexer.h"
#include "ui/developer/bodytextloader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

namespace portico::ui {

bool isBinaryBody(const ResponseData &response, QByteArrayView head)
{
    const QString type = response.contentType();
    static const QStringList binaryTypes {
        u"application/octet-stream"_qs, u"application/zip"_qs,      u"application/gzip"_qs,
        u"application/x-gzip"_qs,       u"application/pdf"_qs,      u"application/x-protobuf"_qs,
        u"application/protobuf"_qs,     u"application/x-tar"_qs,    u"application/x-7z-compressed"_qs,
        u"application/vnd.apache.parquet"_qs,
    };
    if (binaryTypes.contains(type) || type.startsWith(u"audio/"_qs) || type.startsWith(u"video/"_qs)
        || type.startsWith(u"font/"_qs) || (type.startsWith(u"image/"_qs) && !type.contains(u"svg"_qs)))
        return true;
    // UTF-16 and UTF-32 text holds NULs; a body in such a declared charset is text.
    return BodyTextLoader::isUtf8(response.charset()) && head.contains('\0');
}

BinaryBodyPage::BinaryBodyPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"binaryBodyPage"_qs);
    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setObjectName(u"binaryBodyLabel"_qs);
    m_sizeLabel->setAlignment(Qt::AlignCenter);
    m_hexLabel = new QLabel(this);
    m_hexLabel->setObjectName(u"binaryBodyHexLabel"_qs);
    m_hexLabel->setWordWrap(true);
    m_hexLabel->setAlignment(Qt::AlignCenter);
    m_save = new QPushButton(tr("Save Body…"), this);
    m_save->setObjectName(u"binarySaveBodyPushButton"_qs);
    connect(m_save, &QPushButton::clicked, this, &BinaryBodyPage::saveRequested);
    m_hex = new QPushButton(tr("Show Hexadecimal"), this);
    m_hex->setObjectName(u"showHexPushButton"_qs);
    connect(m_hex, &QPushButton::clicked, this, &BinaryBodyPage::hexRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    buttons->addWidget(m_hex);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_sizeLabel);
    layout->addWidget(m_hexLabel);
    layout->addLayout(buttons);
    layout->addStretch();
}

BinaryBodyPage::~BinaryBodyPage() = default;

void BinaryBodyPage::setBodySize(qint64 bytes, qint64 kept)
{
    // History keeps at most the first MiB of a body: the page offers only the part it kept.
    const bool cut = kept >= 0;
    m_save->setText(cut ? tr("Save Kept Part…") : tr("Save Body…"));
    m_save->setEnabled(!cut || kept > 0);
    m_hex->setEnabled(!cut || kept > 0);
    m_sizeLabel->setText(bytes <= std::numeric_limits<int>::max()
                                 ? tr("Binary body, %n byte(s).", nullptr, int(bytes))
                                 : tr("Binary body, %1.").arg(QLocale().formattedDataSize(bytes)));
    const QLocale locale;
    m_hexLabel->setText(
            cut && kept == 0 ? tr("History kept none of this body; send the request again to see it.")
            : cut ? tr("History kept only the first %1 of this body; Raw shows it as hexadecimal and "
                       "Save Kept Part… writes that part to a file.")
                            .arg(locale.formattedDataSize(kept))
            : bytes > BodyTextIndexer::hexLimit
                    ? tr("Raw shows the first %1 as hexadecimal; Save Body… writes all of it to "
                         "a file.")
                              .arg(QLocale().formattedDataSize(BodyTextIndexer::hexLimit))
                    : tr("Raw shows it as hexadecimal; Save Body… writes it to a file."));
}

} // namespace portico::ui
