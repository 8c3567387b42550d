// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/policy.h"

#include "core/model/jsonfields.h"

#include <optional>
#include <utility>

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

// The character an XML reference at the start of `text` stands for (&lt; &gt; &amp; &quot;
// &apos; &#N; &#xH;), with the reference's length; nothing when `text` starts with no reference.
std::optional<std::pair<QString, qsizetype>> decodeReference(QStringView text)
{
    const qsizetype semicolon = text.left(12).indexOf(u';');
    if (!text.startsWith(u'&') || semicolon < 0)
        return std::nullopt;
    const QStringView name = text.mid(1, semicolon - 1);
    static const std::pair<QStringView, QChar> named[] = {
        { u"lt", u'<' }, { u"gt", u'>' }, { u"amp", u'&' }, { u"quot", u'"' }, { u"apos", u'\'' }
    };
    for (const auto &[entity, c] : named) {
        if (name == entity)
            return std::pair { QString(c), semicolon + 1 };
    }
    if (!name.startsWith(u'#'))
        return std::nullopt;
    bool ok = false;
    const uint code = name.startsWith(u"#x") ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
    if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return std::nullopt;
    const char32_t ucs4 = code;
    return std::pair { QString::fromUcs4(&ucs4, 1), semicolon + 1 };
}

enum class Direction { Escape, Unescape };

// escapeExpressions() and unescapeExpressions(): one walk over the XML, so that both agree on
// where each expression begins and ends.
QString convertExpressions(const QString &text, Direction direction, QList<qsizetype> *sourceIndex)
{
    QString out;
    out.reserve(text.size());
    if (sourceIndex) {
        sourceIndex->clear();
        sourceIndex->reserve(text.size());
    }
    const QStringView in(text);
    auto append = [&out, sourceIndex](QStringView part, qsizetype from) {
        out += part;
        if (sourceIndex)
            sourceIndex->insert(sourceIndex->size(), part.size(), from);
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
            ExpressionLexer lexer(in.at(i + 1));
            append(in.mid(i, 1), i);
            append(in.mid(i + 1, 1), i + 1);
            i += 2;
            while (i < in.size()) {
                QChar e = in.at(i);
                qsizetype width = 1;
                if (direction == Direction::Escape) {
                    // <, > and & always need escaping; inside an attribute value, so does the
                    // character that delimits the value (C# string or char literals).
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
                } else {
                    // In the escaped form the value's own quote can only end it: the expression
                    // was not closed.
                    if (xml == Xml::Attribute && e == quote)
                        break;
                    const auto reference = e == u'&' ? decodeReference(in.mid(i)) : std::nullopt;
                    if (reference) {
                        append(reference->first, i);
                        e = reference->first.at(0);
                        width = reference->second;
                    } else {
                        append(in.mid(i, 1), i);
                    }
                }
                i += width;
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

} // namespace

QString Policy::escapeExpressions(const QString &raw, QList<qsizetype> *sourceIndex)
{
    return convertExpressions(raw, Direction::Escape, sourceIndex);
}

QString Policy::unescapeExpressions(const QString &xml)
{
    return convertExpressions(xml, Direction::Unescape, nullptr);
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
