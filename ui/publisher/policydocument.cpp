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

int snippetInsertPosition(const QString &xml, int cursor)
{
    cursor = std::clamp(cursor, 0, int(xml.size()));
    for (const QString &name : kSections) {
        const QString open = u'<' + name + u'>';
        const QString close = u"</"_qs + name + u'>';
        const qsizetype start = xml.lastIndexOf(open, cursor > 0 ? cursor - 1 : 0);
        if (start < 0 || start + open.size() > cursor)
            continue;
        const qsizetype end = xml.indexOf(close, start);
        if (end >= cursor)
            return cursor;
    }
    const qsizetype inbound = xml.indexOf(u"<inbound>"_qs);
    if (inbound < 0)
        return cursor;
    static const QRegularExpression base(uR"(<base\s*/>)"_qs);
    const qsizetype inboundEnd = xml.indexOf(u"</inbound>"_qs, inbound);
    const auto match = base.match(xml, inbound);
    if (match.hasMatch() && (inboundEnd < 0 || match.capturedStart() < inboundEnd))
        return int(match.capturedEnd());
    return int(inbound + 9);
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
