// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/local/gateway/templatematcher.h"

#include <QTest>

using namespace portico::local;

class TestTemplateMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("templ");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<QString>("parameters"); // name=value;… sorted
        QTest::newRow("literal") << u"/a/b"_qs << QByteArray("/a/b") << QByteArray() << true << QString();
        QTest::newRow("literal case") << u"/a/b"_qs << QByteArray("/A/B") << QByteArray() << true << QString();
        QTest::newRow("parameter") << u"/customers/{cid}/orders/{oid}"_qs << QByteArray("/customers/7/orders/x%20y") << QByteArray() << true << u"cid=7;oid=x y"_qs;
        QTest::newRow("empty parameter") << u"/a/{id}"_qs << QByteArray("/a/") << QByteArray() << false << QString();
        QTest::newRow("affixes") << u"/items/{id}.json"_qs << QByteArray("/items/12.json") << QByteArray() << true << u"id=12"_qs;
        QTest::newRow("affixes mismatch") << u"/items/{id}.json"_qs << QByteArray("/items/12.xml") << QByteArray() << false << QString();
        QTest::newRow("query template") << u"/o/{oid}?date={date}"_qs << QByteArray("/o/1") << QByteArray("x=1&date=2024") << true << u"date=2024;oid=1"_qs;
        QTest::newRow("query missing") << u"/o/{oid}?date={date}"_qs << QByteArray("/o/1") << QByteArray("x=1") << false << QString();
        QTest::newRow("query literal") << u"/o?api-version=2"_qs << QByteArray("/o") << QByteArray("api-version=2") << true << QString();
        QTest::newRow("query literal wrong") << u"/o?api-version=2"_qs << QByteArray("/o") << QByteArray("api-version=3") << false << QString();
        QTest::newRow("anonymous wildcard") << u"/*"_qs << QByteArray("/x/y/z") << QByteArray() << true << u"*=x/y/z"_qs;
        QTest::newRow("named wildcard") << u"/files/{*rest}"_qs << QByteArray("/files/a/b") << QByteArray() << true << u"rest=a/b"_qs;
        QTest::newRow("trailing slash") << u"/a/"_qs << QByteArray("/a") << QByteArray() << true << QString();
        QTest::newRow("too long") << u"/a"_qs << QByteArray("/a/b") << QByteArray() << false << QString();
    }

    void matches()
    {
        QFETCH(QString, templ);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(bool, matches);
        QFETCH(QString, parameters);
        auto parsed = portico::core::UrlTemplate::parse(templ);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        TemplateMatch m;
        QCOMPARE(TemplateMatcher::match(*parsed, RequestPath::fromEncoded(path, query), {}, m), matches);
        if (matches) {
            QStringList pairs;
            for (auto it = m.parameters.begin(); it != m.parameters.end(); ++it)
                pairs.append(it.key() + u'=' + it.value());
            pairs.sort();
            QCOMPARE(pairs.join(u';'), parameters);
        }
    }

    void declaredValuesAreEnforced()
    {
        auto parsed = portico::core::UrlTemplate::parse(u"/colors/{c}"_qs);
        QVERIFY(parsed);
        const QHash<QString, QStringList> allowed { { u"c"_qs, { u"red"_qs, u"green"_qs } } };
        TemplateMatch m;
        QVERIFY(TemplateMatcher::match(*parsed, RequestPath::fromEncoded("/colors/red", {}), allowed, m));
        QVERIFY(!TemplateMatcher::match(*parsed, RequestPath::fromEncoded("/colors/blue", {}), allowed, m));
    }

    void specificityOrdersLiteralsParametersWildcards()
    {
        const auto score = [](const QString &t) { return TemplateMatcher::specificity(*portico::core::UrlTemplate::parse(t)); };
        QVERIFY(score(u"/items/special"_qs) > score(u"/items/{id}.json"_qs));
        QVERIFY(score(u"/items/{id}.json"_qs) > score(u"/items/{id}"_qs));
        QVERIFY(score(u"/items/{id}"_qs) > score(u"/items/*"_qs));
        QVERIFY(score(u"/items"_qs) > score(u"/items/*"_qs) || score(u"/items/*"_qs) > score(u"/items"_qs));
        QVERIFY(score(u"/o/{a}?d={d}"_qs) > score(u"/o/{a}"_qs));
    }

    void rewriteExpansion()
    {
        QCOMPARE(TemplateMatcher::expandRewrite(u"/v2/{id}?q={q}&x=1"_qs, { { u"id"_qs, u"a b"_qs }, { u"q"_qs, u"&"_qs } }),
                 u"/v2/a%20b?q=%26&x=1"_qs);
        QCOMPARE(TemplateMatcher::expandRewrite(u"/f/{*rest}"_qs, { { u"rest"_qs, u"a/b"_qs } }), u"/f/a/b"_qs);
        QCOMPARE(TemplateMatcher::expandRewrite(u"/f/{missing}"_qs, {}), u"/f/"_qs);
    }

    void encodedParametersAreTheClientsBytes_data()
    {
        QTest::addColumn<QString>("templ");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("parameters"); // name=raw;… sorted
        QTest::newRow("plain") << u"/i/{id}"_qs << QByteArray("/i/a+b%3a") << QByteArray() << u"id=a+b%3a"_qs;
        QTest::newRow("affixes") << u"/i/{id}.json"_qs << QByteArray("/i/x%2Fy.json") << QByteArray() << u"id=x%2Fy"_qs;
        QTest::newRow("encoded affix") << u"/i/v{id}.j"_qs << QByteArray("/i/%76%41%42%2e%6a") << QByteArray() << u"id=%41%42"_qs;
        QTest::newRow("wildcard") << u"/f/{*rest}"_qs << QByteArray("/f/a+b/c%20d") << QByteArray() << u"rest=a+b/c%20d"_qs;
        QTest::newRow("query") << u"/o?d={d}"_qs << QByteArray("/o") << QByteArray("x=1&d=10:00+01:00") << u"d=10:00+01:00"_qs;
    }

    void encodedParametersAreTheClientsBytes()
    {
        QFETCH(QString, templ);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(QString, parameters);
        auto parsed = portico::core::UrlTemplate::parse(templ);
        QVERIFY(parsed);
        const RequestPath request = RequestPath::fromEncoded(path, query);
        TemplateMatch m;
        QVERIFY(TemplateMatcher::match(*parsed, request, {}, m));
        const auto encoded = TemplateMatcher::encodedParameters(*parsed, path, query, request.query, m);
        QStringList pairs;
        for (auto it = encoded.begin(); it != encoded.end(); ++it)
            pairs.append(it.key() + u'=' + QString::fromLatin1(it->raw));
        pairs.sort();
        QCOMPARE(pairs.join(u';'), parameters);
    }

    void rewriteExpansionKeepsEncodedParameters()
    {
        const QHash<QString, EncodedParameter> encoded { { u"p"_qs, { "a+b%3a&c", false } },
                                                        { u"q"_qs, { "x/y?z+1", true } } };
        // Only what would change the structure at the new place is escaped.
        QCOMPARE(TemplateMatcher::expandRewrite(u"/v/{p}/{q}?p={p}&q={q}"_qs, {}, encoded),
                 u"/v/a+b%3a&c/x%2Fy%3Fz+1?p=a%2Bb%3a%26c&q=x/y?z+1"_qs);
    }
};

QTEST_GUILESS_MAIN(TestTemplateMatcher)
#include "tst_templatematcher.moc"
