// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/constanttime.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace portico::core {

bool constantTimeEquals(QByteArrayView presented, QByteArrayView expected)
{
    unsigned char diff = presented.size() == expected.size() ? 0 : 1;
    const qsizetype n = expected.size();
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char p = i < presented.size() ? static_cast<unsigned char>(presented[i]) : 0;
        diff |= p ^ static_cast<unsigned char>(expected[i]);
    }
    return diff == 0;
}

QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    for (int i = (bytes / 4) * 4; i < bytes; ++i)
        raw[i] = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace portico::core
