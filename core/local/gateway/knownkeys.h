// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>
#include <QString>

namespace portico::local {

// The subscription keys a gateway snapshot knows, so that the usage log can mask them in what
// it stores. A text is split once into tokens at its ends and at the delimiters
// `/ ? & = ; , +` (also percent-encoded, or encoded again: `%3D`, `%253D`); a token is a key
// when, percent-decoded a few times and lower-cased (ASCII), it equals a known key lower-cased.
// Only such a token's bytes are replaced, by core::secretMask; every other byte stays as sent.
// A key of any length is masked as a whole token, never as a part of a longer one.
class KnownKeys
{
public:
    void insert(QByteArrayView key);
    bool isEmpty() const { return m_keys.isEmpty(); }

    // A request target as sent, with every known key masked. Shares `target` when none is in it.
    QByteArray masked(const QByteArray &target) const;
    // The same for a text in words (a blocked reason): whitespace, quotes, brackets and ':' end
    // a token too.
    QString masked(const QString &text) const;

private:
    bool isKey(QByteArrayView rawToken) const;

    QSet<QByteArray> m_keys; // ASCII lower-cased
    qsizetype m_shortest = 0;
    qsizetype m_longest = 0;
};

} // namespace portico::local
