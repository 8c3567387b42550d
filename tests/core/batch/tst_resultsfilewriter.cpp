// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Where a batch job's results are downloaded to, when the disk fills up (here: a file size
// limit on this process, so that writes beyond it fail with EFBIG, as ENOSPC does on a full
// disk). Even a few bytes that do not fit are noticed, by the write or at the latest by
// commit() (a plain buffered QSaveFile commits a truncated file in their place and says it
// succeeded); the message names the file and the system's reason; the file that was there stays
// as it was and no temporary file is left behind. Without a failure the file is replaced.

#include "core/batch/resultsfilewriter.h"
#include "tests/support/tempdir.h"

#include <QDir>
#include <QScopeGuard>
#include <QTest>

#include <signal.h>
#include <sys/resource.h>

using namespace portico;
using core::ResultsFileWriter;

class tst_ResultsFileWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesThatDoNotFitFailAndKeepTheEarlierFile_data();
    void writesThatDoNotFitFailAndKeepTheEarlierFile();
    void discardKeepsTheEarlierFile();

private:
    QStringList filesThere() const
    {
        return QDir(m_dir.path()).entryList({ u"results.csv*"_qs }, QDir::Files | QDir::Hidden);
    }

    test::TempDir m_dir;
};

void tst_ResultsFileWriter::writesThatDoNotFitFailAndKeepTheEarlierFile_data()
{
    QTest::addColumn<QList<int>>("writes");
    QTest::addColumn<bool>("fits");
    const int limit = 1000;
    QTest::newRow("one small write, cut short") << QList<int> { limit + 100 } << false;
    QTest::newRow("the last write does not fit") << QList<int> { 600, 300, 200 } << false;
    QTest::newRow("only the last byte does not fit") << QList<int> { 999, 2 } << false;
    QTest::newRow("everything fits") << QList<int> { 600, 400 } << true;
}

void tst_ResultsFileWriter::writesThatDoNotFitFailAndKeepTheEarlierFile()
{
    QFETCH(QList<int>, writes);
    QFETCH(bool, fits);
    const QString path = m_dir.filePath(u"results.csv"_qs);
    const QByteArray earlier = "Col2,Col2_HashingFeature.0\nresults downloaded before,1\n";
    QVERIFY(m_dir.write(u"results.csv"_qs, earlier));

    ResultsFileWriter writer(path);
    QVERIFY(writer.create().ok());
    QByteArray all;
    core::Result<void> committed;
    {
        // 1000 bytes per file, only while writing and committing.
        struct rlimit unlimited {};
        QVERIFY(::getrlimit(RLIMIT_FSIZE, &unlimited) == 0);
        const auto previousHandler = ::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of being killed
        auto lift = qScopeGuard([&] {
            ::setrlimit(RLIMIT_FSIZE, &unlimited);
            ::signal(SIGXFSZ, previousHandler);
        });
        struct rlimit capped = unlimited;
        capped.rlim_cur = 1000;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &capped) == 0);
        for (int size : std::as_const(writes)) {
            const QByteArray chunk(size, char('a' + all.size() % 26));
            const qint64 written = writer.write(chunk);
            QVERIFY(written == size || written == -1); // never a silent short write
            all += chunk;
        }
        committed = writer.commit();
    }
    if (fits) {
        QVERIFY(committed.ok());
        QVERIFY(!writer.writeError());
        QCOMPARE(m_dir.read(u"results.csv"_qs), all);
    } else {
        QVERIFY2(!committed.ok(), "a results file that did not fit was committed");
        QCOMPARE(committed.error().kind, core::Error::Kind::Storage);
        QCOMPARE(committed.error().message,
                 u"Cannot write the results file %1: File too large"_qs.arg(path));
        QVERIFY(writer.writeError());
        QCOMPARE(writer.writeError()->message, committed.error().message);
        QCOMPARE(m_dir.read(u"results.csv"_qs), earlier);
    }
    QVERIFY(!writer.isOpen());
    QCOMPARE(filesThere(), QStringList { u"results.csv"_qs });
}

void tst_ResultsFileWriter::discardKeepsTheEarlierFile()
{
    const QByteArray earlier = "Col2\nearlier\n";
    QVERIFY(m_dir.write(u"results.csv"_qs, earlier));
    {
        ResultsFileWriter writer(m_dir.filePath(u"results.csv"_qs));
        QVERIFY(writer.create().ok());
        QCOMPARE(writer.write("Col2\nhalf a downlo"), qint64(18));
    } // a cancelled download
    QCOMPARE(m_dir.read(u"results.csv"_qs), earlier);
    QCOMPARE(filesThere(), QStringList { u"results.csv"_qs });

    ResultsFileWriter writer(m_dir.filePath(u"results.csv"_qs));
    QVERIFY(writer.create().ok());
    QCOMPARE(writer.write("Col2\nhalf"), qint64(9));
    writer.discard();
    QVERIFY(!writer.isOpen());
    QCOMPARE(m_dir.read(u"results.csv"_qs), earlier);
    QCOMPARE(filesThere(), QStringList { u"results.csv"_qs });
}

QTEST_GUILESS_MAIN(tst_ResultsFileWriter)
#include "tst_resultsfilewriter.moc"
