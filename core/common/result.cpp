// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/result.h"

namespace portico::core {

Error Error::make(Kind kind, QString message, QString code)
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.code = std::move(code);
    return e;
}

QString Error::toString() const
{
    QString text = message;
    if (!code.isEmpty())
        text = code + u": "_qs + text;
    if (httpStatus != 0)
        text = QString::number(httpStatus) + u' ' + text;
    for (const ErrorDetail &detail : details) {
        text += u"\n  "_qs;
        if (!detail.target.isEmpty())
            text += detail.target + u": "_qs;
        text += detail.message;
    }
    return text;
}

} // namespace portico::core
