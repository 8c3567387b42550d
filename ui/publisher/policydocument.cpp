// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/policydocument.h"

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

NodePtr parse(const QString &xml, QString *error)
{
    QXmlStreamReader reader(xml);
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

} // namespace

QList<Problem> check(const QString &xml)
{
    QList<Problem> problems;
    QXmlStreamReader reader(xml);
    bool sawRoot = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && !sawRoot) {
            sawRoot = true;
            if (reader.name() != u"policies"_qs) {
                problems.append({ int(reader.lineNumber()), int(reader.columnNumber()),
                                  QCoreApplication::translate("portico::ui::PolicyDocument", "The document must start with <policies>, not <%1>.")
                                      .arg(reader.name().toString()) });
            }
        }
    }
    if (reader.hasError()) {
        problems.append({ int(reader.lineNumber()), int(reader.columnNumber()),
                          reader.errorString() });
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
    return out.trimmed();
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
