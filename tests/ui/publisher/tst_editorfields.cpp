// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// editorfields: an API or operation taken from the editor's fields over the last server copy
// keeps everything the editor does not show, and edited rows are matched to the server's by key.

#include "ui/publisher/editorfields.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace portico;

namespace {

core::ParameterContract parameter(const QString &name, const QString &schemaId = {})
{
    core::ParameterContract p;
    p.name = name;
    p.type = u"string"_qs;
    p.schemaId = schemaId;
    if (!schemaId.isEmpty()) {
        p.typeName = u"T"_qs + name;
        p.examples = QJsonObject { { u"default"_qs, QJsonObject { { u"value"_qs, name } } } };
    }
    return p;
}

core::RepresentationContract representation(const QString &contentType, const QString &typeName = {})
{
    core::RepresentationContract r;
    r.contentType = contentType;
    r.typeName = typeName;
    if (!typeName.isEmpty())
        r.schemaId = u"schema-"_qs + typeName;
    return r;
}

// An operation with something in every place the editor does not show.
core::Operation richOperation()
{
    core::Operation op;
    op.name = u"score"_qs;
    op.displayName = u"Score"_qs;
    op.method = u"POST"_qs;
    op.urlTemplate = u"/score/{model}"_qs;
    op.templateParameters = { parameter(u"model"_qs, u"s1"_qs) };
    op.request.description = u"Scoring input"_qs;
    op.request.queryParameters = { parameter(u"top"_qs, u"s2"_qs), parameter(u"skip"_qs) };
    op.request.headers = { parameter(u"X-Trace"_qs, u"s3"_qs) };
    core::RepresentationContract form = representation(u"application/x-www-form-urlencoded"_qs);
    form.formParameters = { parameter(u"field"_qs) };
    op.request.representations = { representation(u"application/json"_qs, u"Input"_qs), form };
    core::ResponseContract ok;
    ok.statusCode = 200;
    ok.description = u"OK"_qs;
    ok.representations = { representation(u"application/json"_qs, u"Output"_qs),
                           representation(u"text/csv"_qs) };
    ok.headers = { parameter(u"x-ms-request-id"_qs) };
    core::ResponseContract bad;
    bad.statusCode = 400;
    bad.description = u"Bad input"_qs;
    bad.headers = { parameter(u"x-error"_qs) };
    op.responses = { ok, bad };
    op.policies = u"<policies />"_qs;
    op.otherProperties = QJsonObject { { u"futureProperty"_qs, 1 } };
    return op;
}

QVariantList rows(const QVariantMap &fields, const QString &key)
{
    return fields.value(key).toList();
}

void setRow(QVariantMap &fields, const QString &key, int row, const QString &column, const QVariant &value)
{
    QVariantList list = rows(fields, key);
    QVariantMap map = list.at(row).toMap();
    map.insert(column, value);
    list[row] = map;
    fields.insert(key, list);
}

} // namespace

class tst_EditorFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apiRoundTripKeepsWhatTheEditorDoesNotShow();
    void operationRoundTripKeepsWhatTheEditorDoesNotShow();
    void editedOperationRowsKeepTheServersDataByKey();
    void changedResponseContentTypeReplacesOnlyTheShownRepresentation();
    void removedAndRenamedRowsLoseTheirServerData();
};

void tst_EditorFields::apiRoundTripKeepsWhatTheEditorDoesNotShow()
{
    core::Api api;
    api.name = u"keep"_qs;
    api.path = u"keep"_qs;
    api.displayName = u"Keep"_qs;
    api.protocols = { u"https"_qs };
    api.subscriptionRequired = true;
    api.apiVersion = u"v1"_qs;
    api.termsOfServiceUrl = u"https://contoso.example/tos"_qs;
    api.otherProperties = QJsonObject { { u"contact"_qs, QJsonObject { { u"name"_qs, u"Ops"_qs } } } };

    QVariantMap fields = ui::editorfields::fromApi(api, {});
    QCOMPARE(ui::editorfields::toApi(fields, api), api);
    fields.insert(u"displayName"_qs, u"Keep 2"_qs);
    core::Api expected = api;
    expected.displayName = u"Keep 2"_qs;
    QCOMPARE(ui::editorfields::toApi(fields, api), expected);
}

void tst_EditorFields::operationRoundTripKeepsWhatTheEditorDoesNotShow()
{
    const core::Operation op = richOperation();
    QCOMPARE(ui::editorfields::toOperation(ui::editorfields::fromOperation(op), op), op);
}

void tst_EditorFields::editedOperationRowsKeepTheServersDataByKey()
{
    const core::Operation op = richOperation();
    QVariantMap fields = ui::editorfields::fromOperation(op);
    setRow(fields, u"queryParameters"_qs, 0, u"description"_qs, u"How many"_qs);
    setRow(fields, u"headers"_qs, 0, u"name"_qs, u"x-trace"_qs); // header names ignore case
    setRow(fields, u"responses"_qs, 0, u"description"_qs, u"Scored"_qs);
    setRow(fields, u"responses"_qs, 0, u"sample"_qs, u"{}"_qs);
    // The rows in another order: matched by key, not position.
    QVariantList responses = rows(fields, u"responses"_qs);
    std::swap(responses[0], responses[1]);
    fields.insert(u"responses"_qs, responses);

    const core::Operation out = ui::editorfields::toOperation(fields, op);
    QCOMPARE(out.request.queryParameters.at(0).description, u"How many"_qs);
    QCOMPARE(out.request.queryParameters.at(0).schemaId, u"s2"_qs);
    QCOMPARE(out.request.queryParameters.at(0).examples, op.request.queryParameters.at(0).examples);
    QCOMPARE(out.request.headers.at(0).name, u"x-trace"_qs);
    QCOMPARE(out.request.headers.at(0).typeName, u"TX-Trace"_qs);
    QCOMPARE(out.request.description, u"Scoring input"_qs);
    QCOMPARE(out.request.representations, op.request.representations);
    QCOMPARE(out.responses.size(), 2);
    QCOMPARE(out.responses.at(0).statusCode, 400);
    QCOMPARE(out.responses.at(0).headers, op.responses.at(1).headers);
    const core::ResponseContract &ok = out.responses.at(1);
    QCOMPARE(ok.description, u"Scored"_qs);
    QCOMPARE(ok.headers, op.responses.at(0).headers);
    QCOMPARE(ok.representations.size(), 2);
    QCOMPARE(ok.representations.at(0).sample, u"{}"_qs);
    QCOMPARE(ok.representations.at(0).schemaId, u"schema-Output"_qs);
    QCOMPARE(ok.representations.at(1), op.responses.at(0).representations.at(1));
    QCOMPARE(out.policies, op.policies);
    QCOMPARE(out.otherProperties, op.otherProperties);
}

void tst_EditorFields::changedResponseContentTypeReplacesOnlyTheShownRepresentation()
{
    const core::Operation op = richOperation();
    QVariantMap fields = ui::editorfields::fromOperation(op);
    setRow(fields, u"responses"_qs, 0, u"contentType"_qs, u"application/xml"_qs);
    core::ResponseContract ok = ui::editorfields::toOperation(fields, op).responses.at(0);
    QCOMPARE(ok.representations.size(), 2);
    QCOMPARE(ok.representations.at(0).contentType, u"application/xml"_qs);
    QVERIFY(ok.representations.at(0).schemaId.isEmpty()); // the JSON schema was for JSON
    QCOMPARE(ok.representations.at(1).contentType, u"text/csv"_qs);

    // The shown one becomes another existing one: that one comes first, once.
    setRow(fields, u"responses"_qs, 0, u"contentType"_qs, u"text/csv"_qs);
    ok = ui::editorfields::toOperation(fields, op).responses.at(0);
    QCOMPARE(ok.representations.size(), 1);
    QCOMPARE(ok.representations.at(0).contentType, u"text/csv"_qs);

    // Cleared: the shown one goes, the others stay.
    setRow(fields, u"responses"_qs, 0, u"contentType"_qs, QString());
    ok = ui::editorfields::toOperation(fields, op).responses.at(0);
    QCOMPARE(ok.representations.size(), 1);
    QCOMPARE(ok.representations.at(0).contentType, u"text/csv"_qs);
}

void tst_EditorFields::removedAndRenamedRowsLoseTheirServerData()
{
    const core::Operation op = richOperation();
    QVariantMap fields = ui::editorfields::fromOperation(op);
    setRow(fields, u"queryParameters"_qs, 0, u"name"_qs, u"limit"_qs);
    QVariantList responses = rows(fields, u"responses"_qs);
    responses.removeLast();
    fields.insert(u"responses"_qs, responses);
    QVariantList representations = rows(fields, u"representations"_qs);
    representations.removeFirst();
    fields.insert(u"representations"_qs, representations);

    const core::Operation out = ui::editorfields::toOperation(fields, op);
    QCOMPARE(out.request.queryParameters.at(0).name, u"limit"_qs);
    QVERIFY(out.request.queryParameters.at(0).schemaId.isEmpty());
    QCOMPARE(out.responses.size(), 1);
    QCOMPARE(out.responses.at(0).statusCode, 200);
    QCOMPARE(out.request.representations.size(), 1);
    QCOMPARE(out.request.representations.at(0), op.request.representations.at(1));
}

QTEST_GUILESS_MAIN(tst_EditorFields)
#include "tst_editorfields.moc"
