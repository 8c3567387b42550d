// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// What the usage log stores of a URL or a blocked reason when a subscription key is in it: the
// key masked however it was written (APIM lets publishers choose keys, so a key may hold '/',
// '&', '=', '%', '+', ';' or '.'), every other byte as sent.

#include "core/local/gateway/knownkeys.h"
#include "core/tryit/secretredaction.h"

#include <QTest>

using namespace portico::local;

namespace {

KnownKeys knownKeys(const QStringList &keys)
{
    KnownKeys known;
    for (const QString &key : keys)
        known.insert(key.toUtf8());
    return known;
}

} // namespace

class TestKnownKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targetKeepsEverythingButTheKey_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("logged"); // MASK stands for the mask

        QTest::newRow("short keys as whole parts only") << QStringList { u"ite"_qs, u"tems"_qs }
            << QByteArray("/items/nm9?q=ite&r=tems&s=items") << QByteArray("/items/nm9?q=MASK&r=MASK&s=items");
        // A short key ends where ASCII letters and digits do, at every decoding level: in JSON,
        // a file name, after "user:", before '-'; a decoded space after it stays as sent.
        QTest::newRow("short key quoted in encoded JSON") << QStringList { u"abc"_qs }
            << QByteArray("/p?filter=%7B%22key%22%3A%22abc%22%7D&n=1") << QByteArray("/p?filter=MASK&n=1");
        QTest::newRow("short key as a file name") << QStringList { u"abc"_qs }
            << QByteArray("/keys/abc.json") << QByteArray("/keys/MASK");
        QTest::newRow("short key after 'user:'") << QStringList { u"abc"_qs }
            << QByteArray("/p?auth=user:abc") << QByteArray("/p?auth=MASK");
        QTest::newRow("short key before '-'") << QStringList { u"abc"_qs }
            << QByteArray("/p?x=abc-1") << QByteArray("/p?x=MASK");
        QTest::newRow("short key before an encoded space") << QStringList { u"abc"_qs }
            << QByteArray("/p?q=abc%20def") << QByteArray("/p?q=MASK%20def");
        QTest::newRow("short key inside letters and digits") << QStringList { u"abc"_qs }
            << QByteArray("/abcd/xabc/p?q=abc1&r=%2561bc2") << QByteArray("/abcd/xabc/p?q=abc1&r=%2561bc2");
        QTest::newRow("'/' in a short key, in the path") << QStringList { u"ab/cd"_qs }
            << QByteArray("/echo/items/ab/cd?x=1") << QByteArray("/echo/items/MASK?x=1");
        QTest::newRow("'/' in a short key, encoded") << QStringList { u"ab/cd"_qs }
            << QByteArray("/echo/items/x?k=ab%2Fcd&y=2") << QByteArray("/echo/items/x?k=MASK&y=2");
        QTest::newRow("'/' in a short key, encoded twice, upper-cased") << QStringList { u"ab/cd"_qs }
            << QByteArray("/echo/items/x?k=AB%252fCD") << QByteArray("/echo/items/x?k=MASK");
        QTest::newRow("short key with '/' inside longer parts") << QStringList { u"ab/cd"_qs }
            << QByteArray("/xab/cdx/ab/cdx") << QByteArray("/xab/cdx/ab/cdx");
        QTest::newRow("'&' and '=' in a short key, encoded") << QStringList { u"k&y=1"_qs }
            << QByteArray("/e?q=k%26y%3D1&z=2") << QByteArray("/e?q=MASK&z=2");
        QTest::newRow("'&' and '=' in a short key, as sent") << QStringList { u"k&y=1"_qs }
            << QByteArray("/e?q=k&y=1&z=2") << QByteArray("/e?q=MASK&z=2");
        QTest::newRow("'&' in a short key, encoded twice") << QStringList { u"k&y"_qs }
            << QByteArray("/e?q=k%2526y") << QByteArray("/e?q=MASK");
        QTest::newRow("';' in a short key") << QStringList { u"k;y"_qs }
            << QByteArray("/e?q=k;y&z=1") << QByteArray("/e?q=MASK&z=1");
        QTest::newRow("'.' in a short key") << QStringList { u"a.b"_qs }
            << QByteArray("/files/a.b?x=a.bc") << QByteArray("/files/MASK?x=a.bc");
        QTest::newRow("'+' in a short key") << QStringList { u"a+b"_qs }
            << QByteArray("/p?q=a%2Bb&r=a+b&s=a+bc") << QByteArray("/p?q=MASK&r=MASK&s=a+bc");
        QTest::newRow("space in a short key") << QStringList { u"a b"_qs }
            << QByteArray("/p?q=a+b&r=a%20b") << QByteArray("/p?q=MASK&r=MASK");
        QTest::newRow("'%' in a short key") << QStringList { u"a%b"_qs }
            << QByteArray("/p/a%b/q?x=a%25b") << QByteArray("/p/MASK/q?x=MASK");
        QTest::newRow("an encoded '/' in a short key") << QStringList { u"x%2Fy"_qs }
            << QByteArray("/p/x%2Fy/q?r=x%252Fy&s=x/y") << QByteArray("/p/MASK/q?r=MASK&s=x/y");
        QTest::newRow("short key starting with a delimiter") << QStringList { u"/ab"_qs }
            << QByteArray("/x/ab?y=/abc") << QByteArray("/xMASK?y=/abc");
        QTest::newRow("a key of delimiters only") << QStringList { u"="_qs }
            << QByteArray("/p?a=1") << QByteArray("/p?aMASK1");
        QTest::newRow("long key across parts") << QStringList { u"abcdefgh/ijkl"_qs }
            << QByteArray("/p/abcdefgh/ijkl/q") << QByteArray("/p/MASK/q");
        QTest::newRow("long key across parts, inside them") << QStringList { u"abcdefgh/ijkl"_qs }
            << QByteArray("/p/xabcdefgh/ijklx/q") << QByteArray("/p/MASK/q");
        QTest::newRow("long key across parts, encoded") << QStringList { u"abcdefgh&ijkl"_qs }
            << QByteArray("/p?x=%22abcdefgh%26ijkl%22&y=1") << QByteArray("/p?x=MASK&y=1");
        QTest::newRow("long key inside a part") << QStringList { u"0123456789abcdef"_qs }
            << QByteArray("/p/0123456789ABCDEF.json?q=Bearer%200123456789abcdef")
            << QByteArray("/p/MASK?q=Bearer%20MASK"); // an encoded space ends a part, like '+'
        QTest::newRow("bytes that are not UTF-8 stay") << QStringList { u"ab/cd"_qs }
            << QByteArray("/p/\xff/ab/cd?\xfe=%FF") << QByteArray("/p/\xff/MASK?\xfe=%FF");
        QTest::newRow("non-ASCII key, encoded") << QStringList { u"clé/1"_qs }
            << QByteArray("/p?k=cl%C3%A9%2F1") << QByteArray("/p?k=MASK");
        QTest::newRow("overlapping occurrences of a long key") << QStringList { u"aaaaaaaa"_qs }
            << QByteArray("/p?x=aaaaaaaaaaaa") << QByteArray("/p?x=MASK");
        QTest::newRow("a key that is a prefix of another") << QStringList { u"abcdefgh"_qs, u"abcdefgh12"_qs }
            << QByteArray("/p?x=abcdefgh1&y=abcdefgh12&z=1") << QByteArray("/p?x=MASK&y=MASK&z=1");
        QTest::newRow("short key a prefix of another") << QStringList { u"abc"_qs, u"abc/d"_qs }
            << QByteArray("/p/abc/d?e=abc/de&f=abc") << QByteArray("/p/MASK?e=MASK/de&f=MASK");
        QTest::newRow("key encoded four times") << QStringList { u"ab/cd"_qs }
            << QByteArray("/p?k=%25252561b%2525252Fcd&l=1") << QByteArray("/p?k=MASK&l=1");
        QTest::newRow("no key") << QStringList { u"ab/cd"_qs, u"0123456789abcdef"_qs }
            << QByteArray("/p/ab/c?d=cd/ab") << QByteArray("/p/ab/c?d=cd/ab");
    }

    void targetKeepsEverythingButTheKey()
    {
        QFETCH(QStringList, keys);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, logged);
        logged.replace("MASK", portico::core::secretMask.toUtf8());
        QCOMPARE(knownKeys(keys).masked(target), logged);
    }

    // A target that holds no key is not copied.
    void targetWithoutAKeyIsShared()
    {
        const QByteArray target = QByteArrayLiteral("/p/ab/c?d=cd/ab&e=0123456789abcde");
        const QByteArray logged = knownKeys({ u"ab/cd"_qs, u"0123456789abcdef"_qs }).masked(target);
        QCOMPARE(logged, target);
        QVERIFY(logged.isSharedWith(target));
    }

    // Thousands of subscriptions (keys of one length): each is masked, none that is no key.
    void everyKeyOfManyIsMasked()
    {
        QStringList keys;
        for (int i = 0; i < 5000; ++i)
            keys.append(u"key-%1"_qs.arg(i * 7919, 10, 10, QLatin1Char('0')));
        const KnownKeys known = knownKeys(keys);
        const QByteArray mask = portico::core::secretMask.toUtf8();
        for (const QString &key : std::as_const(keys))
            QCOMPARE(known.masked("/p?k=" + key.toUtf8() + "&n=1"), "/p?k=" + mask + "&n=1");
        QCOMPARE(known.masked(QByteArray("/p?k=key-0000000001&n=1")), QByteArray("/p?k=key-0000000001&n=1"));
    }

    // A target built to match a key at every byte, in every decoding round (the longest a
    // request line may be): the whole value is masked, the rest kept. (How long this takes is
    // for tests/bench; here only the result counts.)
    void targetFullOfOverlappingMatchesIsMasked()
    {
        const QByteArray value = QByteArray(8000, 'a') + "%2525252561";
        const QByteArray target = "/svc/echo/items/1?x=" + value + "&y=2";
        QCOMPARE(knownKeys({ u"aaaaaaaa"_qs }).masked(target),
                 "/svc/echo/items/1?x=" + portico::core::secretMask.toUtf8() + "&y=2");
    }

    void blockedReasonKeepsEverythingButTheKey_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("logged"); // MASK stands for the mask

        QTest::newRow("key at the very start") << QStringList { u"ite"_qs, u"0123456789abcdef"_qs }
            << u"ite: no such key"_qs << u"MASK: no such key"_qs;
        QTest::newRow("long key at the very start") << QStringList { u"0123456789abcdef"_qs }
            << u"0123456789abcdef is suspended."_qs << u"MASK is suspended."_qs;
        QTest::newRow("quoted short key") << QStringList { u"ite"_qs }
            << u"Key 'ite' is not welcome."_qs << u"Key 'MASK' is not welcome."_qs;
        QTest::newRow("short key before a full stop") << QStringList { u"ite"_qs }
            << u"Unknown key ite."_qs << u"Unknown key MASK."_qs;
        QTest::newRow("short key before '!'") << QStringList { u"ite"_qs }
            << u"Unknown key ite!"_qs << u"Unknown key MASK!"_qs;
        QTest::newRow("a word holding a short key") << QStringList { u"ite"_qs }
            << u"Too many items."_qs << u"Too many items."_qs;
        QTest::newRow("short key with '/' before a full stop") << QStringList { u"ab/cd"_qs }
            << u"Unknown key ab/cd."_qs << u"Unknown key MASK."_qs;
        QTest::newRow("short key with '.' before a full stop") << QStringList { u"a.b"_qs }
            << u"Unknown key a.b."_qs << u"Unknown key MASK."_qs;
        QTest::newRow("short key after non-ASCII text") << QStringList { u"ite"_qs }
            << u"Clé inconnue : ite."_qs << u"Clé inconnue : MASK."_qs;
        QTest::newRow("non-ASCII short key") << QStringList { u"clé"_qs }
            << u"Unknown key clé."_qs << u"Unknown key MASK."_qs;
        QTest::newRow("long key before a full stop") << QStringList { u"0123456789abcdef"_qs }
            << u"Unknown key 0123456789ABCDEF. Try again."_qs << u"Unknown key MASK. Try again."_qs;
    }

    void blockedReasonKeepsEverythingButTheKey()
    {
        QFETCH(QStringList, keys);
        QFETCH(QString, reason);
        QFETCH(QString, logged);
        logged.replace(u"MASK"_qs, portico::core::secretMask.toString());
        QCOMPARE(knownKeys(keys).masked(reason), logged);
    }
};

QTEST_GUILESS_MAIN(TestKnownKeys)
#include "tst_knownkeys.moc"
