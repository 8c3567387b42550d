// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// A Try It send that ends without a response, clicked through the real widgets against the
// real portico-local (catalog, key and gateway): a closed port, a server that accepts and never
// answers (with a short configured timeout), gateways whose certificate is not trusted (a second
// portico-local: not the pinned certificate, on 127.0.0.2 for a host name mismatch, with an
// expired certificate in its data dir), and Cancel. The viewer and the history say what happened where, in
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
#include "ui/developer/sendfailuretext.h"
#include "ui/developer/tryitcomposer.h"
#include "ui/shell/language.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QNetworkReply>
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

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

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

// Writes a self-signed gateway certificate that expired yesterday (for 127.0.0.1) and its key
// where portico-local looks for them in `dataDir`; returns the certificate, null on failure.
QSslCertificate writeExpiredGatewayCertificate(const QString &dataDir)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    QByteArray certPem;
    QByteArray keyPem;
    if (key && cert) {
        X509_set_version(cert, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 4711);
        X509_gmtime_adj(X509_getm_notBefore(cert), -60L * 60 * 24 * 30);
        X509_gmtime_adj(X509_getm_notAfter(cert), -60L * 60 * 24);
        X509_set_pubkey(cert, key);
        X509_NAME *name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("expired-gateway"),
                                   -1, -1, 0);
        X509_set_issuer_name(cert, name);
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
        if (X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1")) {
            X509_add_ext(cert, ext, -1);
            X509_EXTENSION_free(ext);
        }
        if (X509_sign(cert, key, EVP_sha256()) != 0) {
            BIO *certBio = BIO_new(BIO_s_mem());
            BIO *keyBio = BIO_new(BIO_s_mem());
            if (PEM_write_bio_X509(certBio, cert)
                && PEM_write_bio_PrivateKey(keyBio, key, nullptr, nullptr, 0, nullptr, nullptr)) {
                char *data = nullptr;
                long size = BIO_get_mem_data(certBio, &data);
                certPem = QByteArray(data, size);
                size = BIO_get_mem_data(keyBio, &data);
                keyPem = QByteArray(data, size);
            }
            BIO_free_all(certBio);
            BIO_free_all(keyBio);
        }
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    QFile certFile(QDir(dataDir).filePath(u"gateway-cert.pem"_qs));
    QFile keyFile(QDir(dataDir).filePath(u"gateway-key.pem"_qs));
    if (certPem.isEmpty() || !certFile.open(QIODevice::WriteOnly) || certFile.write(certPem) != certPem.size()
        || !keyFile.open(QIODevice::WriteOnly) || keyFile.write(keyPem) != keyPem.size())
        return QSslCertificate();
    return QSslCertificate(certPem);
}

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
    void certificateProblemsAreSaidOneByOne_data();
    void certificateProblemsAreSaidOneByOne();
    void cancelSaysHowLongTheRequestRan_data();
    void cancelSaysHowLongTheRequestRan();
    void pinnedCertificateIsSaidToBeTrustedByItsPin();
    void sendsAnEarlierPorticoStoredAsTextStillShow();
    void everyKindIsSaidInEnglishAndDutch_data();
    void everyKindIsSaidInEnglishAndDutch();
    void shortStatusIsOneOrTwoWordsForEveryKind_data();
    void shortStatusIsOneOrTwoWordsForEveryKind();

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
    // "No answer within 2 s" is said after 2 s at the earliest (Try It's own precise timer).
    QVERIFY2(elapsed.elapsed() >= 2000, qPrintable(QString::number(elapsed.elapsed())));
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

void tst_SendFailureText::certificateProblemsAreSaidOneByOne_data()
{
    QTest::addColumn<QString>("gatewayProblem");
    QTest::addColumn<bool>("dutch");
    QTest::addColumn<QString>("prefix"); // %1: host:port
    QTest::addColumn<QStringList>("reasons"); // %1: the certificate's expiry date
    QTest::addColumn<QString>("suffix");
    // portico-local listening on 127.0.0.2: its certificate names localhost, 127.0.0.1 and ::1.
    QTest::newRow("host name mismatch") << u"mismatch"_qs << false << u"The certificate of %1 is not trusted: "_qs
                                        << QStringList { u"it is self-signed"_qs,
                                                         u"it is issued to “portico-local”, not to 127.0.0.2"_qs }
                                        << u". Nothing was sent."_qs;
    QTest::newRow("host name mismatch, Dutch")
        << u"mismatch"_qs << true << u"Het certificaat van %1 wordt niet vertrouwd: "_qs
        << QStringList { u"het is zelfondertekend"_qs, u"het is uitgegeven aan “portico-local”, niet aan 127.0.0.2"_qs }
        << u". Er is niets verzonden."_qs;
    // portico-local with a certificate that expired yesterday in its data dir.
    QTest::newRow("expired") << u"expired"_qs << false << u"The certificate of %1 is not trusted: "_qs
                             << QStringList { u"it is self-signed"_qs, u"it expired on %1"_qs }
                             << u". It is not the certificate pinned for this host either. Nothing was sent."_qs;
    QTest::newRow("expired, Dutch") << u"expired"_qs << true << u"Het certificaat van %1 wordt niet vertrouwd: "_qs
                                    << QStringList { u"het is zelfondertekend"_qs, u"het is verlopen op %1"_qs }
                                    << u". Het is ook niet het certificaat dat voor deze host is vastgepind. Er is "
                                       "niets verzonden."_qs;
}

void tst_SendFailureText::certificateProblemsAreSaidOneByOne()
{
    QFETCH(QString, gatewayProblem);
    QFETCH(bool, dutch);
    QFETCH(QString, prefix);
    QFETCH(QStringList, reasons);
    QFETCH(QString, suffix);
    test::TempDir dataDir;
    QStringList arguments;
    QString expiry;
    if (gatewayProblem == u"mismatch"_qs) {
        arguments = { u"--bind"_qs, u"127.0.0.2"_qs };
    } else {
        const QSslCertificate expired = writeExpiredGatewayCertificate(dataDir.path());
        QVERIFY(!expired.isNull());
        QVERIFY(expired.expiryDate() < QDateTime::currentDateTimeUtc());
        expiry = QLocale().toString(expired.expiryDate().toLocalTime().date(), QLocale::ShortFormat);
    }
    test::PorticoLocalFixture other;
    QVERIFY2(other.start(arguments, dataDir.path()), qPrintable(other.errorString()));
    QUrl gateway = other.gatewayHttpsUrl();
    QCOMPARE(gateway.host(), gatewayProblem == u"mismatch"_qs ? u"127.0.0.2"_qs : u"127.0.0.1"_qs);
    gateway.setPath(u"/sendfailure"_qs);
    const Said said = sendAndReopen(gateway, dutch);
    if (QTest::currentTestFailed())
        return;
    // Every problem is named, whatever order the TLS library found them in.
    prefix = prefix.arg(gateway.host() + u':' + QString::number(gateway.port()));
    QVERIFY2(said.live.startsWith(prefix) && said.live.endsWith(suffix), qPrintable(said.live));
    QString named = said.live.mid(prefix.size(), said.live.size() - prefix.size() - suffix.size());
    QStringList expected;
    for (const QString &reason : std::as_const(reasons))
        expected.append(reason.contains(u"%1"_qs) ? reason.arg(expiry) : reason);
    QStringList found = named.split(u"; "_qs);
    found.sort();
    expected.sort();
    QCOMPARE(found, expected);
    QCOMPARE(said.listToolTip, said.live);
    QCOMPARE(said.reopened, said.live);
    QCOMPARE(said.afterRestart, said.live);
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

    // Re-opened from history: the viewer says again how the certificate was trusted.
    workspace->viewer()->showResponse({});
    QVERIFY(errorText(*workspace, "certificateLabel").isEmpty());
    ui::HistoryPanel *panel = workspace->history();
    auto *list = panel->findChild<QTreeWidget *>(u"historyTreeWidget"_qs);
    QTRY_COMPARE(panel->entryCount(), 1);
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(panel->findChild<QPushButton *>(u"historyReopenPushButton"_qs), Qt::LeftButton);
    QTRY_COMPARE(workspace->viewer()->response().status, 200);
    QCOMPARE(errorText(*workspace, "certificateLabel"), said);
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

void tst_SendFailureText::everyKindIsSaidInEnglishAndDutch_data()
{
    using Kind = core::SendFailure::Kind;
    QTest::addColumn<core::SendFailure>("failure");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("dutch");
    core::SendFailure base;
    base.host = u"gateway.example"_qs;
    base.port = 8443;
    base.scheme = u"https"_qs;
    base.elapsedMs = 2500;
    base.detail = u"Qt's own words"_qs;
    auto with = [&base](Kind kind, auto &&change) {
        core::SendFailure failure = base;
        failure.kind = kind;
        change(failure);
        return failure;
    };
    auto same = [](core::SendFailure &) {};
    QTest::newRow("host not found") << with(Kind::HostNotFound, same)
                                    << u"The host “gateway.example” was not found: the name does not resolve. "
                                       "Nothing was sent."_qs
                                    << u"De host “gateway.example” is niet gevonden: de naam kan niet worden "
                                       "opgezocht. Er is niets verzonden."_qs;
    QTest::newRow("could not connect")
        << with(Kind::ConnectTimeout, [](core::SendFailure &f) { f.timeoutSeconds = 30; })
        << u"Could not connect to gateway.example:8443 within 30 s."_qs
        << u"Kon binnen 30 s geen verbinding maken met gateway.example:8443."_qs;
    QTest::newRow("deadline") << with(Kind::Deadline, [](core::SendFailure &f) { f.timeoutSeconds = 600; })
                              << u"No complete answer from gateway.example:8443 within 600 s; the request was "
                                 "stopped."_qs
                              << u"Geen volledig antwoord van gateway.example:8443 binnen 600 s; het verzoek is "
                                 "gestopt."_qs;
    QTest::newRow("closed") << with(Kind::ConnectionClosed, same)
                            << u"gateway.example:8443 closed the connection before answering."_qs
                            << u"gateway.example:8443 heeft de verbinding gesloten voordat er een antwoord kwam."_qs;
    QTest::newRow("network lost") << with(Kind::NetworkLost, same)
                                  << u"The network connection to gateway.example:8443 was lost before an answer "
                                     "arrived."_qs
                                  << u"De netwerkverbinding met gateway.example:8443 ging verloren voordat er een "
                                     "antwoord kwam."_qs;
    QTest::newRow("proxy refused") << with(Kind::Proxy,
                                           [](core::SendFailure &f) {
                                               f.networkErrorCode = QNetworkReply::ProxyConnectionRefusedError;
                                               f.proxyHost = u"proxy.corp"_qs;
                                               f.proxyPort = 3128;
                                           })
                                   << u"The proxy proxy.corp:3128 refused the connection."_qs
                                   << u"De proxy proxy.corp:3128 weigerde de verbinding."_qs;
    QTest::newRow("proxy sign-in, system proxy")
        << with(Kind::Proxy,
                [](core::SendFailure &f) { f.networkErrorCode = QNetworkReply::ProxyAuthenticationRequiredError; })
        << u"The proxy of this system asks for a sign-in that Portico does not have."_qs
        << u"De proxy van dit systeem vraagt om een aanmelding die Portico niet heeft."_qs;
    QTest::newRow("TLS without a certificate") << with(Kind::Tls, same)
                                               << u"No secure connection to gateway.example:8443 could be made. "
                                                  "Nothing was sent."_qs
                                               << u"Er kon geen beveiligde verbinding met gateway.example:8443 "
                                                  "worden gemaakt. Er is niets verzonden."_qs;
    QTest::newRow("body too large") << with(Kind::BodyTooLarge, [](core::SendFailure &f) { f.limitBytes = 1024; })
                                    << u"The response was stopped: its body is larger than the limit of %1."_qs
                                    << u"Het antwoord is gestopt: de body is groter dan de limiet van %1."_qs;
    QTest::newRow("key unavailable")
        << with(Kind::KeyUnavailable, [](core::SendFailure &f) { f.subscription = u"Starter"_qs; })
        << u"Could not read the key of subscription Starter. Nothing was sent."_qs
        << u"De sleutel van abonnement Starter kon niet worden gelezen. Er is niets verzonden."_qs;
    QTest::newRow("anything else") << with(Kind::Other, [](core::SendFailure &f) { f.networkErrorCode = 99; })
                                   << u"The request to gateway.example:8443 failed (network error 99)."_qs
                                   << u"Het verzoek naar gateway.example:8443 is mislukt (netwerkfout 99)."_qs;
}

void tst_SendFailureText::everyKindIsSaidInEnglishAndDutch()
{
    QFETCH(core::SendFailure, failure);
    QFETCH(QString, english);
    QFETCH(QString, dutch);
    const QString size = QLocale().formattedDataSize(failure.limitBytes);
    QCOMPARE(ui::SendFailureText::headline(failure), english.contains(u"%1"_qs) ? english.arg(size) : english);
    QCOMPARE(ui::SendFailureText::details(failure), u"Technical detail: Qt's own words"_qs);
    QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    QCOMPARE(ui::SendFailureText::headline(failure), dutch.contains(u"%1"_qs) ? dutch.arg(size) : dutch);
    QCOMPARE(ui::SendFailureText::details(failure), u"Technisch detail: Qt's own words"_qs);
}

void tst_SendFailureText::shortStatusIsOneOrTwoWordsForEveryKind_data()
{
    QTest::addColumn<bool>("dutch");
    QTest::addColumn<qint64>("elapsedMs"); // -1: not known (a cancel an earlier Portico stored)
    QTest::newRow("English") << false << qint64(2500);
    QTest::newRow("English, elapsed unknown") << false << qint64(-1);
    QTest::newRow("Dutch") << true << qint64(2500);
    QTest::newRow("Dutch, elapsed unknown") << true << qint64(-1);
}

void tst_SendFailureText::shortStatusIsOneOrTwoWordsForEveryKind()
{
    using Kind = core::SendFailure::Kind;
    QFETCH(bool, dutch);
    QFETCH(qint64, elapsedMs);
    if (dutch)
        QVERIFY(ui::installTranslations(*qApp, u"nl"_qs));
    // The history list's status column: a word or two, like "timed out", never a sentence.
    for (int kind = int(Kind::Other); kind <= int(Kind::KeyUnavailable); ++kind) {
        core::SendFailure failure;
        failure.kind = Kind(kind);
        failure.host = u"gateway.example"_qs;
        failure.port = 443;
        failure.elapsedMs = elapsedMs;
        const QString status = ui::SendFailureText::shortStatus(failure);
        QVERIFY2(!status.isEmpty() && status.split(u' ').size() <= 2 && !status.contains(u'.')
                     && status == status.toLower(),
                 qPrintable(u"kind %1: “%2”"_qs.arg(kind).arg(status)));
    }
    core::SendFailure cancelled;
    cancelled.kind = Kind::Cancelled;
    cancelled.elapsedMs = elapsedMs;
    QCOMPARE(ui::SendFailureText::shortStatus(cancelled), dutch ? u"geannuleerd"_qs : u"cancelled"_qs);
}

QTEST_MAIN(tst_SendFailureText)
#include "tst_sendfailuretext.moc"
