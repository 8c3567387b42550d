// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// The Dutch translation keeps to its glossary: a source that says policy, subscription or key
// (whole words, any case) is translated with beleid, abonnement and sleutel, never with the
// English word, except where the English is a name on the wire: XML elements (<policies>),
// header and parameter names (Ocp-Apim-Subscription-Key, subscription-key) and anything in
// quotes. An HTTP verb is a "methode" in Dutch, never a "werkwoord". Quotes are “…” as in the
// English texts, never „…”, so one text does not quote differently from the next. Reads the
// checked-in .ts file.

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
};

QList<Message> readMessages(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == u"message")
                messages.append(message);
            continue;
        }
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            message = Message { context, {}, {} };
        } else if (xml.name() == u"source") {
            message.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QStringView type = xml.attributes().value(QStringLiteral("type"));
            if (type == u"obsolete" || type == u"vanished")
                continue;
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            message.translations.append(text);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

// The translation without what may stay English: quoted text, XML elements and the listed
// wire names.
QString withoutWireNames(QString text)
{
    static const QRegularExpression quoted(u"“[^”]*”|‘[^’]*’|\"[^\"]*\"|`[^`]*`|<[^>]*>"_qs);
    static const QRegularExpression wireNames(u"Ocp-Apim-Subscription-Key|subscription-key"_qs,
                                              QRegularExpression::CaseInsensitiveOption);
    text.remove(quoted);
    text.remove(wireNames);
    return text;
}

} // namespace

class tst_Glossary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void englishTermsAreTranslated_data();
    void englishTermsAreTranslated();
    void avoidedDutchWords_data();
    void avoidedDutchWords();

private:
    QList<Message> m_messages;
};

void tst_Glossary::initTestCase()
{
    QString error;
    m_messages = readMessages(QStringLiteral(PORTICO_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_messages.size() > 100);
}

void tst_Glossary::englishTermsAreTranslated_data()
{
    QTest::addColumn<QString>("term"); // a regular expression for the English word and its plural
    QTest::addColumn<QString>("dutch");
    QTest::newRow("policy") << u"polic(y|ies)"_qs << u"beleid"_qs;
    QTest::newRow("subscription") << u"subscriptions?"_qs << u"abonnement"_qs;
    QTest::newRow("key") << u"keys?"_qs << u"sleutel"_qs;
}

void tst_Glossary::englishTermsAreTranslated()
{
    QFETCH(QString, term);
    QFETCH(QString, dutch);
    const QRegularExpression word(u"\\b"_qs + term + u"\\b"_qs, QRegularExpression::CaseInsensitiveOption);
    QStringList offenders;
    for (const Message &message : std::as_const(m_messages)) {
        if (!message.source.contains(word))
            continue;
        for (const QString &translation : message.translations) {
            if (withoutWireNames(translation).contains(word)) {
                offenders.append(message.context + u": "_qs + message.source.left(80) + u"\n    -> "_qs
                                 + translation.left(120));
                break;
            }
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(u"say “"_qs + dutch + u"” in:\n"_qs + offenders.join(u'\n')));
}

void tst_Glossary::avoidedDutchWords_data()
{
    QTest::addColumn<QString>("avoided");
    QTest::addColumn<QString>("instead");
    QTest::newRow("werkwoord") << u"werkwoord"_qs << u"methode (HTTP-methode)"_qs;
    QTest::newRow("low opening quote") << u"„"_qs << u"“…”, as in every other text"_qs;
}

void tst_Glossary::avoidedDutchWords()
{
    QFETCH(QString, avoided);
    QFETCH(QString, instead);
    const QRegularExpression word(avoided, QRegularExpression::CaseInsensitiveOption);
    QStringList offenders;
    for (const Message &message : std::as_const(m_messages)) {
        for (const QString &translation : message.translations) {
            if (translation.contains(word)) {
                offenders.append(message.context + u": "_qs + message.source.left(80) + u"\n    -> "_qs
                                 + translation.left(120));
                break;
            }
        }
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(u"say “"_qs + instead + u"” in:\n"_qs + offenders.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_Glossary)
#include "tst_glossary.moc"
