// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSet>
#include <QString>

namespace portico::local {

// The subscription keys a gateway snapshot knows, so that the usage log can mask them in what
// it stores. A text is split once into tokens at its ends and at the delimiters
// `/ ? & = ; , +` (also percent-encoded, or encoded again: `%3D`, `%253D`); a token is a key
// when, percent-decoded a few times and lower-cased (ASCII), it equals a known key lower-cased.
// A token is masked too when its decoded, lower-cased form contains a known key of at least
// kMinContainedKeyLength characters (`%22KEY%22`, `Bearer%20KEY`, `KEY.json`, `user:KEY`); a
// shorter key only as a whole token, so that a 4-letter key does not mask every path segment
// that happens to hold it. Only such a token's bytes are replaced, by core::secretMask; every
// other byte stays as sent. The work per text is linear in its length times the number of
// distinct long-key lengths (generated keys all have 32 characters), not in the number of keys.
class KnownKeys
{
public:
    static constexpr qsizetype kMinContainedKeyLength = 8;

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
    QList<qsizetype> m_longLengths; // distinct lengths >= kMinContainedKeyLength, ascending
};

} // namespace portico::local
