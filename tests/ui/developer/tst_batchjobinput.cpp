// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// A batch job refused for its input (no input file, no workspace, no service, a bad container
// name) is said right below the field to fix, in English and in Dutch, and the focus goes
// there; the field keeps what was typed, and editing it clears the message. Real widgets and
// the real BatchJobRunner, which refuses the job before any network call.

#include "core/batch/batchjobrunner.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/secretstore.h"
#include "tests/support/secretjobs.h"
#include "tests/support/tempdir.h"
#include "ui/developer/batchjobspanel.h"
#include "ui/shell/language.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace portico;

class tst_BatchJobInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void refusedInputIsSaidAtTheField_data();
    void refusedInputIsSaidAtTheField();

private:
    test::TempDir m_dir;
    QNetworkAccessManager m_network;
    core::InMemorySecretStore m_secrets;
    int m_runs = 0;
};

void tst_BatchJobInput::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.write(u"reviews.csv"_qs, "Col2\nThis is a good day\n"));
    QVERIFY(test::waitFor(m_secrets.write(core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs), u"not-a-real-key"_qs))
                .ok());
}

void tst_BatchJobInput::cleanup()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void tst_BatchJobInput::refusedInputIsSaidAtTheField_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("field"); // the line edit left empty or wrong, by its objectName
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message"); // the English message, looked up in the language
    QTest::newRow("no workspace") << u"en"_qs << u"batchWorkspaceLineEdit"_qs << QString()
                                  << u"Enter the workspace id."_qs;
    QTest::newRow("no workspace, Dutch") << u"nl"_qs << u"batchWorkspaceLineEdit"_qs << QString()
                                         << u"Enter the workspace id."_qs;
    QTest::newRow("no service") << u"en"_qs << u"batchServiceLineEdit"_qs << u"  "_qs
                                << u"Enter the web service id."_qs;
    QTest::newRow("no input file") << u"en"_qs << u"batchInputLineEdit"_qs << QString()
                                   << u"Choose the input CSV file."_qs;
    QTest::newRow("bad container") << u"en"_qs << u"batchContainerLineEdit"_qs << u"Bad_Name"_qs
                                   << u"“Bad_Name” is not a valid container name: use 3 to 63 lower-case "
                                      "letters, digits and single hyphens."_qs;
}

void tst_BatchJobInput::refusedInputIsSaidAtTheField()
{
    QFETCH(QString, language);
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(QString, message);
    if (language != u"en"_qs)
        QVERIFY(ui::installTranslations(*qApp, language));
    const QString expected = language == u"en"_qs
        ? message
        : QCoreApplication::translate("portico::ui::BatchJobErrorText", message.toUtf8().constData());
    QVERIFY(expected != message || language == u"en"_qs);

    core::BatchJobRunner runner(&m_network, &m_secrets, m_dir.filePath(u"batch-"_qs + QString::number(++m_runs)));
    QVERIFY(runner.load().ok());
    ui::BatchJobsPanel panel(&runner, &m_secrets, u"local"_qs);
    panel.setDirectService(QUrl(u"http://127.0.0.1:9/ml"_qs), core::SecretStore::makeKey(u"local"_qs, u"ml-key"_qs));
    panel.setWorkspaceAndService(u"local"_qs, u"feature-hashing"_qs);
    panel.findChild<QComboBox *>(u"batchTargetComboBox"_qs)->setCurrentIndex(1); // directly to the ML service
    panel.findChild<QLineEdit *>(u"batchInputLineEdit"_qs)->setText(m_dir.filePath(u"reviews.csv"_qs));
    panel.resize(1000, 800);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));

    auto *edit = panel.findChild<QLineEdit *>(field);
    QVERIFY(edit);
    edit->setText(typed);
    auto *submit = panel.findChild<QPushButton *>(u"batchSubmitPushButton"_qs);
    submit->setFocus();
    QTest::mouseClick(submit, Qt::LeftButton);

    // The focus goes to the field, and the message is right below it.
    const auto focused = [] { return QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(); };
    auto *state = panel.findChild<QLabel *>(u"batchStateLabel"_qs);
    QTRY_VERIFY2(focused() == field,
                 qPrintable(u"the focus is on "_qs + focused() + u"; the state line says: "_qs + state->text()));
    const QString labelName = field.chopped(QStringLiteral("LineEdit").size()) + u"MessageLabel"_qs;
    auto *label = panel.findChild<QLabel *>(labelName);
    QVERIFY2(label, qPrintable(u"no message label "_qs + labelName + u" below the field; the state line says: "_qs
                               + state->text()));
    QCOMPARE(label->text(), expected);
    QVERIFY(label->isVisible());
    QCOMPARE(edit->text(), typed); // what was typed stays
    QCOMPARE(panel.findChild<QTreeWidget *>(u"batchJobsTreeWidget"_qs)->topLevelItemCount(), 0);

    QTest::keyClick(edit, Qt::Key_X);
    QVERIFY(!label->isVisible());
}

QTEST_MAIN(tst_BatchJobInput)
#include "tst_batchjobinput.moc"
