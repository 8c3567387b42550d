// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/policy.h"

#include "core/model/jsonfields.h"

namespace portico::core {

using namespace jsonfields;

QString Policy::formatName(Format format)
{
    switch (format) {
    case Format::Xml: return u"xml"_qs;
    case Format::XmlLink: return u"xml-link"_qs;
    case Format::RawXml: return u"rawxml"_qs;
    case Format::RawXmlLink: return u"rawxml-link"_qs;
    }
    return {};
}

std::optional<Policy::Format> Policy::formatFromName(const QString &name)
{
    for (Format f : { Format::Xml, Format::XmlLink, Format::RawXml, Format::RawXmlLink }) {
        if (formatName(f) == name)
            return f;
    }
    return std::nullopt;
}

namespace {

// Enough of C#'s lexical structure to tell where a policy expression ends: a ')' or '}' inside a
// string or character literal or a comment does not close it.
class ExpressionLexer
{
public:
    explicit ExpressionLexer(QChar open) : m_open(open), m_close(open == u'(' ? u')' : u'}') { }

    // Takes the next character of the expression; true when it is the closing bracket.
    bool feed(QChar c)
    {
        const QChar prev = m_prev;
        m_prev = c;
        switch (m_state) {
        case State::Code:
            if (c == u'"') {
                // "" inside a verbatim string is one quote: the string goes on.
                m_state = m_verbatimJustClosed || prev == u'@' || (prev == u'$' && m_prevPrev == u'@')
                    ? State::VerbatimString
                    : State::String;
            } else if (c == u'\'') {
                m_state = State::Char;
            } else if (c == u'/' && prev == u'/') {
                m_state = State::LineComment;
            } else if (c == u'*' && prev == u'/') {
                m_state = State::BlockComment;
                m_prev = QChar(); // the '*' of "/*" does not also end it
            } else if (c == m_open) {
                ++m_depth;
            } else if (c == m_close && --m_depth == 0) {
                return true;
            }
            m_verbatimJustClosed = false;
            break;
        case State::String:
        case State::Char:
            if (m_escaped)
                m_escaped = false;
            else if (c == u'\\')
                m_escaped = true;
            else if (c == (m_state == State::String ? u'"' : u'\''))
                m_state = State::Code;
            break;
        case State::VerbatimString:
            if (c == u'"') {
                m_state = State::Code;
                m_verbatimJustClosed = true;
                m_prevPrev = prev;
                return false;
            }
            break;
        case State::LineComment:
            if (c == u'\n')
                m_state = State::Code;
            break;
        case State::BlockComment:
            if (c == u'/' && prev == u'*') {
                m_state = State::Code;
                m_prev = QChar();
            }
            break;
        }
        if (m_state != State::Code)
            m_verbatimJustClosed = false;
        m_prevPrev = prev;
        return false;
    }

private:
    enum class State { Code, String, VerbatimString, Char, LineComment, BlockComment };
    State m_state = State::Code;
    QChar m_open, m_close;
    int m_depth = 1;
    QChar m_prev, m_prevPrev;
    bool m_escaped = false;
    bool m_verbatimJustClosed = false;
};

bool startsExpression(QStringView text, qsizetype i)
{
    return text.at(i) == u'@' && i + 1 < text.size()
        && (text.at(i + 1) == u'(' || text.at(i + 1) == u'{');
}

} // namespace

QString Policy::escapeExpressions(const QString &raw, QList<qsizetype> *sourceIndex)
{
    QString out;
    out.reserve(raw.size());
    if (sourceIndex) {
        sourceIndex->clear();
        sourceIndex->reserve(raw.size());
    }
    const QStringView in(raw);
    auto append = [&out, sourceIndex](QStringView text, qsizetype from) {
        out += text;
        if (sourceIndex)
            sourceIndex->insert(sourceIndex->size(), text.size(), from);
    };
    // Copies `in` from `i` up to and including `terminator` (or to the end) unchanged.
    auto copyThrough = [&](qsizetype i, QStringView terminator) {
        const qsizetype found = in.indexOf(terminator, i);
        const qsizetype end = found < 0 ? in.size() : found + terminator.size();
        for (qsizetype k = i; k < end; ++k)
            append(in.mid(k, 1), k);
        return end;
    };
    // Where the XML around the expressions is: only text and attribute values hold expressions;
    // comments, CDATA sections and processing instructions are copied as they are.
    enum class Xml { Text, Tag, Attribute };
    Xml xml = Xml::Text;
    QChar quote; // the delimiter of the attribute value being read
    qsizetype i = 0;
    while (i < in.size()) {
        const QChar c = in.at(i);
        if (xml == Xml::Text && c == u'<') {
            if (in.mid(i).startsWith(u"<!--")) {
                i = copyThrough(i, u"-->");
                continue;
            }
            if (in.mid(i).startsWith(u"<![CDATA[")) {
                i = copyThrough(i, u"]]>");
                continue;
            }
            if (in.mid(i).startsWith(u"<?")) {
                i = copyThrough(i, u"?>");
                continue;
            }
            if (in.mid(i).startsWith(u"<!")) {
                i = copyThrough(i, u">");
                continue;
            }
            xml = Xml::Tag;
        } else if (xml == Xml::Tag && (c == u'"' || c == u'\'')) {
            xml = Xml::Attribute;
            quote = c;
        } else if (xml == Xml::Tag && c == u'>') {
            xml = Xml::Text;
        } else if (xml == Xml::Attribute && c == quote) {
            xml = Xml::Tag;
        } else if (xml != Xml::Tag && startsExpression(in, i)) {
            // The expression's own text: <, > and & always need escaping; inside an attribute
            // value, so does the character that delimits the value (C# string or char literals).
            ExpressionLexer lexer(in.at(i + 1));
            append(in.mid(i, 1), i);
            append(in.mid(i + 1, 1), i + 1);
            i += 2;
            while (i < in.size()) {
                const QChar e = in.at(i);
                if (e == u'<')
                    append(u"&lt;", i);
                else if (e == u'>')
                    append(u"&gt;", i);
                else if (e == u'&')
                    append(u"&amp;", i);
                else if (xml == Xml::Attribute && e == quote)
                    append(quote == u'"' ? u"&quot;" : u"&apos;", i);
                else
                    append(in.mid(i, 1), i);
                ++i;
                if (lexer.feed(e))
                    break;
            }
            continue;
        }
        append(in.mid(i, 1), i);
        ++i;
    }
    return out;
}

Result<Policy> Policy::fromJson(const QJsonObject &json, const QString &path)
{
    Reader top(json, path);
    const Envelope envelope = readEnvelope(top);
    Reader p(top.object(u"properties"_qs, Reader::Need::Required), top.fieldPath(u"properties"_qs));
    Policy policy;
    policy.id = envelope.id;
    policy.name = envelope.name;
    if (!policy.id.isEmpty())
        policy.scope = PolicyScope::fromResourceId(policy.id);
    policy.value = p.string(u"value"_qs, Reader::Need::Required);
    if (const QString format = p.string(u"format"_qs); !format.isEmpty()) {
        policy.format = formatFromName(format);
        if (!policy.format)
            p.fail(p.fieldPath(u"format"_qs),
                   u"must be one of \"xml\", \"xml-link\", \"rawxml\", \"rawxml-link\""_qs);
    }
    policy.otherProperties = p.unread();
    top.absorb(p);
    if (!top.ok())
        return top.error();
    return policy;
}

QJsonObject Policy::toJson(JsonShape shape) const
{
    QJsonObject p;
    p.insert(u"value"_qs, value);
    if (format)
        p.insert(u"format"_qs, formatName(*format));
    mergeUnknown(p, otherProperties);
    return wrapEnvelope(shape == JsonShape::Response, { id, name }, scope.resourceType(), p);
}

} // namespace portico::core
