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

QString Policy::escapeExpressions(const QString &raw, QList<qsizetype> *sourceIndex)
{
    QString out;
    out.reserve(raw.size());
    if (sourceIndex) {
        sourceIndex->clear();
        sourceIndex->reserve(raw.size());
    }
    auto append = [&out, sourceIndex](QStringView text, qsizetype from) {
        out += text;
        if (sourceIndex)
            sourceIndex->insert(sourceIndex->size(), text.size(), from);
    };
    int depth = 0;
    QChar open, close;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (depth == 0) {
            if (c == u'@' && i + 1 < raw.size() && (raw.at(i + 1) == u'(' || raw.at(i + 1) == u'{')) {
                open = raw.at(i + 1);
                close = open == u'(' ? u')' : u'}';
                depth = 1;
                append(QStringView(raw).mid(i, 1), i);
                append(QStringView(raw).mid(i + 1, 1), i + 1);
                ++i;
                continue;
            }
            append(QStringView(raw).mid(i, 1), i);
            continue;
        }
        if (c == open)
            ++depth;
        else if (c == close)
            --depth;
        if (c == u'<')
            append(u"&lt;", i);
        else if (c == u'>')
            append(u"&gt;", i);
        else if (c == u'&')
            append(u"&amp;", i);
        else
            append(QStringView(raw).mid(i, 1), i);
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
