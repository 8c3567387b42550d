// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSet>
#include <QString>

#include <utility>

namespace portico::local {

// The subscription keys a gateway snapshot knows, so that the usage log can mask them in what
// it stores. A key may be any 1-256 characters (APIM lets publishers choose them), so it may
// hold the very characters that split a URL (`ab/cd`, `k&y=1`, `a%2Fb`, `a+b`).
//
// A text is searched as sent and percent-decoded once, twice, up to kDecodeRounds times (`%2F`,
// `%252F`), compared ASCII case-insensitively and with '+' and ' ' alike. It is split into parts
// at the delimiters `/ ? & = ; , +` (also percent-encoded; a space, also a decoded one, counts
// as '+'); a text in words (a blocked reason) also at whitespace, quotes, brackets, ':', '.' and
// '!'. A key of at least kMinContainedKeyLength bytes is masked wherever it stands, also across
// delimiters (`%22KEY%22`, `Bearer%20KEY`, `KEY.json`, `user:KEY`); a shorter key only where it
// cuts no run of ASCII letters and digits in two, in the text as sent or decoded (`%22abc%22`,
// `abc.json`, `user:abc`, `abc-1`), so that a 3-letter key does not mask every word that happens
// to hold it (`/items/` survives a key `ite`, `?y=ab/cde` a key `ab/cd`: the key's last letters
// go on). A match is widened to the whole parts it touches (as the text was sent: delimiters,
// also percent-encoded ones, end a part), and only those bytes are replaced by
// core::secretMask: every other byte stays as sent, UTF-8 or not. A key made of delimiters only
// masks each of them. The work per text is linear in its length times the number of distinct
// key lengths.
class KnownKeys
{
public:
    static constexpr qsizetype kMinContainedKeyLength = 8;
    using Span = std::pair<qsizetype, qsizetype>; // [begin, end) of the text as sent

    void insert(QByteArrayView key);
    bool isEmpty() const { return m_keys.isEmpty(); }

    // A request target as sent, with every known key masked. Shares `target` when none is in it.
    QByteArray masked(const QByteArray &target) const;
    // The same for a text in words (a blocked reason).
    QString masked(const QString &text) const;
    // What masked() replaces in a request target: ascending, disjoint, not touching.
    QList<Span> spansIn(QByteArrayView target) const { return spans(target, false); }

private:

    struct LengthGroup
    {
        qsizetype length = 0;
        quint64 power = 1; // kBase^(length - 1), to roll a window's hash on by one byte
        QList<quint64> hashes; // of this length's keys
        int filterBits = 12; // log2 of the filter's size: at least 16 bits a key, so that few
                             // windows that are no key pass it (a set of ~2,000 subscriptions)
        QList<quint64> filter = QList<quint64>(64, 0); // which rolling hashes a key of this length has
    };

    QList<Span> spans(QByteArrayView text, bool words) const;

    QSet<QByteArray> m_keys; // folded: ASCII lower-cased, ' ' as '+'
    QList<LengthGroup> m_groups; // one per distinct key length, ascending
};

} // namespace portico::local
