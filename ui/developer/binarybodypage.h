// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/developer/responsedata.h"

#include <QByteArrayView>
#include <QWidget>

class QLabel;
class QPushButton;

namespace portico::ui {

// Whether a body is bytes rather than text: its content type says so (application/octet-stream,
// zip, gzip, pdf, protobuf, audio/, video/, font/, images other than SVG), or it declares no
// charset other than UTF-8 and `head` (its first bytes) holds a NUL.
bool isBinaryBody(const ResponseData &response, QByteArrayView head);

// What Pretty shows for a binary body instead of text: its size, and buttons to save it or to
// see it as hexadecimal in Raw.
class BinaryBodyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BinaryBodyPage)

public:
    explicit BinaryBodyPage(QWidget *parent = nullptr);
    ~BinaryBodyPage() override;

    // `kept` is how much of the body history kept when history cut it (maybe 0), or -1 when the
    // body is whole.
    void setBodySize(qint64 bytes, qint64 kept = -1);

Q_SIGNALS:
    void saveRequested();
    void hexRequested();

private:
    QLabel *m_sizeLabel = nullptr;
    QLabel *m_hexLabel = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_hex = nullptr;
};

} // namespace portico::ui
