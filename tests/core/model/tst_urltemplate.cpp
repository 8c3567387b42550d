// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/urltemplate.h"

#include <QTest>

using namespace portico;
using core::UrlTemplate;
using core::UrlTemplateProblem;
using Code = UrlTemplateProblem::Code;
using Values = QHash<QString, QString>;

Q_DECLARE_METATYPE(UrlTemplateProblem::Code)

namespace {

// Compact picture of a parsed template: path segments joined by '|' ("L:" literal, "{x}"
// parameter with its prefix/suffix, "{*x}" wildcard) and query items joined by '&'.
QString describePath(const UrlTemplate &t)
{
    QStringList out;
    for (const UrlTemplate::Segment &s : t.segments()) {
        switch (s.kind) {
        case UrlTemplate::Segment::Kind::Literal: out.append(s.literal); break;
        case UrlTemplate::Segment::Kind::Parameter: out.append(s.prefix + u'{' + s.name + u'}' + s.suffix); break;
        case UrlTemplate::Segment::Kind::Wildcard: out.append(u"{*"_qs + s.name + u'}'); break;
        }
    }
    return out.join(u'|');
}

QString describeQuery(const UrlTemplate &t)
{
    QStringList out;
    for (const UrlTemplate::QueryItem &q : t.queryItems()) {
        if (q.kind == UrlTemplate::QueryItem::Kind::Parameter)
            out.append(q.name + u"={"_qs + q.parameter + u'}');
        else
            out.append(q.hasValue ? q.name + u'=' + q.value : q.name);
    }
    return out.join(u'&');
}

// The AzureML operation templates, verbatim from azureml-protocol.md §1.1.
const QString rrsExecute = u"/workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs;
const QString besSubmit = u"/workspaces/{workspace}/services/{service}/jobs?api-version={apiversion}"_qs;
const QString besStart = u"/workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}"_qs;
const QString besStatusAndDelete = u"/workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs;

} // namespace

class tst_UrlTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSegmentsQueryAndParameterNames_data();
    void parsesSegmentsQueryAndParameterNames();
    void azureMlTemplatesMatchTheirDeclaredParameters_data();
    void azureMlTemplatesMatchTheirDeclaredParameters();
    void problemsNamePositionAndParameter_data();
    void problemsNamePositionAndParameter();
    void everyDeclarationMismatchIsReported();
    void parseErrorCarriesEachProblemAsDetail();
    void segmentPositionsPointIntoTheText();
    void expandEncodesValues_data();
    void expandEncodesValues();
    void expandRefusesMissingValues_data();
    void expandRefusesMissingValues();
};

void tst_UrlTemplate::parsesSegmentsQueryAndParameterNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("wildcard");
    QTest::addColumn<bool>("trailingSlash");

    QTest::newRow("spec example") << u"/customers/{cid}/orders/{oid}/?date={date}"_qs
                                  << u"customers|{cid}|orders|{oid}|"_qs << u"date={date}"_qs
                                  << QStringList { u"cid"_qs, u"oid"_qs, u"date"_qs } << false << true;
    QTest::newRow("RRS Execute") << rrsExecute << u"workspaces|{workspace}|services|{service}|execute"_qs
                                 << u"api-version={apiversion}&details={details}"_qs
                                 << QStringList { u"workspace"_qs, u"service"_qs, u"apiversion"_qs, u"details"_qs }
                                 << false << false;
    QTest::newRow("BES Submit") << besSubmit << u"workspaces|{workspace}|services|{service}|jobs"_qs
                                << u"api-version={apiversion}"_qs
                                << QStringList { u"workspace"_qs, u"service"_qs, u"apiversion"_qs } << false << false;
    QTest::newRow("BES Start") << besStart << u"workspaces|{workspace}|services|{service}|jobs|{jobid}|start"_qs
                               << u"api-version={apiversion}"_qs
                               << QStringList { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs }
                               << false << false;
    QTest::newRow("BES Status/Delete") << besStatusAndDelete
                                       << u"workspaces|{workspace}|services|{service}|jobs|{jobid}"_qs
                                       << u"api-version={apiversion}"_qs
                                       << QStringList { u"workspace"_qs, u"service"_qs, u"jobid"_qs, u"apiversion"_qs }
                                       << false << false;
    QTest::newRow("literal only") << u"/user1"_qs << u"user1"_qs << QString() << QStringList() << false << false;
    QTest::newRow("root") << u"/"_qs << QString() << QString() << QStringList() << false << true;
    QTest::newRow("named wildcard") << u"/files/{*rest}"_qs << u"files|{*rest}"_qs << QString()
                                    << QStringList { u"rest"_qs } << true << false;
    QTest::newRow("wildcard operation") << u"/*"_qs << u"{**}"_qs << QString() << QStringList() << true << false;
    QTest::newRow("wildcard then query") << u"/blobs/{*path}?sv={sv}"_qs << u"blobs|{*path}"_qs
                                         << u"sv={sv}"_qs << QStringList { u"path"_qs, u"sv"_qs } << true << false;
    QTest::newRow("parameter with suffix") << u"/items/{id}.json"_qs << u"items|{id}.json"_qs << QString()
                                           << QStringList { u"id"_qs } << false << false;
    QTest::newRow("parameter with prefix") << u"/api/v{version}/ping"_qs << u"api|v{version}|ping"_qs
                                           << QString() << QStringList { u"version"_qs } << false << false;
    QTest::newRow("literal and parameter query")
        << u"/score?api-version=2.0&details={details}"_qs << u"score"_qs
        << u"api-version=2.0&details={details}"_qs << QStringList { u"details"_qs } << false << false;
    QTest::newRow("bare query flag") << u"/search?verbose&q={q}"_qs << u"search"_qs << u"verbose&q={q}"_qs
                                     << QStringList { u"q"_qs } << false << false;
    QTest::newRow("no leading slash") << u"users/{user-id}"_qs << u"users|{user-id}"_qs << QString()
                                      << QStringList { u"user-id"_qs } << false << false;
    QTest::newRow("query only") << u"/?code={code}"_qs << QString() << u"code={code}"_qs
                                << QStringList { u"code"_qs } << false << true;
}

void tst_UrlTemplate::parsesSegmentsQueryAndParameterNames()
{
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    QFETCH(bool, wildcard);
    QFETCH(bool, trailingSlash);

    const auto parsed = UrlTemplate::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->text(), text);
    QCOMPARE(describePath(*parsed), path);
    QCOMPARE(describeQuery(*parsed), query);
    QCOMPARE(parsed->parameterNames(), names);
    QCOMPARE(parsed->hasWildcard(), wildcard);
    QCOMPARE(parsed->hasTrailingSlash(), trailingSlash);
    QVERIFY(UrlTemplate::problems(text).isEmpty());
}

void tst_UrlTemplate::azureMlTemplatesMatchTheirDeclaredParameters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("declared");

    const QStringList base { u"workspace"_qs, u"service"_qs, u"apiversion"_qs };
    QTest::newRow("RRS Execute") << rrsExecute << (base + QStringList { u"details"_qs });
    QTest::newRow("BES Submit") << besSubmit << base;
    QTest::newRow("BES Start") << besStart << QStringList { u"jobid"_qs, u"apiversion"_qs, u"service"_qs, u"workspace"_qs };
    QTest::newRow("BES Status") << besStatusAndDelete << (base + QStringList { u"jobid"_qs });
    QTest::newRow("BES Delete") << besStatusAndDelete << (base + QStringList { u"jobid"_qs });
    QTest::newRow("wildcard operation, * declared") << u"/*"_qs << QStringList { u"*"_qs };
    QTest::newRow("wildcard operation, nothing declared") << u"/*"_qs << QStringList();
}

void tst_UrlTemplate::azureMlTemplatesMatchTheirDeclaredParameters()
{
    QFETCH(QString, text);
    QFETCH(QStringList, declared);

    const auto parsed = UrlTemplate::parse(text, declared);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(UrlTemplate::problems(text, declared), QList<UrlTemplateProblem>());

    // Dropping any declared name makes the same template invalid, naming that parameter.
    for (const QString &name : parsed->parameterNames()) {
        QStringList fewer = declared;
        fewer.removeAll(name);
        const auto refused = UrlTemplate::parse(text, fewer);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"UndeclaredParameter"_qs);
        QCOMPARE(refused.error().details.constFirst().target, name);
    }
}

void tst_UrlTemplate::problemsNamePositionAndParameter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("checkDeclared");
    QTest::addColumn<QStringList>("declared");
    QTest::addColumn<Code>("code");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<QString>("parameter");

    const QStringList none;
    auto row = [&](const char *name, const QString &text, Code code, qsizetype position,
                   const QString &parameter = {}) {
        QTest::newRow(name) << text << false << none << code << position << parameter;
    };
    auto declaredRow = [&](const char *name, const QString &text, const QStringList &declared,
                           Code code, qsizetype position, const QString &parameter) {
        QTest::newRow(name) << text << true << declared << code << position << parameter;
    };

    row("empty", QString(), Code::Empty, 0);
    row("too long", u"/"_qs + QString(1000, u'a'), Code::TooLong, 1000);
    row("unclosed brace", u"/users/{id"_qs, Code::UnbalancedBrace, 7, u"id"_qs);
    row("unclosed brace in query", u"/users?x={x&y=1"_qs, Code::UnbalancedBrace, 9, u"x"_qs);
    row("stray closing brace", u"/users/id}"_qs, Code::UnbalancedBrace, 9);
    row("nested brace", u"/users/{a{b}}"_qs, Code::UnbalancedBrace, 7, u"a"_qs);
    row("empty name", u"/users/{}"_qs, Code::EmptyName, 7);
    row("empty wildcard name", u"/files/{*}"_qs, Code::EmptyName, 7);
    row("space in name", u"/users/{user id}"_qs, Code::InvalidName, 7, u"user id"_qs);
    row("RFC 6570 operator", u"/users/{+id}"_qs, Code::InvalidName, 7, u"+id"_qs);
    row("slash in name", u"/users/{a/b}"_qs, Code::InvalidName, 7, u"a/b"_qs);
    row("duplicate in path", u"/users/{id}/orders/{id}"_qs, Code::DuplicateParameter, 19, u"id"_qs);
    row("duplicate path and query", u"/a/{id}?id={id}"_qs, Code::DuplicateParameter, 11, u"id"_qs);
    row("named wildcard not last", u"/files/{*rest}/meta"_qs, Code::WildcardNotLast, 7, u"rest"_qs);
    row("star wildcard not last", u"/files/*/meta"_qs, Code::WildcardNotLast, 7, u"*"_qs);
    row("wildcard with prefix", u"/files/x{*rest}"_qs, Code::WildcardNotLast, 8, u"rest"_qs);
    row("wildcard in query", u"/a?x={*y}"_qs, Code::WildcardNotLast, 5, u"y"_qs);
    row("two parameters in a segment", u"/range/{from}-{to}"_qs, Code::MultipleParameters, 14, u"to"_qs);
    row("empty segment", u"/a//b"_qs, Code::EmptySegment, 3);
    row("space in literal", u"/a b/{id}"_qs, Code::InvalidCharacter, 2);
    row("fragment in literal", u"/a#top"_qs, Code::InvalidCharacter, 2);
    row("query item without name", u"/a?={x}"_qs, Code::InvalidQuery, 3);
    row("query value mixes text and parameter", u"/a?x=v{y}"_qs, Code::InvalidQuery, 6, u"y"_qs);
    row("query name is a parameter", u"/a?{k}=1"_qs, Code::InvalidQuery, 3, u"k"_qs);
    declaredRow("undeclared path parameter", u"/users/{id}"_qs, none, Code::UndeclaredParameter, 7, u"id"_qs);
    declaredRow("undeclared query parameter", u"/users/{uid}/x?d={d}"_qs, QStringList { u"uid"_qs },
                Code::UndeclaredParameter, 17, u"d"_qs);
    declaredRow("undeclared wildcard name", u"/files/{*rest}"_qs, none, Code::UndeclaredParameter, 7, u"rest"_qs);
    declaredRow("names are case-sensitive", u"/users/{Id}"_qs, QStringList { u"Id"_qs.toLower() },
                Code::UndeclaredParameter, 7, u"Id"_qs);
    declaredRow("unused parameter", u"/users/{uid}"_qs, QStringList { u"uid"_qs, u"extra"_qs },
                Code::UnusedParameter, -1, u"extra"_qs);
    declaredRow("unused star", u"/x"_qs, QStringList { u"*"_qs }, Code::UnusedParameter, -1, u"*"_qs);
}

void tst_UrlTemplate::problemsNamePositionAndParameter()
{
    QFETCH(QString, text);
    QFETCH(bool, checkDeclared);
    QFETCH(QStringList, declared);
    QFETCH(Code, code);
    QFETCH(qsizetype, position);
    QFETCH(QString, parameter);

    const auto found = UrlTemplate::problems(text, checkDeclared ? std::optional(declared) : std::nullopt);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.constFirst(), (UrlTemplateProblem { code, position, parameter }));

    const auto parsed = checkDeclared ? UrlTemplate::parse(text, declared) : UrlTemplate::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, core::Error::Kind::InvalidInput);
    QCOMPARE(parsed.error().code, UrlTemplateProblem::codeName(code));
    if (position >= 0 && code != Code::Empty && code != Code::TooLong)
        QVERIFY2(parsed.error().message.contains(u"position %1"_qs.arg(position)),
                 qPrintable(parsed.error().message));
    if (!parameter.isEmpty())
        QVERIFY2(parsed.error().message.contains(u'\'' + parameter + u'\''), qPrintable(parsed.error().message));
}

void tst_UrlTemplate::everyDeclarationMismatchIsReported()
{
    const QString text = u"/users/{uid}/orders/{oid}?at={at}"_qs;
    const QStringList declared { u"uid"_qs, u"orderId"_qs, u"date"_qs };
    const QList<UrlTemplateProblem> expected {
        { Code::UndeclaredParameter, 20, u"oid"_qs },
        { Code::UndeclaredParameter, 29, u"at"_qs },
        { Code::UnusedParameter, -1, u"orderId"_qs },
        { Code::UnusedParameter, -1, u"date"_qs },
    };
    QCOMPARE(UrlTemplate::problems(text, declared), expected);
    // Without a declaration list the template itself is fine.
    QVERIFY(UrlTemplate::parse(text).ok());
}

void tst_UrlTemplate::parseErrorCarriesEachProblemAsDetail()
{
    const auto parsed = UrlTemplate::parse(u"/a/{x}/{x}?q={}"_qs);
    QVERIFY(!parsed.ok());
    const core::Error &error = parsed.error();
    QCOMPARE(error.target, u"urlTemplate"_qs);
    QCOMPARE(error.code, u"DuplicateParameter"_qs); // the first in text order names the error
    QCOMPARE(error.details.size(), 2);
    QCOMPARE(error.details.at(0).code, u"DuplicateParameter"_qs);
    QCOMPARE(error.details.at(0).target, u"x"_qs);
    QCOMPARE(error.details.at(1).code, u"EmptyName"_qs);
}

void tst_UrlTemplate::segmentPositionsPointIntoTheText()
{
    const auto parsed = UrlTemplate::parse(besStart);
    QVERIFY(parsed.ok());
    for (const UrlTemplate::Segment &s : parsed->segments()) {
        const QString expected = s.kind == UrlTemplate::Segment::Kind::Literal
            ? s.literal
            : s.prefix + u'{' + s.name + u'}' + s.suffix;
        QCOMPARE(besStart.mid(s.position, expected.size()), expected);
    }
    for (const UrlTemplate::QueryItem &q : parsed->queryItems())
        QCOMPARE(besStart.mid(q.position, q.name.size()), q.name);
}

void tst_UrlTemplate::expandEncodesValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("expected");

    QTest::newRow("slash and space in a path value")
        << u"/users/{id}"_qs << Values { { u"id"_qs, u"a/b c"_qs } } << u"/users/a%2Fb%20c"_qs;
    QTest::newRow("RRS Execute")
        << rrsExecute
        << Values { { u"workspace"_qs, u"ws 1"_qs }, { u"service"_qs, u"feature-hashing"_qs },
                    { u"apiversion"_qs, u"2.0"_qs }, { u"details"_qs, u"true"_qs } }
        << u"/workspaces/ws%201/services/feature-hashing/execute?api-version=2.0&details=true"_qs;
    QTest::newRow("BES Submit")
        << besSubmit
        << Values { { u"workspace"_qs, u"w"_qs }, { u"service"_qs, u"s"_qs }, { u"apiversion"_qs, u"2.0"_qs } }
        << u"/workspaces/w/services/s/jobs?api-version=2.0"_qs;
    QTest::newRow("BES Start with an odd job id")
        << besStart
        << Values { { u"workspace"_qs, u"w"_qs }, { u"service"_qs, u"s"_qs },
                    { u"jobid"_qs, u"job?1#x"_qs }, { u"apiversion"_qs, u"2.0"_qs } }
        << u"/workspaces/w/services/s/jobs/job%3F1%23x/start?api-version=2.0"_qs;
    QTest::newRow("query reserved characters and UTF-8")
        << u"/search?q={q}"_qs << Values { { u"q"_qs, u"a&b=c+d é"_qs } }
        << u"/search?q=a%26b%3Dc%2Bd%20%C3%A9"_qs;
    QTest::newRow("unreserved characters stay")
        << u"/t/{v}"_qs << Values { { u"v"_qs, u"A-z_0.9~"_qs } } << u"/t/A-z_0.9~"_qs;
    QTest::newRow("wildcard keeps slashes, encodes pieces")
        << u"/files/{*rest}"_qs << Values { { u"rest"_qs, u"dir one/file#1.txt"_qs } }
        << u"/files/dir%20one/file%231.txt"_qs;
    QTest::newRow("empty named wildcard") << u"/files/{*rest}"_qs << Values { { u"rest"_qs, QString() } }
                                          << u"/files/"_qs;
    QTest::newRow("wildcard operation without value") << u"/*"_qs << Values() << u"/"_qs;
    QTest::newRow("wildcard operation with value") << u"/*"_qs << Values { { u"*"_qs, u"a/b"_qs } } << u"/a/b"_qs;
    QTest::newRow("literal query value kept")
        << u"/score?api-version=2.0&details={details}"_qs << Values { { u"details"_qs, u"false"_qs } }
        << u"/score?api-version=2.0&details=false"_qs;
    QTest::newRow("empty query value allowed")
        << u"/score?details={details}"_qs << Values { { u"details"_qs, QString() } } << u"/score?details="_qs;
    QTest::newRow("trailing slash kept")
        << u"/customers/{cid}/orders/{oid}/?date={date}"_qs
        << Values { { u"cid"_qs, u"42"_qs }, { u"oid"_qs, u"7"_qs }, { u"date"_qs, u"2026-11-26T10:00:00+01:00"_qs } }
        << u"/customers/42/orders/7/?date=2026-11-26T10%3A00%3A00%2B01%3A00"_qs;
    QTest::newRow("prefix and suffix")
        << u"/items/v{v}/{id}.json"_qs << Values { { u"v"_qs, u"2"_qs }, { u"id"_qs, u"x y"_qs } }
        << u"/items/v2/x%20y.json"_qs;
    QTest::newRow("leading slash added") << u"relative/{id}"_qs << Values { { u"id"_qs, u"5"_qs } } << u"/relative/5"_qs;
    QTest::newRow("bare flag") << u"/search?verbose"_qs << Values() << u"/search?verbose"_qs;
    QTest::newRow("extra values ignored") << u"/ping"_qs << Values { { u"x"_qs, u"1"_qs } } << u"/ping"_qs;
}

void tst_UrlTemplate::expandEncodesValues()
{
    QFETCH(QString, text);
    QFETCH(Values, values);
    QFETCH(QString, expected);

    const auto parsed = UrlTemplate::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const auto url = parsed->expand(values);
    QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().toString()));
    QCOMPARE(*url, expected);
}

void tst_UrlTemplate::expandRefusesMissingValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("parameter");

    QTest::newRow("path value absent") << u"/users/{id}"_qs << Values() << u"id"_qs;
    QTest::newRow("path value empty") << u"/users/{id}"_qs << Values { { u"id"_qs, QString() } } << u"id"_qs;
    QTest::newRow("query value absent")
        << besSubmit << Values { { u"workspace"_qs, u"w"_qs }, { u"service"_qs, u"s"_qs } } << u"apiversion"_qs;
    QTest::newRow("named wildcard absent") << u"/files/{*rest}"_qs << Values() << u"rest"_qs;
}

void tst_UrlTemplate::expandRefusesMissingValues()
{
    QFETCH(QString, text);
    QFETCH(Values, values);
    QFETCH(QString, parameter);

    const auto parsed = UrlTemplate::parse(text);
    QVERIFY(parsed.ok());
    const auto url = parsed->expand(values);
    QVERIFY(!url.ok());
    QCOMPARE(url.error().kind, core::Error::Kind::InvalidInput);
    QCOMPARE(url.error().code, u"MissingValue"_qs);
    QCOMPARE(url.error().target, parameter);
    QVERIFY(url.error().message.contains(parameter));
}

QTEST_GUILESS_MAIN(tst_UrlTemplate)
#include "tst_urltemplate.moc"
