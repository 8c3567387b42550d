// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers for the model round-trip tests: JSON literals in, readable diffs out.

#include "core/common/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace portico::test {

// Parses a JSON object literal; an invalid literal is a bug in the test and aborts loudly.
inline QJsonObject jsonObject(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("bad JSON literal in test at %d: %s", int(error.offset), qPrintable(error.errorString()));
    return doc.object();
}

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace portico::test

// Compares JSON objects and prints both sides compactly when they differ.
#define PORTICO_COMPARE_JSON(actual, expected)                                                   \
    do {                                                                                         \
        const QJsonObject a_ = (actual);                                                         \
        const QJsonObject e_ = (expected);                                                       \
        if (a_ != e_)                                                                            \
            QFAIL(qPrintable(u"JSON differs\n   actual: %1\n expected: %2"_qs.arg(               \
                QString::fromUtf8(portico::test::compact(a_)),                                   \
                QString::fromUtf8(portico::test::compact(e_)))));                                \
    } while (false)

// Verifies a Result is ok, printing its error otherwise.
#define PORTICO_VERIFY_OK(result)                                                                \
    QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().toString()))
