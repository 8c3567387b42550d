// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/policydocument.h"

#include "core/model/policy.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <memory>

namespace portico::ui::policydocument {

namespace {

const QStringList kSections { u"inbound"_qs, u"backend"_qs, u"outbound"_qs, u"on-error"_qs };

// A minimal element tree: enough to splice sections and write them back.
struct Node
{
    enum class Type { Element, Text, Comment, CData };
    Type type = Type::Element;
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    QList<std::shared_ptr<Node>> children;
};
using NodePtr = std::shared_ptr<Node>;

NodePtr parse(const QString &rawXml, QString *error)
{
    QXmlStreamReader reader(core::Policy::escapeExpressions(rawXml));
    auto root = std::make_shared<Node>();
    QList<Node *> stack { root.get() };
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            auto node = std::make_shared<Node>();
            node->name = reader.name().toString();
            node->attributes = reader.attributes();
            stack.last()->children.append(node);
            stack.append(node.get());
        } else if (reader.isEndElement()) {
            stack.removeLast();
        } else if (reader.isCharacters() && !reader.isWhitespace()) {
            auto node = std::make_shared<Node>();
            node->type = reader.isCDATA() ? Node::Type::CData : Node::Type::Text;
            node->text = reader.text().toString();
            stack.last()->children.append(node);
        } else if (reader.isComment()) {
            auto node = std::make_shared<Node>();
            node->type = Node::Type::Comment;
            node->text = reader.text().toString();
            stack.last()->children.append(node);
        }
    }
    if (reader.hasError()) {
        if (error) {
            *error = QCoreApplication::translate("portico::ui::PolicyDocument", "line %1, column %2: %3")
                         .arg(reader.lineNumber())
                         .arg(reader.columnNumber())
                         .arg(reader.errorString());
        }
        return nullptr;
    }
    for (const NodePtr &child : std::as_const(root->children)) {
        if (child->type == Node::Type::Element)
            return child;
    }
    if (error)
        *error = QCoreApplication::translate("portico::ui::PolicyDocument", "the document is empty");
    return nullptr;
}

void write(QXmlStreamWriter &writer, const Node &node)
{
    switch (node.type) {
    case Node::Type::Text:
        writer.writeCharacters(node.text);
        return;
    case Node::Type::CData:
        writer.writeCDATA(node.text);
        return;
    case Node::Type::Comment:
        writer.writeComment(node.text);
        return;
    case Node::Type::Element:
        break;
    }
    writer.writeStartElement(node.name);
    writer.writeAttributes(node.attributes);
    for (const NodePtr &child : node.children)
        write(writer, *child);
    writer.writeEndElement();
}

NodePtr section(const NodePtr &policies, const QString &name)
{
    for (const NodePtr &child : std::as_const(policies->children)) {
        if (child->type == Node::Type::Element && child->name == name)
            return child;
    }
    return nullptr;
}

// Replaces <base/> in each section of `inner` with the content of the same section of
// `outer` (already effective), preceded by a comment naming the outer scope.
void expandBase(const NodePtr &inner, const NodePtr &outer, const QString &outerScope)
{
    for (const QString &name : kSections) {
        NodePtr innerSection = section(inner, name);
        if (!innerSection)
            continue;
        NodePtr outerSection = outer ? section(outer, name) : nullptr;
        QList<NodePtr> expanded;
        for (const NodePtr &child : std::as_const(innerSection->children)) {
            if (child->type == Node::Type::Element && child->name == u"base"_qs) {
                auto marker = std::make_shared<Node>();
                marker->type = Node::Type::Comment;
                marker->text = u' ' + QCoreApplication::translate("portico::ui::PolicyDocument", "inherited from %1").arg(outerScope) + u' ';
                expanded.append(marker);
                if (outerSection)
                    expanded.append(outerSection->children);
            } else {
                expanded.append(child);
            }
        }
        innerSection->children = expanded;
    }
}

// Qt's parser messages are not ours to show (untranslated, terse): say in our words what is
// wrong where the reader stopped, and how to write it instead.
QString explain(const QXmlStreamReader &reader, QStringView escaped, const QStringList &open)
{
    const QString qt = reader.errorString();
    const qsizetype offset = std::min<qsizetype>(reader.characterOffset(), escaped.size());
    auto before = [escaped, offset](qsizetype back) {
        return offset - back >= 0 && offset - back < escaped.size() ? escaped.at(offset - back) : QChar();
    };
    static const QRegularExpression entity(uR"(^Entity '([^']*)' not declared)"_qs);
    static const QRegularExpression attribute(uR"(^Attribute '([^']*)' redefined)"_qs);
    if (reader.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
        return open.isEmpty()
            ? QCoreApplication::translate("portico::ui::PolicyDocument", "The document ends too early.")
            : QCoreApplication::translate("portico::ui::PolicyDocument", "The document ends before <%1> is closed.").arg(open.last());
    }
    if (qt.startsWith(u"Opening and ending tag mismatch"_qs) && !open.isEmpty())
        return QCoreApplication::translate("portico::ui::PolicyDocument", "This closing tag does not match <%1>, the element that is open here.").arg(open.last());
    if (qt.startsWith(u"Extra content at end of document"_qs))
        return QCoreApplication::translate("portico::ui::PolicyDocument", "There is more after the end of <policies>; a policy is one <policies> element.");
    if (const auto m = entity.match(qt); m.hasMatch())
        return QCoreApplication::translate("portico::ui::PolicyDocument", "&%1; is not an XML entity. Outside a policy expression, write & as &amp;.").arg(m.captured(1));
    if (qt.startsWith(u"Expected ';'"_qs))
        return QCoreApplication::translate("portico::ui::PolicyDocument", "This & does not start an entity. Outside a policy expression, write & as &amp;.");
    if (qt.startsWith(u"Expected ''' or '\"'"_qs))
        return QCoreApplication::translate("portico::ui::PolicyDocument", "An attribute value must be in quotes.");
    if (const auto m = attribute.match(qt); m.hasMatch())
        return QCoreApplication::translate("portico::ui::PolicyDocument", "The attribute %1 appears twice in this element.").arg(m.captured(1));
    if (before(1) == u'<' || before(2) == u'<')
        return QCoreApplication::translate("portico::ui::PolicyDocument", "This < does not start a tag. Outside a policy expression, write < as &lt;.");
    return QCoreApplication::translate("portico::ui::PolicyDocument", "This is not well-formed XML (%1).").arg(qt);
}

// Each element, comment, CDATA section and processing instruction of a document as written:
// where its tags are in the user's text (policy expressions may hold raw <, > and &).
struct Span
{
    QString name;             // empty for comments, CDATA sections and processing instructions
    qsizetype start = 0;      // the start tag's '<'
    qsizetype openEnd = 0;    // after the start tag's '>'
    qsizetype closeStart = 0; // the end tag's '<' (openEnd for <name/>)
    qsizetype end = 0;        // after the end tag's '>'
    bool empty = false;       // <name/>, or not an element
    int parent = -1;
};

QList<Span> scan(const QString &xml)
{
    QList<qsizetype> source;
    const QString text = core::Policy::escapeExpressions(xml, &source);
    // Tag delimiters are never escaped: each maps to one character of `xml`.
    const auto after = [&](qsizetype i) { return i >= text.size() ? xml.size() : source.at(i) + 1; };
    QList<Span> spans;
    QList<int> open;
    qsizetype i = 0;
    while ((i = text.indexOf(u'<', i)) >= 0) {
        const int parent = open.isEmpty() ? -1 : open.last();
        const auto other = [&](QStringView begin, QStringView end) {
            if (!QStringView(text).mid(i).startsWith(begin))
                return false;
            const qsizetype found = text.indexOf(end, i + begin.size());
            const qsizetype stop = found < 0 ? text.size() : found + end.size();
            Span s;
            s.start = source.at(i);
            s.openEnd = s.closeStart = s.end = after(stop - 1);
            s.empty = true;
            s.parent = parent;
            spans.append(s);
            i = stop;
            return true;
        };
        if (other(u"<!--", u"-->") || other(u"<![CDATA[", u"]]>") || other(u"<?", u"?>")
            || other(u"<!", u">"))
            continue;
        qsizetype j = i + 1;
        QChar quote;
        for (; j < text.size(); ++j) {
            const QChar c = text.at(j);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                break;
            }
        }
        const qsizetype stop = std::min(j + 1, text.size());
        if (i + 1 < text.size() && text.at(i + 1) == u'/') {
            if (!open.isEmpty()) {
                Span &s = spans[open.takeLast()];
                s.closeStart = source.at(i);
                s.end = after(stop - 1);
            }
        } else {
            Span s;
            qsizetype n = i + 1;
            while (n < j && !text.at(n).isSpace() && text.at(n) != u'/' && text.at(n) != u'>')
                ++n;
            s.name = text.mid(i + 1, n - i - 1);
            s.start = source.at(i);
            s.openEnd = after(stop - 1);
            s.empty = j > i && j < text.size() && text.at(j - 1) == u'/';
            if (s.empty)
                s.closeStart = s.end = s.openEnd;
            s.parent = parent;
            spans.append(s);
            if (!s.empty)
                open.append(int(spans.size() - 1));
        }
        i = stop;
    }
    return spans;
}

qsizetype lineStart(const QString &xml, qsizetype at)
{
    return at > 0 ? xml.lastIndexOf(u'\n', at - 1) + 1 : 0;
}

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// Only spaces and tabs before `at` on its line.
bool startsLine(const QString &xml, qsizetype at)
{
    for (qsizetype i = lineStart(xml, at); i < at; ++i) {
        if (!isBlank(xml.at(i)))
            return false;
    }
    return true;
}

// The spaces and tabs that begin the line of `at`.
QString indentAt(const QString &xml, qsizetype at)
{
    const qsizetype start = lineStart(xml, at);
    qsizetype i = start;
    while (i < xml.size() && isBlank(xml.at(i)))
        ++i;
    return xml.mid(start, i - start);
}

// One level of indentation as the document uses it (four spaces when it shows none).
QString indentUnit(const QString &xml, const QList<Span> &spans)
{
    for (const Span &s : spans) {
        if (s.parent < 0 || !startsLine(xml, s.start) || !startsLine(xml, spans.at(s.parent).start))
            continue;
        const QString outer = indentAt(xml, spans.at(s.parent).start);
        const QString inner = indentAt(xml, s.start);
        if (inner.size() > outer.size() && inner.startsWith(outer))
            return inner.mid(outer.size());
    }
    return u"    "_qs;
}

// `snippet` on lines of its own at `at` (replacing the spaces and tabs around it), indented by
// `indent`; what followed on the line moves to the next, indented by `closeIndent` when it is an
// end tag.
Edit lineEdit(const QString &xml, qsizetype at, const QString &indent, const QString &closeIndent,
              const QString &snippet)
{
    qsizetype from = at;
    while (from > 0 && isBlank(xml.at(from - 1)))
        --from;
    qsizetype to = at;
    while (to < xml.size() && isBlank(xml.at(to)))
        ++to;
    const bool lineBefore = from == 0 || xml.at(from - 1) == u'\n';
    const bool lineAfter = to == xml.size() || xml.at(to) == u'\n' || xml.at(to) == u'\r';
    QString body = snippet;
    body.replace(u"\n"_qs, u"\n"_qs + indent);
    QString text = (lineBefore ? QString() : u"\n"_qs) + indent + body;
    const int end = int(from + text.size());
    if (!lineAfter)
        text += u'\n' + (QStringView(xml).mid(to).startsWith(u"</") ? closeIndent : indent);
    return { int(from), int(to - from), text, end };
}

// Not well-formed: at the cursor, or after the tag the cursor is in.
Edit fallbackEdit(const QString &xml, int cursor, const QString &snippet)
{
    qsizetype at = cursor;
    const qsizetype opened = cursor > 0 ? xml.lastIndexOf(u'<', cursor - 1) : -1;
    const qsizetype closed = cursor > 0 ? xml.lastIndexOf(u'>', cursor - 1) : -1;
    if (opened > closed) {
        const qsizetype end = xml.indexOf(u'>', cursor);
        if (end >= 0)
            at = end + 1;
    }
    const QString indent = indentAt(xml, at);
    return lineEdit(xml, at, indent, indent, snippet);
}

} // namespace

QList<Problem> check(const QString &xml)
{
    // The server reads the editor's text as format rawxml: expressions may hold raw <, > and &.
    // Read what the server reads, and report positions in the user's text.
    QList<qsizetype> source;
    const QString escaped = core::Policy::escapeExpressions(xml, &source);
    auto where = [&xml, &escaped, &source](qint64 offset) -> std::pair<int, int> {
        const qsizetype end = offset >= escaped.size() ? xml.size()
            : offset <= 0                              ? 0
                                                       : source.at(offset - 1) + 1;
        const qsizetype lineStart = end > 0 ? xml.lastIndexOf(u'\n', end - 1) + 1 : 0;
        return { int(QStringView(xml).left(end).count(u'\n')) + 1, int(end - lineStart) };
    };
    QList<Problem> problems;
    QXmlStreamReader reader(escaped);
    QStringList open;
    bool sawRoot = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (!sawRoot && reader.name() != u"policies"_qs) {
                const auto [line, column] = where(reader.characterOffset());
                problems.append({ line, column,
                                  QCoreApplication::translate("portico::ui::PolicyDocument", "The document must start with <policies>, not <%1>.")
                                      .arg(reader.name().toString()) });
            }
            sawRoot = true;
            open.append(reader.name().toString());
        } else if (reader.isEndElement() && !open.isEmpty()) {
            open.removeLast();
        }
    }
    if (reader.hasError()) {
        const auto [line, column] = where(reader.characterOffset());
        problems.append({ line, column, explain(reader, escaped, open) });
    } else if (!sawRoot) {
        problems.append({ 1, 1, QCoreApplication::translate("portico::ui::PolicyDocument", "The policy is empty.") });
    }
    return problems;
}

Edit snippetEdit(const QString &xml, int cursor, const QString &fourSpaced, const QStringList &sections)
{
    cursor = std::clamp(cursor, 0, int(xml.size()));
    if (!check(xml).isEmpty())
        return fallbackEdit(xml, cursor, fourSpaced);
    const QList<Span> spans = scan(xml);
    const auto root = std::find_if(spans.cbegin(), spans.cend(),
                                   [](const Span &s) { return s.parent < 0 && !s.name.isEmpty(); });
    if (root == spans.cend())
        return fallbackEdit(xml, cursor, fourSpaced);
    const int rootIndex = int(root - spans.cbegin());
    const QString unit = indentUnit(xml, spans);
    // The snippet's nesting (four spaces a level) in the document's unit.
    QStringList lines = fourSpaced.split(u'\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        qsizetype levels = 0;
        while (QStringView(lines.at(i)).mid(levels * 4).startsWith(u"    "))
            ++levels;
        lines[i] = unit.repeated(levels) + lines.at(i).mid(levels * 4);
    }
    const QString snippet = lines.join(u'\n');
    const auto children = [&spans](int parent) {
        QList<int> out;
        for (int i = 0; i < spans.size(); ++i) {
            if (spans.at(i).parent == parent)
                out.append(i);
        }
        return out;
    };
    // Indentation of a section's elements, and of the section's own tags.
    const auto childIndent = [&](int section) -> QString {
        for (const int child : children(section)) {
            if (startsLine(xml, spans.at(child).start))
                return indentAt(xml, spans.at(child).start);
        }
        return indentAt(xml, spans.at(section).start) + unit;
    };
    const auto placed = [&](int section, qsizetype at, const QString &indent) {
        // On a document written on one line the snippet stays on that line.
        if (!startsLine(xml, spans.at(section).start))
            return Edit { int(at), 0, snippet, int(at + snippet.size()) };
        return lineEdit(xml, at, indent, indentAt(xml, spans.at(section).start), snippet);
    };

    const QList<int> top = children(rootIndex);
    for (const int index : top) {
        const Span &section = spans.at(index);
        if (section.empty || !sections.contains(section.name) || cursor < section.openEnd
            || cursor > section.closeStart)
            continue;
        for (const int child : children(index)) {
            const Span &c = spans.at(child);
            if (c.start < cursor && cursor < c.end) // in its tags, its content or a comment
                return placed(index, c.end, startsLine(xml, c.start) ? indentAt(xml, c.start) : childIndent(index));
        }
        return placed(index, cursor, childIndent(index));
    }

    const auto named = [&](const QString &name) {
        for (const int index : top) {
            if (spans.at(index).name == name)
                return index;
        }
        return -1;
    };
    const int inbound = named(u"inbound"_qs);
    if (inbound >= 0 && !spans.at(inbound).empty) {
        for (const int child : children(inbound)) {
            const Span &c = spans.at(child);
            if (c.name == u"base"_qs)
                return placed(inbound, c.end, startsLine(xml, c.start) ? indentAt(xml, c.start) : childIndent(inbound));
        }
        return placed(inbound, spans.at(inbound).openEnd, childIndent(inbound));
    }
    // <inbound/> is opened; a missing <inbound> goes first among the sections.
    const auto wrapped = [&](const QString &openTag, const QString &closeTag, const QString &indent,
                             const QString &tail, bool ownLines) {
        if (!ownLines) {
            const QString text = openTag + snippet + closeTag;
            return std::pair { text, int(openTag.size() + snippet.size()) };
        }
        const QString inner = indent + unit;
        QString body = snippet;
        body.replace(u"\n"_qs, u"\n"_qs + inner);
        const QString text = openTag + u'\n' + inner + body + u'\n' + indent + closeTag + tail;
        return std::pair { text, int(openTag.size() + 1 + inner.size() + body.size()) };
    };
    const auto openedTag = [&](const Span &s) -> QString {
        QString tag = xml.mid(s.start, s.end - s.start);
        tag.chop(2); // "/>"
        return tag.trimmed() + u'>';
    };
    if (inbound >= 0) {
        const Span &s = spans.at(inbound);
        const bool own = startsLine(xml, s.start);
        const auto [text, end] = wrapped(openedTag(s), u"</inbound>"_qs, indentAt(xml, s.start), QString(), own);
        return { int(s.start), int(s.end - s.start), text, int(s.start) + end };
    }
    for (const int index : top) {
        const Span &s = spans.at(index);
        if (!kSections.contains(s.name))
            continue;
        const bool own = startsLine(xml, s.start);
        const QString indent = indentAt(xml, s.start);
        const auto [text, end] = wrapped(u"<inbound>"_qs, u"</inbound>"_qs, indent,
                                         own ? QString(u'\n' + indent) : QString(), own);
        return { int(s.start), 0, text, int(s.start) + end };
    }
    const Span &r = spans.at(rootIndex);
    if (r.empty) {
        const auto [text, end] = wrapped(openedTag(r) + u"<inbound>"_qs, u"</inbound></"_qs + r.name + u'>',
                                         QString(), QString(), false);
        return { int(r.start), int(r.end - r.start), text, int(r.start) + end };
    }
    const bool own = startsLine(xml, r.closeStart);
    const QString indent = indentAt(xml, r.closeStart);
    const QString lead = own ? unit : QString();
    const auto [text, end] = wrapped(lead + u"<inbound>"_qs, u"</inbound>"_qs, indent + unit,
                                     own ? QString(u'\n' + indent) : QString(), own);
    return { int(r.closeStart), 0, text, int(r.closeStart) + end };
}

QString effective(const Chain &chain, QString *error)
{
    NodePtr current;
    QString currentScope;
    for (const auto &[scope, xml] : chain) {
        if (xml.trimmed().isEmpty())
            continue;
        QString parseError;
        NodePtr doc = parse(xml, &parseError);
        if (!doc) {
            if (error)
                *error = QCoreApplication::translate("portico::ui::PolicyDocument", "%1 policy: %2").arg(scope, parseError);
            return {};
        }
        expandBase(doc, current, currentScope.isEmpty() ? QCoreApplication::translate("portico::ui::PolicyDocument", "no parent scope") : currentScope);
        current = doc;
        currentScope = scope;
    }
    if (!current)
        return {};
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    write(writer, *current);
    // The writer XML-escapes the expressions again; show them as the Policy tab does (rawxml).
    return core::Policy::unescapeExpressions(out.trimmed());
}

Problem locate(const QString &message)
{
    static const QRegularExpression lineCol(
        uR"((?:line|regel)\s*(\d+)(?:\D{1,20}?(?:column|position|col|kolom)\s*(\d+))?)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression pair(uR"(\((\d+)\s*,\s*(\d+)\))"_qs);
    Problem p;
    p.message = message;
    if (const auto m = lineCol.match(message); m.hasMatch()) {
        p.line = m.captured(1).toInt();
        p.column = m.captured(2).toInt();
    } else if (const auto m2 = pair.match(message); m2.hasMatch()) {
        p.line = m2.captured(1).toInt();
        p.column = m2.captured(2).toInt();
    }
    return p;
}

} // namespace portico::ui::policydocument
