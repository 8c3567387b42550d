// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// The sample ML service's request-response endpoint, over HTTP against the real portico-local:
// the seed vector in every response form, parameter overrides, swagger.json and every error body.

#include "tests/local/ml/mlservicecall.h"
#include "tests/support/porticolocalfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace portico;

namespace {

using Reply = test::MlReply;

QByteArray errorBody(const char *code, const char *message, const char *detailCode,
                     const QString &detailMessage, const QString &target = {})
{
    QJsonObject detail { { u"code"_qs, QLatin1StringView(detailCode) }, { u"message"_qs, detailMessage } };
    if (!target.isEmpty())
        detail.insert(u"target"_qs, target);
    return QJsonDocument(QJsonObject { { u"error"_qs,
                                         QJsonObject { { u"code"_qs, QLatin1StringView(code) },
                                                       { u"message"_qs, QLatin1StringView(message) },
                                                       { u"details"_qs, QJsonArray { detail } } } } })
        .toJson(QJsonDocument::Compact);
}

const QByteArray seedRequest =
    R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})";

} // namespace

class tst_MlRrs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seedVectorWithDetails();
    void seedVectorWithoutDetails();
    void seedVectorInSwaggerFormat();
    void severalRowsKeepTheirOrder();
    void parameterOverridesChangeTheColumns_data();
    void parameterOverridesChangeTheColumns();
    void swaggerJsonDescribesTheService();
    void lowerCaseBearerIsAccepted();
    void errorBodies_data();
    void errorBodies();

private:
    Reply send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
               const QByteArray &authorization);
    Reply execute(const QString &query, const QByteArray &body)
    {
        return send("POST", u"/workspaces/local/services/feature-hashing/execute?"_qs + query, body,
                    "Bearer " + m_local->mlKey().toUtf8());
    }

    std::unique_ptr<test::PorticoLocalFixture> m_local;
    QNetworkAccessManager m_nam;
};

void tst_MlRrs::initTestCase()
{
    m_local = std::make_unique<test::PorticoLocalFixture>();
    QVERIFY2(m_local->start(), qPrintable(m_local->errorString()));
}

void tst_MlRrs::cleanupTestCase()
{
    m_local.reset();
}

Reply tst_MlRrs::send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                      const QByteArray &authorization)
{
    return test::takeMlReply(
        m_nam.sendCustomRequest(test::mlRequest(m_local->mlUrl(), pathAndQuery, authorization), verb, body));
}

void tst_MlRrs::seedVectorWithDetails()
{
    const Reply reply = execute(u"api-version=2.0&details=true"_qs, seedRequest);
    QCOMPARE(reply.status, 200);
    const QJsonObject expected = QJsonDocument::fromJson(R"({"Results": {"output1": {"type": "table", "value": {
        "ColumnNames": ["Col2", "Col2_HashingFeature.0", "Col2_HashingFeature.1", "Col2_HashingFeature.2",
                        "Col2_HashingFeature.3", "Col2_HashingFeature.4", "Col2_HashingFeature.5",
                        "Col2_HashingFeature.6", "Col2_HashingFeature.7"],
        "ColumnTypes": ["String", "Int32", "Int32", "Int32", "Int32", "Int32", "Int32", "Int32", "Int32"],
        "Values": [["This is a good day", "1", "1", "2", "2", "0", "2", "0", "1"]]}}}})").object();
    QCOMPARE(reply.json(), expected);
}

void tst_MlRrs::seedVectorWithoutDetails()
{
    const QJsonObject expected = QJsonDocument::fromJson(R"({"Results": {"output1": {"type": "table", "value": {
        "Values": [["This is a good day", "1", "1", "2", "2", "0", "2", "0", "1"]]}}}})").object();
    QCOMPARE(execute(u"api-version=2.0&details=false"_qs, seedRequest).json(), expected);
    QCOMPARE(execute(u"api-version=2.0"_qs, seedRequest).json(), expected);
}

void tst_MlRrs::seedVectorInSwaggerFormat()
{
    const Reply reply = execute(u"api-version=2.0&format=swagger"_qs,
                                R"({"Inputs": {"input1": [{"Col2": "This is a good day"}]}, "GlobalParameters": {}})");
    QCOMPARE(reply.status, 200);
    const QJsonObject row = reply.json()[u"Results"][u"output1"][0].toObject();
    QCOMPARE(row.value(u"Col2").toString(), u"This is a good day"_qs);
    QStringList counts;
    for (int b = 0; b < 8; ++b)
        counts.append(row.value(u"Col2_HashingFeature.%1"_qs.arg(b)).toString());
    QCOMPARE(counts.join(u' '), u"1 1 2 2 0 2 0 1"_qs);
    QCOMPARE(row.size(), 9);
}

void tst_MlRrs::severalRowsKeepTheirOrder()
{
    const Reply reply = execute(u"api-version=2.0"_qs,
                                R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"], [""], ["this is a good day"]]}}})");
    QCOMPARE(reply.status, 200);
    const QJsonArray values = reply.json()[u"Results"][u"output1"][u"value"][u"Values"].toArray();
    QCOMPARE(values.size(), 3);
    QCOMPARE(values.at(1).toArray(), (QJsonArray { u""_qs, u"0"_qs, u"0"_qs, u"0"_qs, u"0"_qs, u"0"_qs,
                                                   u"0"_qs, u"0"_qs, u"0"_qs }));
    QCOMPARE(values.at(2).toArray().at(4).toString(), u"3"_qs); // lower case hashes differently
}

void tst_MlRrs::parameterOverridesChangeTheColumns_data()
{
    QTest::addColumn<QByteArray>("globalParameters");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QString>("counts");
    QTest::newRow("defaults") << QByteArray("{}") << 8 << u"1 1 2 2 0 2 0 1"_qs;
    QTest::newRow("unigrams only") << QByteArray(R"({"N-grams": "1"})") << 8 << u"0 1 1 0 0 2 0 1"_qs;
    QTest::newRow("1 bit") << QByteArray(R"({"Hashing bitsize": "1"})") << 2 << u"3 6"_qs;
    QTest::newRow("number instead of string") << QByteArray(R"({"Hashing bitsize": 1, "N-grams": 2})") << 2
                                              << u"3 6"_qs;
    // Low 4 bits of the reference's indices: f d 2 1 d | 0 b b a.
    QTest::newRow("4 bits")
        << QByteArray(R"({"Hashing bitsize": "4"})") << 16
        << u"1 1 1 0 0 0 0 0 0 0 1 2 0 2 0 1"_qs;
}

void tst_MlRrs::parameterOverridesChangeTheColumns()
{
    QFETCH(QByteArray, globalParameters);
    QFETCH(int, columns);
    QFETCH(QString, counts);
    const Reply reply = execute(
        u"api-version=2.0&details=true"_qs,
        R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": )"
            + globalParameters + "}");
    QCOMPARE(reply.status, 200);
    const QJsonObject value = reply.json()[u"Results"][u"output1"][u"value"].toObject();
    const QJsonArray names = value[u"ColumnNames"].toArray();
    QCOMPARE(names.size(), columns + 1);
    QCOMPARE(names.last().toString(), u"Col2_HashingFeature.%1"_qs.arg(columns - 1));
    QStringList actual;
    const QJsonArray row = value[u"Values"][0].toArray();
    for (qsizetype c = 1; c < row.size(); ++c)
        actual.append(row.at(c).toString());
    QCOMPARE(actual.join(u' '), counts);
}

void tst_MlRrs::swaggerJsonDescribesTheService()
{
    const Reply reply = send("GET", u"/workspaces/local/services/feature-hashing/swagger.json"_qs, {},
                             "Bearer " + m_local->mlKey().toUtf8());
    QCOMPARE(reply.status, 200);
    const QJsonObject swagger = reply.json();
    QCOMPARE(swagger.value(u"swagger").toString(), u"2.0"_qs);
    const QJsonObject definitions = swagger.value(u"definitions").toObject();
    QCOMPARE(definitions[u"ExecutionRequest"][u"example"][u"Inputs"][u"input1"][0][u"Col2"].toString(),
             u"This is a good day"_qs);
    QVERIFY(definitions[u"input1Item"][u"properties"].toObject().contains(u"Col2"));
    QVERIFY(definitions[u"output1Item"][u"properties"].toObject().contains(u"Col2_HashingFeature.7"));
    // The R client finds the path whose operationId is "execute".
    bool foundExecute = false;
    const QJsonObject paths = swagger.value(u"paths").toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it)
        foundExecute |= it.value()[u"post"][u"operationId"].toString() == u"execute"_qs;
    QVERIFY(foundExecute);
}

void tst_MlRrs::lowerCaseBearerIsAccepted()
{
    const Reply reply = send("POST", u"/workspaces/local/services/feature-hashing/execute?api-version=2.0"_qs,
                             seedRequest, "bearer " + m_local->mlKey().toUtf8());
    QCOMPARE(reply.status, 200);
}

void tst_MlRrs::errorBodies_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");

    const QString execute = u"/workspaces/local/services/feature-hashing/execute?api-version=2.0"_qs;
    const QByteArray unauthorized = errorBody("Unauthorized", "Request is unauthorized to access resource.",
                                              "ScoreRequestUnauthorized", u"Invalid credentials provided."_qs);
    QTest::newRow("no key") << QByteArray("POST") << execute << QByteArray() << seedRequest << 401 << unauthorized;
    QTest::newRow("wrong key") << QByteArray("POST") << execute << QByteArray("Bearer nope") << seedRequest << 401
                               << unauthorized;
    QTest::newRow("basic scheme") << QByteArray("POST") << execute << QByteArray("Basic Zm9vOmJhcg==")
                                  << seedRequest << 401 << unauthorized;
    // Authorization "KEY" is replaced by the real key in the test.
    const QByteArray key("KEY");
    QTest::newRow("unknown workspace")
        << QByteArray("POST") << u"/workspaces/other/services/feature-hashing/execute?api-version=2.0"_qs << key
        << seedRequest << 404
        << errorBody("NotFound", "Resource not found.", "WorkspaceNotFound",
                     u"Workspace not found. Verify the workspace Id is correct and try again."_qs);
    QTest::newRow("unknown service")
        << QByteArray("POST") << u"/workspaces/local/services/other/execute?api-version=2.0"_qs << key << seedRequest
        << 404
        << errorBody("NotFound", "Resource not found.", "WebServiceNotFound",
                     u"Web service not found. Verify the web service Id is correct and try again."_qs);
    QTest::newRow("bad api-version")
        << QByteArray("POST") << u"/workspaces/local/services/feature-hashing/execute?api-version=1.0"_qs << key
        << seedRequest << 400
        << errorBody("BadArgument", "Invalid argument provided.", "BadVersionCall",
                     u"Invalid version parameter was passed during the API call: 1.0. Check the API help page "
                     "for passing the correct version and try again."_qs,
                     u"api-version"_qs);
    const QByteArray bodyInvalid = errorBody("BadArgument", "Invalid argument provided.", "RequestBodyInvalid",
                                             u"No request body provided or error in deserializing the request body."_qs);
    QTest::newRow("invalid JSON") << QByteArray("POST") << execute << key << QByteArray("{\"Inputs\": ") << 400
                                  << bodyInvalid;
    QTest::newRow("empty body") << QByteArray("POST") << execute << key << QByteArray() << 400 << bodyInvalid;
    QTest::newRow("missing input")
        << QByteArray("POST") << execute << key << QByteArray(R"({"GlobalParameters": {}})") << 400
        << errorBody("BadArgument", "Invalid argument provided.", "MissingRequestInput",
                     u"The web service expects an input, but no input was provided. Ensure valid inputs are "
                     "provided based on the published input ports in the model and try again."_qs);
    QTest::newRow("unknown input name")
        << QByteArray("POST") << execute << key
        << QByteArray(R"({"Inputs": {"input2": {"ColumnNames": ["Col2"], "Values": [["x"]]}}})") << 400
        << errorBody("BadArgument", "Invalid argument provided.", "InvalidInputNames",
                     u"Invalid service input name(s) specified in the request: input2. Please map the input data "
                     "to the correct service inputs and try again."_qs);
    QTest::newRow("unknown column")
        << QByteArray("POST") << execute << key
        << QByteArray(R"({"Inputs": {"input1": {"ColumnNames": ["Col3"], "Values": [["x"]]}}})") << 400
        << errorBody("BadUserArgument", "Invalid user argument provided.", "InputMismatchError",
                     u"Input data does not match input port schema."_qs, u"Col3"_qs);
    QTest::newRow("unknown column (swagger)")
        << QByteArray("POST") << execute + u"&format=swagger"_qs << key
        << QByteArray(R"({"Inputs": {"input1": [{"Col2": "x", "Col9": "y"}]}})") << 400
        << errorBody("BadUserArgument", "Invalid user argument provided.", "InputMismatchError",
                     u"Input data does not match input port schema."_qs, u"Col9"_qs);
    QTest::newRow("non-string cell")
        << QByteArray("POST") << execute << key
        << QByteArray(R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["x"], [42]]}}})") << 400
        << errorBody("BadUserArgument", "Invalid user argument provided.", "InputParseError",
                     u"Parsing of input vector failed.  Verify the input vector has the correct number of columns "
                     "and data types.  Additional details: row 1, column Col2 is a number; every value must be a "
                     "string."_qs);
    QTest::newRow("wrong number of cells")
        << QByteArray("POST") << execute << key
        << QByteArray(R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["x", "y"]]}}})") << 400
        << errorBody("BadUserArgument", "Invalid user argument provided.", "InputParseError",
                     u"Parsing of input vector failed.  Verify the input vector has the correct number of columns "
                     "and data types.  Additional details: row 0 has 2 values, expected 1."_qs);
    QByteArray manyRows = R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [)";
    for (int r = 0; r < 1001; ++r)
        manyRows += r ? ",[\"x\"]" : "[\"x\"]";
    manyRows += "]}}}";
    QTest::newRow("too many rows")
        << QByteArray("POST") << execute << key << manyRows << 413
        << errorBody("MemoryQuotaViolation", "The model had exceeded the memory quota assigned to it.", "TooManyRows",
                     u"The request has 1001 rows; a request-response call accepts at most 1000. Submit a batch "
                     "execution job for larger inputs."_qs);
    // One "x" with one global parameter that breaks its rule: a 400 that names the parameter.
    const auto badParameter = [&](const char *tag, const char *name, const char *value, const QString &rule) {
        QTest::newRow(tag)
            << QByteArray("POST") << execute << key
            << QByteArray(R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["x"]]}}, "GlobalParameters": {")"
                          + QByteArray(name) + "\": \"" + value + "\"}}")
            << 400
            << errorBody("BadArgument", "Invalid argument provided.", "BadParameterValue",
                         u"The parameter value supplied does not satisfy the parameter rule on the parameter: "_qs + rule,
                         QString::fromLatin1(name));
    };
    badParameter("bits out of range", "Hashing bitsize", "21", u"'Hashing bitsize' is 21, it must be from 1 to 20"_qs);
    badParameter("bits zero", "Hashing bitsize", "0", u"'Hashing bitsize' is 0, it must be from 1 to 20"_qs);
    badParameter("n-grams out of range", "N-grams", "11", u"'N-grams' is 11, it must be from 0 to 10"_qs);
    badParameter("n-grams not a number", "N-grams", "two", u"'N-grams' must be an integer from 0 to 10"_qs);
    QTest::newRow("unknown parameter")
        << QByteArray("POST") << execute << key
        << QByteArray(R"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["x"]]}}, "GlobalParameters": {"Bits": "4"}})")
        << 400
        << errorBody("BadArgument", "Invalid argument provided.", "UnexpectedParameter",
                     u"Unexpected parameters provided. Verify all parameter names are spelled correctly, only "
                     "expected parameters are passed, and try again."_qs,
                     u"Bits"_qs);
    QTest::newRow("unknown format")
        << QByteArray("POST") << execute + u"&format=xml"_qs << key << seedRequest << 400
        << errorBody("BadArgument", "Invalid argument provided.", "InvalidQueryParameter",
                     u"Invalid query parameter 'format'. The only supported format is 'swagger'."_qs, u"format"_qs);
}

void tst_MlRrs::errorBodies()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    if (authorization == "KEY")
        authorization = "Bearer " + m_local->mlKey().toUtf8();
    const Reply reply = send(verb, path, body, authorization);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json(), QJsonDocument::fromJson(expected).object());
}

QTEST_GUILESS_MAIN(tst_MlRrs)
#include "tst_mlrrs.moc"
