// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/model/operation.h"
#include "core/model/urltemplate.h"
#include "ui/publisher/azuremldefinition.h"
#include "ui/publisher/editorfields.h"

#include <QTest>

using namespace portico;

class tst_AzureMlDefinition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fiveSeedOperationsWithVerbatimTemplates();
    void operationsSurviveTheModelRoundTrip();
    void policyInjectsTheKeyFromTheNamedValue();
};

void tst_AzureMlDefinition::fiveSeedOperationsWithVerbatimTemplates()
{
    const auto d = ui::AzureMlDefinition::localSample(u"http://127.0.0.1:8473"_qs);
    const QVariantList ops = d.operations();
    QCOMPARE(ops.size(), 5);
    const QStringList expected {
        u"POST /workspaces/{workspace}/services/{service}/execute?api-version={apiversion}&details={details}"_qs,
        u"POST /workspaces/{workspace}/services/{service}/jobs?api-version={apiversion}"_qs,
        u"POST /workspaces/{workspace}/services/{service}/jobs/{jobid}/start?api-version={apiversion}"_qs,
        u"GET /workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs,
        u"DELETE /workspaces/{workspace}/services/{service}/jobs/{jobid}?api-version={apiversion}"_qs,
    };
    const QStringList names { u"RRS Execute"_qs, u"BES Submit"_qs, u"BES Start"_qs, u"BES Status"_qs,
                              u"BES Delete"_qs };
    for (int i = 0; i < ops.size(); ++i) {
        const QVariantMap op = ops.at(i).toMap();
        QCOMPARE(op.value(u"method"_qs).toString() + u' ' + op.value(u"urlTemplate"_qs).toString(),
                 expected.at(i));
        QCOMPARE(op.value(u"displayName"_qs).toString(), names.at(i));
        const core::Operation model = ui::editorfields::toOperation(op);
        const auto parsed = model.parsedUrlTemplate(); // every parameter declared, none unused
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(model.responses.size(), 1);
        QCOMPARE(model.responses.first().statusCode, 200);
    }
    QCOMPARE(d.apiFields().value(u"path"_qs).toString(), u"azureml-demo"_qs);
    QCOMPARE(d.apiFields().value(u"products"_qs).toStringList(), QStringList { u"starter"_qs });
    QCOMPARE(d.apiFields().value(u"protocols"_qs).toStringList(), QStringList { u"https"_qs });
}

void tst_AzureMlDefinition::operationsSurviveTheModelRoundTrip()
{
    const auto d = ui::AzureMlDefinition::localSample(u"http://127.0.0.1:8473"_qs);
    for (const QVariant &row : d.operations()) {
        const core::Operation op = ui::editorfields::toOperation(row.toMap());
        const auto back = core::Operation::fromJson(op.toJson(core::JsonShape::Response));
        QVERIFY(back.ok());
        const QVariantMap fields = ui::editorfields::fromOperation(back.value());
        QCOMPARE(fields.value(u"urlTemplate"_qs), row.toMap().value(u"urlTemplate"_qs));
        QCOMPARE(fields.value(u"templateParameters"_qs).toList().size(),
                 row.toMap().value(u"templateParameters"_qs).toList().size());
    }
    const core::Api api = ui::editorfields::toApi(d.apiFields());
    const QVariantMap apiBack = ui::editorfields::fromApi(api, { u"starter"_qs });
    QCOMPARE(apiBack.value(u"displayName"_qs).toString(), u"AzureML Demo API"_qs);
    QCOMPARE(apiBack.value(u"headerName"_qs).toString(), u"Ocp-Apim-Subscription-Key"_qs);
}

void tst_AzureMlDefinition::policyInjectsTheKeyFromTheNamedValue()
{
    const auto d = ui::AzureMlDefinition::localSample(u"http://127.0.0.1:8473"_qs);
    QVERIFY(d.apiPolicy().contains(u"<value>Bearer {{%1}}</value>"_qs.arg(d.namedValueId())));
    QVERIFY(d.apiPolicy().contains(u"<base />"_qs));
}

QTEST_MAIN(tst_AzureMlDefinition)
#include "tst_azuremldefinition.moc"
