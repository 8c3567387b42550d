// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// A Try It send that ends without a response, clicked through the real widgets against the
// real portico-local (catalog, key and gateway): a closed port, a server that accepts and never
// answers (with a short configured timeout), a gateway whose certificate is not the pinned one
// (a second portico-local), and Cancel. The viewer and the history say what happened where, in
// the user's language (English and Dutch), the same when the send is re-opened from the
// history, also after a restart; sends an earlier Portico stored as English text still show.

#include "core/tryit/tryithistory.h"
#include "tests/support/porticolocalfixture.h"
#include "tests/support/tempdir.h"
#include "tests/ui/developer/developertestbed.h"
#include "ui/developer/apicatalogpanel.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/developerworkspace.h"
#include "ui/developer/historypanel.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/responseviewer.h"
#include "ui/developer/tryitcomposer.h"
#include "ui/shell/language.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <optional>

using namespace portico;

namespace {

const QString kSeedBody = uR"({"Inputs": {"input1": {"ColumnNames": ["Col2"], "Values": [["This is a good day"]]}}, "GlobalParameters": {}})"_qs;

// What the user reads about one send: live, in the history list, re-opened, and re-opened
// after a restart (a new history and workspace on the same file).
struct Said
{
    QString live;
    QString details;
    QString listStatus;
    QString listToolTip;
    QString reopened;
    QString reopenedDetails;
    QString afterRestart;
};

void removeTranslations()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

class tst_SendFailureText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup() { removeTranslations(); }
    void refusedConnectionIsSaidWithHostAndPort_data();
    void refusedConnectionIsSaidWithHostAndPort();
    void silentServerIsSaidWithTheConfiguredTimeout_data();
    void silentServerIsSaidWithTheConfiguredTimeout();
    void untrustedCertificateIsSaidWithItsReasons_data();
    void untrustedCertificateIsSaidWithItsReasons();
    void cancelSaysHowLongTheRequestRan_data();
    void cancelSaysHowLongTheRequestRan();
    void pinnedCertificateIsSaidToBeTrustedByItsPin();
    void sendsAnEarlierPorticoStoredAsTextStillShow();

private:
    // Opens RRS Execute (to `gateway` instead of the service's when valid) with the seed body.
    void openRrsExecute(ui::DeveloperWorkspace &workspace, const QUrl &gateway);
    // A fresh history at `path`, a controller and workspace on the service, shown and loaded.
    void openWorkspace(core::TryItHistory &history, const QString &path,
                       std::unique_ptr<ui::DeveloperController> &controller,
                       std::unique_ptr<ui::DeveloperWorkspace> &workspace);
    void reopenNewest(ui::DeveloperWorkspace &workspace);
    // Sends RRS Execute to `gateway`; cancels `cancelAfterMs` after it went out (when >= 0).
    Said sendAndReopen(const QUrl &gateway, bool dutch, int transferTimeoutMs = 60000,
                       int cancelAfterMs = -1);
    QString errorText(ui::DeveloperWorkspace &workspace, const char *name = "responseErrorLabel");

    test::DeveloperTestBed m_bed;
    test::TempDir m_dir;
};

void tst_SendFailureText::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString started = m_bed.start(u"sendfailure"_qs, this);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const auto key = m_bed.subscribe(u"failure-developer"_qs,
                                     QJsonObject { { u"scope"_qs, u"/products/starter"_qs },
                                                   { u"displayName"_qs, u"Failure developer"_qs },
                                                   { u"ownerId"_qs, u"/users/1"_qs },
                                                   { u"state"_qs, u"active"_qs } },
                                     this);
    QVERIFY2(key.ok(), key.ok() ? "" : qPrintable(key.error().message));
    const QString opened = m_bed.startDeveloper(m_dir.filePath(u"unused-history.sqlite"_qs));
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void tst_SendFailureText::cleanupTestCase()
{
    m_bed.stop();
}

void tst_SendFailureText::openRrsExecute(ui::DeveloperWorkspace &workspace, const QUrl &gateway)
{
    ui::ApiCatalogPanel *catalog = workspace.catalog();
    QVERIFY(catalog->select(u"AzureML Demo API"_qs, u"RRS Execute"_qs));
    QTest::mouseClick(catalog->findChild<QPushButton *>(u"tryItPushButton"_qs), Qt::LeftButton);
    ui::TryItComposer *composer = workspace.composer();
    if (gateway.isValid()) {
        QVERIFY(catalog->currentApi() && catalog->currentOperation());
        composer->setOperation(catalog->currentApi()->api, *catalog->currentOperation(), gateway);
    }
    QVERIFY(composer->setParameterValue(u"workspace"_qs, u"local"_qs));
    QVERIFY(composer->setParameterValue(u"service"_qs, u"feature-hashing"_qs));
    QVERIFY(composer->setParameterValue(u"apiversion"_qs, u"2.0"_qs));
    QVERIFY(composer->setParameterValue(u"details"_qs, u"true"_qs));
    composer->bodyEditor()->setText(kSeedBody);
    auto *combo = composer->findChild<QComboBox *>(u"subscriptionComboBox"_qs);
    const int index = combo->findData(u"failure-developer"_qs);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

void tst_SendFailureText::openWorkspace(core::TryItHistory &history, const QString &path,
                                        std::unique_ptr<ui::DeveloperController> &controller,
                                        std::unique_ptr<ui::DeveloperWorkspace> &workspace)
{
    QVERIFY(history.open(path).ok());
    controller = std::make_unique<ui::DeveloperController>(m_bed.developer()->client(), &m_bed.network(), &history);
    workspace = std::make_unique<ui::DeveloperWorkspace>(controller.get());
    controller->setService(m_bed.serviceId());
    workspace->resize(1400, 900);
    workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(workspace.get()));
    QSignalSpy loaded(controller.get(), &ui::DeveloperController::subscriptionsLoaded);
    controller->refresh();
    QVERIFY(loaded.wait(30000));
}

void tst_SendFailureText::reopenNewest(ui::DeveloperWorkspace &workspace)
{
    // Something else in the viewer first, so that what follows can only come from history.
    workspace.viewer()->showResponse({});
    ui::HistoryPanel *panel = workspace.history();
    auto *list = panel->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    QTRY_VERIFY(panel->entryCount() >= 1);
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(panel->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY(!errorText(workspace).isEmpty());
}

QString tst_SendFailureText::errorText(ui::DeveloperWorkspace &workspace, const char *name)
{
    auto *label = workspace.viewer()->findChild<QLabel *>(QString::fromLatin1(name));
    return label && label->isVisibleTo(&workspace) ? label->text() : QString();
}

Said tst_SendFailureText::sendAndReopen(const QUrl &gateway, bool dutch, int transferTimeoutMs, int cancelAfterMs)
{
    Said said;
    if (dutch && !ui::installTranslations(*qApp, u"nl"_qs)) {
        QTest::qFail("the Dutch translation did not load", __FILE__, __LINE__);
        return said;
    }
    test::TempDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    {
        core::TryItHistory history;
        std::unique_ptr<ui::DeveloperController> controller;
        std::unique_ptr<ui::DeveloperWorkspace> workspace;
        openWorkspace(history, path, controller, workspace);
        if (QTest::currentTestFailed())
            return said;
        controller->setTransferTimeoutMs(transferTimeoutMs);
        openRrsExecute(*workspace, gateway);
        if (QTest::currentTestFailed())
            return said;
        QSignalSpy started(controller.get(), &ui::DeveloperController::sendStarted);
        QSignalSpy ready(controller.get(), &ui::DeveloperController::responseReady);
        QTest::mouseClick(workspace->composer()->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
        if (cancelAfterMs >= 0) {
            // The key is read first; the request goes out after that.
            if (!started.wait(30000)) {
                QTest::qFail("the request did not go out", __FILE__, __LINE__);
                return said;
            }
            QTest::qWait(cancelAfterMs);
            QTest::mouseClick(workspace->composer()->findChild<QPushButton *>(u"cancelPushButton"_qs),
                              Qt::LeftButton);
        }
        if (!ready.wait(30000)) {
            QTest::qFail("no answer shown", __FILE__, __LINE__);
            return said;
        }
        said.live = errorText(*workspace);
        said.details = errorText(*workspace, "responseErrorDetailsLabel");
        auto *list = workspace->history()->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
        if (!QTest::qWaitFor([&] { return workspace->history()->entryCount() == 1; }, 5000)) {
            QTest::qFail("the send is not in the history", __FILE__, __LINE__);
            return said;
        }
        said.listStatus = list->topLevelItem(0)->text(3);
        said.listToolTip = list->topLevelItem(0)->toolTip(3);
        reopenNewest(*workspace);
        said.reopened = errorText(*workspace);
        said.reopenedDetails = errorText(*workspace, "responseErrorDetailsLabel");
        workspace->close();
    }
    {
        // After a restart: the history file only.
        core::TryItHistory history;
        std::unique_ptr<ui::DeveloperController> controller;
        std::unique_ptr<ui::DeveloperWorkspace> workspace;
        openWorkspace(history, path, controller, workspace);
        if (QTest::currentTestFailed())
            return said;
        reopenNewest(*workspace);
        said.afterRestart = errorText(*workspace);
        workspace->close();
    }
    return said;
}

void tst_SendFailureText::refusedConnectionIsSaidWithHostAndPort_data()
{
    QTest::addColumn<bool>("dutch");
    QTest::addColumn<QString>("expected"); // %1: the port
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("detailPrefix");
    QTest::newRow("English") << false
                             << u"Connection refused by 127.0.0.1:%1: nothing accepts connections on that port. "
                                "Nothing was sent."_qs
                             << u"refused"_qs << u"Technical detail: "_qs;
    QTest::newRow("Dutch") << true
                           << u"Verbinding geweigerd door 127.0.0.1:%1: op die poort neemt niets verbindingen aan. "
                              "Er is niets verzonden."_qs
                           << u"geweigerd"_qs << u"Technisch detail: "_qs;
}

void tst_SendFailureText::refusedConnectionIsSaidWithHostAndPort()
{
    QFETCH(bool, dutch);
    QFETCH(QString, expected);
    QFETCH(QString, status);
    QFETCH(QString, detailPrefix);
    // An ephemeral port that was free a moment ago and is closed now.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const Said said = sendAndReopen(QUrl(u"http://127.0.0.1:%1/azureml"_qs.arg(port)), dutch);
    if (QTest::currentTestFailed())
        return;
    expected = expected.arg(port);
    QCOMPARE(said.live, expected);
    QVERIFY2(said.details.startsWith(detailPrefix), qPrintable(said.details));
    QCOMPARE(said.listStatus, status);
    QCOMPARE(said.listToolTip, expected);
    QCOMPARE(said.reopened, expected);
    QCOMPARE(said.reopenedDetails, said.details);
    QCOMPARE(said.afterRestart, expected);
}

void tst_SendFailureText::silentServerIsSaidWithTheConfiguredTimeout_data()
{
    QTest::addColumn<bool>("dutch");
    QTest::addColumn<QString>("expected"); // %1: the port
    QTest::addColumn<QString>("status");
    QTest::newRow("English") << false << u"No answer from 127.0.0.1:%1 within 2 s."_qs << u"timed out"_qs;
    QTest::newRow("Dutch") << true << u"Geen antwoord van 127.0.0.1:%1 binnen 2 s."_qs << u"time-out"_qs;
}

void tst_SendFailureText::silentServerIsSaidWithTheConfiguredTimeout()
{
    QFETCH(bool, dutch);
    QFETCH(QString, expected);
    QFETCH(QString, status);
    // Accepts the connection, takes the request, never answers.
    QTcpServer silent;
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const auto release = qScopeGuard([&held] { qDeleteAll(held); });
    QElapsedTimer elapsed;
    elapsed.start();
    const Said said = sendAndReopen(QUrl(u"http://127.0.0.1:%1/azureml"_qs.arg(silent.serverPort())), dutch, 2000);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(elapsed.elapsed() >= 2000);
    QCOMPARE(held.size(), 1);
    expected = expected.arg(silent.serverPort());
    QCOMPARE(said.live, expected);
    QCOMPARE(said.listStatus, status);
    QCOMPARE(said.listToolTip, expected);
    QCOMPARE(said.reopened, expected);
    QCOMPARE(said.afterRestart, expected);
}

void tst_SendFailureText::untrustedCertificateIsSaidWithItsReasons_data()
{
    QTest::addColumn<bool>("dutch");
    QTest::addColumn<QString>("expected"); // %1: the port
    QTest::addColumn<QString>("details"); // %1: the fingerprint
    QTest::addColumn<QString>("status");
    QTest::newRow("English") << false
                             << u"The certificate of 127.0.0.1:%1 is not trusted: it is self-signed. It is not the "
                                "certificate pinned for this host either. Nothing was sent."_qs
                             << u"Certificate issued to “portico-local” by “portico-local”, valid from %2 until %3, "
                                "SHA-256 %1."_qs
                             << u"not trusted"_qs;
    QTest::newRow("Dutch") << true
                           << u"Het certificaat van 127.0.0.1:%1 wordt niet vertrouwd: het is zelfondertekend. Het is "
                              "ook niet het certificaat dat voor deze host is vastgepind. Er is niets verzonden."_qs
                           << u"Certificaat uitgegeven aan “portico-local” door “portico-local”, geldig van %2 tot %3, "
                              "SHA-256 %1."_qs
                           << u"niet vertrouwd"_qs;
}

void tst_SendFailureText::untrustedCertificateIsSaidWithItsReasons()
{
    QFETCH(bool, dutch);
    QFETCH(QString, expected);
    QFETCH(QString, details);
    QFETCH(QString, status);
    // Another portico-local's gateway on the same host: its own self-signed certificate, not
    // the one the service publishes and Portico pins for 127.0.0.1.
    test::PorticoLocalFixture other;
    QVERIFY2(other.start(), qPrintable(other.errorString()));
    const QString fingerprint = other.readyLine().value(u"gatewayCertificateSha256"_qs).toString();
    QVERIFY(!fingerprint.isEmpty());
    QVERIFY(fingerprint != m_bed.local().readyLine().value(u"gatewayCertificateSha256"_qs).toString());
    const QSslCertificate certificate = [&] {
        QFile pem(QDir(other.dataDir()).filePath(u"gateway-cert.pem"_qs));
        return pem.open(QIODevice::ReadOnly) ? QSslCertificate(pem.readAll()) : QSslCertificate();
    }();
    QVERIFY(!certificate.isNull());
    QUrl gateway = other.gatewayHttpsUrl();
    gateway.setPath(u"/sendfailure"_qs);
    const Said said = sendAndReopen(gateway, dutch);
    if (QTest::currentTestFailed())
        return;
    expected = expected.arg(gateway.port());
    const auto date = [](const QDateTime &when) {
        return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
    };
    details = details.arg(fingerprint, date(certificate.effectiveDate()), date(certificate.expiryDate()));
    QCOMPARE(said.live, expected);
    QVERIFY2(said.details.startsWith(details), qPrintable(said.details + u" <> "_qs + details));
    QCOMPARE(said.listStatus, status);
    QCOMPARE(said.listToolTip, expected);
    QCOMPARE(said.reopened, expected);
    QCOMPARE(said.reopenedDetails, said.details);
    QCOMPARE(said.afterRestart, expected);
}

void tst_SendFailureText::cancelSaysHowLongTheRequestRan_data()
{
    QTest::addColumn<bool>("dutch");
    QTest::addColumn<QString>("pattern"); // captures the seconds
    QTest::addColumn<QString>("status");
    QTest::newRow("English") << false << u"^You cancelled the request after (\\d+\\.\\d) s\\.$"_qs << u"cancelled"_qs;
    QTest::newRow("Dutch") << true << u"^Je hebt het verzoek na (\\d+[.,]\\d) s geannuleerd\\.$"_qs << u"geannuleerd"_qs;
}

void tst_SendFailureText::cancelSaysHowLongTheRequestRan()
{
    QFETCH(bool, dutch);
    QFETCH(QString, pattern);
    QFETCH(QString, status);
    QTcpServer silent;
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const auto release = qScopeGuard([&held] { qDeleteAll(held); });
    const Said said = sendAndReopen(QUrl(u"http://127.0.0.1:%1/azureml"_qs.arg(silent.serverPort())), dutch,
                                    60000, 1200);
    if (QTest::currentTestFailed())
        return;
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(said.live);
    QVERIFY2(match.hasMatch(), qPrintable(said.live));
    const double seconds = QString(match.captured(1)).replace(u',', u'.').toDouble();
    QVERIFY2(seconds >= 1.2 && seconds < 10, qPrintable(said.live));
    QCOMPARE(said.listStatus, status);
    QCOMPARE(said.listToolTip, said.live);
    QCOMPARE(said.reopened, said.live);
    QCOMPARE(said.afterRestart, said.live);
}

void tst_SendFailureText::pinnedCertificateIsSaidToBeTrustedByItsPin()
{
    // The service's gateway: its self-signed certificate is accepted because the service
    // publishes its fingerprint and Portico pins it; the viewer says so, it is not silent.
    test::TempDir dir;
    core::TryItHistory history;
    std::unique_ptr<ui::DeveloperController> controller;
    std::unique_ptr<ui::DeveloperWorkspace> workspace;
    openWorkspace(history, dir.filePath(u"history.sqlite"_qs), controller, workspace);
    if (QTest::currentTestFailed())
        return;
    openRrsExecute(*workspace, {});
    QSignalSpy ready(controller.get(), &ui::DeveloperController::responseReady);
    QTest::mouseClick(workspace->composer()->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(workspace->viewer()->response().status, 200);
    const QString fingerprint = m_bed.local().readyLine().value(u"gatewayCertificateSha256"_qs).toString();
    const QString said = errorText(*workspace, "certificateLabel");
    QCOMPARE(said,
             u"The certificate of 127.0.0.1:%1 was accepted because its SHA-256 fingerprint %2 is pinned for this "
             "host, although the system does not trust it: it is self-signed."_qs
                 .arg(m_bed.local().gatewayHttpsUrl().port())
                 .arg(fingerprint));
    QVERIFY(errorText(*workspace).isEmpty());
    workspace->close();
}

void tst_SendFailureText::sendsAnEarlierPorticoStoredAsTextStillShow()
{
    // One real send for a request the catalog knows, then two sends as an earlier Portico
    // stored them: status 0 and core's English sentence.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    test::TempDir dir;
    const QString path = dir.filePath(u"history.sqlite"_qs);
    core::TryItRequest request;
    {
        core::TryItHistory history;
        std::unique_ptr<ui::DeveloperController> controller;
        std::unique_ptr<ui::DeveloperWorkspace> workspace;
        openWorkspace(history, path, controller, workspace);
        if (QTest::currentTestFailed())
            return;
        openRrsExecute(*workspace, QUrl(u"http://127.0.0.1:%1/azureml"_qs.arg(port)));
        QSignalSpy ready(controller.get(), &ui::DeveloperController::responseReady);
        QTest::mouseClick(workspace->composer()->findChild<QPushButton *>(u"sendPushButton"_qs), Qt::LeftButton);
        QVERIFY(ready.wait(30000));
        request = history.list()->first().request;
        request.gatewayUrl = QUrl(u"http://127.0.0.1:%1/azureml"_qs.arg(port));
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(60);
        QVERIFY(history.record(request, core::Error::make(core::Error::Kind::Network, u"No data for 60 s."_qs), later)
                    .ok());
        QVERIFY(history.record(request,
                               core::Error::make(core::Error::Kind::Tls,
                                                 u"SSL handshake failed: The certificate is self-signed, and untrusted"_qs),
                               later.addSecs(1))
                    .ok());
        workspace->close();
    }
    QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    core::TryItHistory history;
    std::unique_ptr<ui::DeveloperController> controller;
    std::unique_ptr<ui::DeveloperWorkspace> workspace;
    openWorkspace(history, path, controller, workspace);
    if (QTest::currentTestFailed())
        return;
    ui::HistoryPanel *panel = workspace->history();
    auto *list = panel->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    QTRY_COMPARE(panel->entryCount(), 3);
    // A sentence whose facts Portico can read back is said in the user's language...
    list->setCurrentItem(list->topLevelItem(1));
    QTest::mouseClick(panel->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE(errorText(*workspace), u"Geen antwoord van 127.0.0.1:%1 binnen 60 s."_qs.arg(port));
    QCOMPARE(list->topLevelItem(1)->text(3), u"time-out"_qs);
    // ...any other still shows, as it was stored.
    workspace->viewer()->showResponse({});
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(panel->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE(errorText(*workspace), u"SSL handshake failed: The certificate is self-signed, and untrusted"_qs);
    QCOMPARE(list->topLevelItem(0)->toolTip(3), u"SSL handshake failed: The certificate is self-signed, and untrusted"_qs);
    workspace->close();
}

QTEST_MAIN(tst_SendFailureText)
#include "tst_sendfailuretext.moc"
