// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

#include "ui/developer/textdiff.h"

#include <QTest>

using namespace portico::ui;

class tst_TextDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffsLines_data();
    void diffsLines();
    void bigUnrelatedInputsStayBounded();
};

namespace {
// Renders a diff as "=a -b +c" for compact expectations, and checks line numbers on the way.
QString render(const QList<DiffLine> &diff, const QStringList &left, const QStringList &right)
{
    QStringList parts;
    for (const DiffLine &line : diff) {
        switch (line.kind) {
        case DiffLine::Kind::Same:
            if (left.value(line.leftLine - 1) != line.text || right.value(line.rightLine - 1) != line.text)
                return u"bad line numbers"_qs;
            parts.append(u'=' + line.text);
            break;
        case DiffLine::Kind::Removed:
            if (left.value(line.leftLine - 1) != line.text || line.rightLine != 0)
                return u"bad line numbers"_qs;
            parts.append(u'-' + line.text);
            break;
        case DiffLine::Kind::Added:
            if (right.value(line.rightLine - 1) != line.text || line.leftLine != 0)
                return u"bad line numbers"_qs;
            parts.append(u'+' + line.text);
            break;
        }
    }
    return parts.join(u' ');
}
} // namespace

void tst_TextDiff::diffsLines_data()
{
    QTest::addColumn<QStringList>("left");
    QTest::addColumn<QStringList>("right");
    QTest::addColumn<QString>("expected");
    QTest::newRow("identical") << QStringList { u"a"_qs, u"b"_qs } << QStringList { u"a"_qs, u"b"_qs }
                               << u"=a =b"_qs;
    QTest::newRow("one changed") << QStringList { u"a"_qs, u"b"_qs, u"c"_qs }
                                 << QStringList { u"a"_qs, u"x"_qs, u"c"_qs } << u"=a -b +x =c"_qs;
    QTest::newRow("insert and delete")
            << QStringList { u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs }
            << QStringList { u"a"_qs, u"c"_qs, u"d"_qs, u"e"_qs } << u"=a -b =c =d +e"_qs;
    QTest::newRow("empty left") << QStringList() << QStringList { u"a"_qs } << u"+a"_qs;
    QTest::newRow("empty right") << QStringList { u"a"_qs } << QStringList() << u"-a"_qs;
    QTest::newRow("model A vs B")
            << QStringList { u"{"_qs, u"  \"score\": \"0.91\","_qs, u"  \"label\": \"cat\""_qs, u"}"_qs }
            << QStringList { u"{"_qs, u"  \"score\": \"0.87\","_qs, u"  \"label\": \"cat\""_qs, u"}"_qs }
            << u"={ -  \"score\": \"0.91\", +  \"score\": \"0.87\", =  \"label\": \"cat\" =}"_qs;
}

void tst_TextDiff::diffsLines()
{
    QFETCH(QStringList, left);
    QFETCH(QStringList, right);
    QFETCH(QString, expected);
    QCOMPARE(render(diffLines(left, right), left, right), expected);
}

void tst_TextDiff::bigUnrelatedInputsStayBounded()
{
    QStringList left;
    QStringList right;
    for (int i = 0; i < 20000; ++i) {
        left.append(u"l%1"_qs.arg(i));
        right.append(u"r%1"_qs.arg(i));
    }
    const QList<DiffLine> diff = diffLines(left, right, 100);
    QCOMPARE(diff.size(), 40000);
    QCOMPARE(diff.first().kind, DiffLine::Kind::Removed);
    QCOMPARE(diff.last().kind, DiffLine::Kind::Added);
}

QTEST_GUILESS_MAIN(tst_TextDiff)
#include "tst_textdiff.moc"
