// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/templatematcher.h"

#include <QUrl>

namespace portico::local {

using Segment = core::UrlTemplate::Segment;
using QueryItem = core::UrlTemplate::QueryItem;

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decoding that leaves a '%' without two hex digits as it is (QByteArray's decoder
// turns such input into arbitrary bytes).
QString decode(QByteArrayView encoded, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '%' && i + 2 < encoded.size()) {
            const int hi = hexValue(encoded[i + 1]), lo = hexValue(encoded[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += char(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += plusIsSpace && c == '+' ? ' ' : c;
    }
    return QString::fromUtf8(out);
}

bool isEmptyLiteral(const Segment &s)
{
    return s.kind == Segment::Kind::Literal && s.literal.isEmpty();
}

} // namespace

RequestPath RequestPath::fromEncoded(QByteArrayView path, QByteArrayView query)
{
    RequestPath r;
    qsizetype pos = 0;
    while (pos < path.size()) {
        qsizetype slash = path.indexOf('/', pos);
        if (slash < 0)
            slash = path.size();
        if (slash > pos)
            r.segments.append(decode(path.sliced(pos, slash - pos), false));
        pos = slash + 1;
    }
    pos = 0;
    while (pos < query.size()) {
        qsizetype amp = query.indexOf('&', pos);
        if (amp < 0)
            amp = query.size();
        const QByteArrayView pair = query.sliced(pos, amp - pos);
        if (!pair.isEmpty()) {
            const qsizetype eq = pair.indexOf('=');
            if (eq >= 0) {
                QString value = decode(pair.sliced(eq + 1), true);
                if (value.isNull())
                    value = u""_qs;
                r.query.append({ decode(pair.first(eq), true), value });
            } else {
                r.query.append({ decode(pair, true), QString() });
            }
        }
        pos = amp + 1;
    }
    return r;
}

bool TemplateMatcher::match(const core::UrlTemplate &templ, const RequestPath &request,
                            const QHash<QString, QStringList> &allowedValues, TemplateMatch &match)
{
    match.parameters.clear();
    const auto allowed = [&](const QString &name, const QString &value) {
        const auto it = allowedValues.constFind(name);
        return it == allowedValues.constEnd() || it->isEmpty() || it->contains(value);
    };
    qsizetype i = 0;
    bool wildcard = false;
    for (const Segment &s : templ.segments()) {
        if (isEmptyLiteral(s))
            continue; // a trailing slash is not significant
        if (s.kind == Segment::Kind::Wildcard) {
            const QString rest = request.segments.mid(i).join(u'/');
            if (!allowed(s.name, rest))
                return false;
            match.parameters.insert(s.name, rest);
            i = request.segments.size();
            wildcard = true;
            break;
        }
        if (i >= request.segments.size())
            return false;
        const QString &value = request.segments[i++];
        if (s.kind == Segment::Kind::Literal) {
            if (value.compare(decode(s.literal.toUtf8(), false), Qt::CaseInsensitive) != 0)
                return false;
            continue;
        }
        const QString prefix = decode(s.prefix.toUtf8(), false);
        const QString suffix = decode(s.suffix.toUtf8(), false);
        if (value.size() <= prefix.size() + suffix.size()
            || !value.startsWith(prefix, Qt::CaseInsensitive) || !value.endsWith(suffix, Qt::CaseInsensitive))
            return false;
        const QString inner = value.mid(prefix.size(), value.size() - prefix.size() - suffix.size());
        if (!allowed(s.name, inner))
            return false;
        match.parameters.insert(s.name, inner);
    }
    if (!wildcard && i != request.segments.size())
        return false;
    for (const QueryItem &item : templ.queryItems()) {
        // The template is written encoded, like a URL; compare decoded forms.
        const QString itemName = decode(item.name.toUtf8(), true);
        bool found = false;
        for (const auto &[name, value] : request.query) {
            if (name != itemName)
                continue;
            if (item.kind == QueryItem::Kind::Literal) {
                if (item.hasValue && value != decode(item.value.toUtf8(), true))
                    continue;
            } else {
                if (!allowed(item.parameter, value))
                    continue;
                match.parameters.insert(item.parameter, value);
            }
            found = true;
            break;
        }
        if (!found)
            return false;
    }
    return true;
}

QList<int> TemplateMatcher::specificity(const core::UrlTemplate &templ)
{
    QList<int> score;
    for (const Segment &s : templ.segments()) {
        if (isEmptyLiteral(s))
            continue;
        switch (s.kind) {
        case Segment::Kind::Literal: score.append(4); break;
        case Segment::Kind::Parameter: score.append(s.prefix.isEmpty() && s.suffix.isEmpty() ? 2 : 3); break;
        case Segment::Kind::Wildcard: score.append(1); break;
        }
    }
    score.append(0);
    score.append(int(templ.queryItems().size()));
    return score;
}

QString TemplateMatcher::expandRewrite(const QString &templ, const QHash<QString, QString> &parameters)
{
    QString out;
    out.reserve(templ.size());
    const qsizetype queryStart = templ.indexOf(u'?');
    qsizetype i = 0;
    while (i < templ.size()) {
        const QChar c = templ[i];
        if (c == u'{') {
            const qsizetype end = templ.indexOf(u'}', i);
            if (end > i) {
                QString name = templ.mid(i + 1, end - i - 1);
                const bool wildcard = name.startsWith(u'*');
                if (wildcard)
                    name = name.size() > 1 ? name.mid(1) : u"*"_qs;
                const QString value = parameters.value(name);
                const bool inQuery = queryStart >= 0 && i > queryStart;
                out += QString::fromUtf8(QUrl::toPercentEncoding(value, wildcard && !inQuery ? "/" : ""));
                i = end + 1;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace portico::local
