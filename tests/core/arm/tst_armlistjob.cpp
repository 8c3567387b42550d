// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/arm/armclient.h"
#include "core/arm/armlistjob.h"
#include "core/arm/pagingguard.h"
#include "core/auth/statictokenprovider.h"
#include "tests/support/replay/replayserver.h"

#include <QNetworkAccessManager>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace portico;

namespace {
const QString svc = u"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/"
                    "Microsoft.ApiManagement/service/apimService1"_qs;

// An ArmClient (static token) in front of a started ReplayServer.
class ReplayedArm final
{
public:
    bool start()
    {
        if (!m_server.start())
            return false;
        m_client = std::make_unique<core::ArmClient>(&m_nam, m_server.url(), &m_tokens);
        return true;
    }
    test::ReplayServer &server() { return m_server; }
    core::ArmClient &client() { return *m_client; }

private:
    test::ReplayServer m_server;
    QNetworkAccessManager m_nam;
    core::StaticTokenProvider m_tokens { u"t"_qs };
    std::unique_ptr<core::ArmClient> m_client;
};
} // namespace

class tst_ArmListJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsNextLinkUntilTheEmptyString();
    void maxItemsStopsEarly();
    void nextLinkToAnotherOriginIsRefused();
    void aNextLinkThatRepeatsEndsWithTheLoopError();
};

void tst_ArmListJob::followsNextLinkUntilTheEmptyString()
{
    ReplayedArm arm;
    QVERIFY(arm.start());
    QVERIFY(arm.server().load(u"arm-list-apis-nextlink.json"_qs));
    core::ArmListJob *job = arm.client().list(core::ArmRequest::get(svc + u"/apis"_qs));
    QSignalSpy pages(job, &core::ArmListJob::pageReceived);
    QSignalSpy finished(job, &core::ArmListJob::finished);
    QStringList names;
    qint64 total = 0;
    connect(job, &core::ArmListJob::finished, this, [&] {
        total = job->totalCount();
        for (const QJsonObject &item : job->result().value())
            names.append(item.value(u"name"_qs).toString());
    });
    QVERIFY(finished.wait());
    QCOMPARE(pages.size(), 2);
    QCOMPARE(names, (QStringList { u"a1"_qs, u"echo-api"_qs, u"api2"_qs, u"api3"_qs }));
    QCOMPARE(total, qint64(4));
    QCOMPARE(arm.server().received().size(), 2);
    QVERIFY(arm.server().received().at(1).query.contains(u"$skip=2"_qs));
    QVERIFY(arm.server().unmatched().isEmpty());
}

void tst_ArmListJob::maxItemsStopsEarly()
{
    ReplayedArm arm;
    QVERIFY(arm.start());
    QVERIFY(arm.server().load(u"arm-list-apis-nextlink.json"_qs));
    core::ArmListJob *job = arm.client().list(core::ArmRequest::get(svc + u"/apis"_qs), 1);
    QSignalSpy finished(job, &core::ArmListJob::finished);
    int count = 0;
    bool truncated = false;
    connect(job, &core::ArmListJob::finished, this, [&] {
        count = int(job->result().value().size());
        truncated = job->truncated();
    });
    QVERIFY(finished.wait());
    QCOMPARE(count, 1);
    QVERIFY(truncated);
    QCOMPARE(arm.server().received().size(), 1);
}

void tst_ArmListJob::nextLinkToAnotherOriginIsRefused()
{
    ReplayedArm arm;
    QVERIFY(arm.start());
    arm.server().add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, u"/list"_qs } } },
        { u"response"_qs,
          QJsonObject { { u"status"_qs, 200 },
                        { u"body"_qs, QJsonObject { { u"value"_qs, QJsonArray { QJsonObject { { u"name"_qs, u"a"_qs } } } },
                                                    { u"nextLink"_qs, u"http://127.0.0.2:1/list?api-version=2024-05-01"_qs } } } } } });
    core::ArmListJob *job = arm.client().list(core::ArmRequest::get(u"/list"_qs));
    QSignalSpy finished(job, &core::ArmListJob::finished);
    core::Error error;
    connect(job, &core::ArmListJob::finished, this, [&] { error = job->result().ok() ? core::Error() : job->result().error(); });
    QVERIFY(finished.wait());
    QCOMPARE(error.kind, core::Error::Kind::Refused);
    QCOMPARE(arm.server().received().size(), 1);
}

void tst_ArmListJob::aNextLinkThatRepeatsEndsWithTheLoopError()
{
    // A server that answers every page with the same nextLink: read twice, then stopped.
    ReplayedArm arm;
    QVERIFY(arm.start());
    arm.server().add(QJsonObject {
        { u"request"_qs, QJsonObject { { u"method"_qs, u"GET"_qs }, { u"path"_qs, u"/list"_qs } } },
        { u"response"_qs,
          QJsonObject { { u"status"_qs, 200 },
                        { u"body"_qs, QJsonObject { { u"value"_qs, QJsonArray { QJsonObject { { u"name"_qs, u"a"_qs } } } },
                                                    { u"nextLink"_qs, u"{{base}}/list?api-version=2024-05-01&page=2"_qs } } } } },
        { u"repeat"_qs, 100 } });
    core::ArmListJob *job = arm.client().list(core::ArmRequest::get(u"/list"_qs));
    QSignalSpy finished(job, &core::ArmListJob::finished);
    core::Error error;
    connect(job, &core::ArmListJob::finished, this, [&] { error = job->result().ok() ? core::Error() : job->result().error(); });
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1 || arm.server().received().size() > 10, 10000);
    QCOMPARE(arm.server().received().size(), 2);
    QVERIFY2(core::PagingGuard::isLoop(error), qPrintable(error.toString()));
}

QTEST_GUILESS_MAIN(tst_ArmListJob)
#include "tst_armlistjob.moc"
