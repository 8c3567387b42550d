// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/templatematcher.h"

#include "core/local/gateway/httpmessage.h"

#include <QUrl>

namespace portico::local {

using Segment = core::UrlTemplate::Segment;
using QueryItem = core::UrlTemplate::QueryItem;

namespace {

// Percent-decoding that leaves a '%' without two hex digits as it is (QByteArray's decoder
// turns such input into arbitrary bytes).
QString decode(QByteArrayView encoded, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c == '%' && i + 2 < encoded.size()) {
            const int hi = hexDigitValue(encoded[i + 1]), lo = hexDigitValue(encoded[i + 2]);
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
                r.query.append({ decode(pair.first(eq), true), value, pos, pair.size() });
            } else {
                r.query.append({ decode(pair, true), QString(), pos, pair.size() });
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
        for (const RequestQueryItem &q : request.query) {
            if (q.name != itemName)
                continue;
            if (item.kind == QueryItem::Kind::Literal) {
                if (item.hasValue && q.value != decode(item.value.toUtf8(), true))
                    continue;
            } else {
                if (!allowed(item.parameter, q.value))
                    continue;
                match.parameters.insert(item.parameter, q.value);
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

QHash<QString, EncodedParameter> TemplateMatcher::encodedParameters(const core::UrlTemplate &templ,
                                                                   QByteArrayView rawPath,
                                                                   QByteArrayView rawQuery,
                                                                   const QList<RequestQueryItem> &query,
                                                                   const TemplateMatch &match)
{
    QHash<QString, EncodedParameter> out;
    // Keeps `raw` only if it decodes to what match() bound, so that a wrong split never
    // reaches the backend.
    const auto keep = [&](const QString &name, QByteArrayView raw, bool fromQuery) {
        const auto it = match.parameters.constFind(name);
        if (it != match.parameters.constEnd() && decode(raw, fromQuery) == *it)
            out.insert(name, { raw.toByteArray(), fromQuery });
    };
    QList<QByteArrayView> segments;
    for (qsizetype pos = 0; pos < rawPath.size();) {
        qsizetype slash = rawPath.indexOf('/', pos);
        if (slash < 0)
            slash = rawPath.size();
        if (slash > pos)
            segments.append(rawPath.sliced(pos, slash - pos));
        pos = slash + 1;
    }
    qsizetype i = 0;
    for (const Segment &s : templ.segments()) {
        if (isEmptyLiteral(s))
            continue;
        if (s.kind == Segment::Kind::Wildcard) {
            if (i < segments.size()) {
                const char *begin = segments[i].data();
                const char *end = segments.last().data() + segments.last().size();
                // Doubled slashes inside stay as sent; decoding them drops the empty segments.
                const QByteArrayView raw(begin, end - begin);
                const auto it = match.parameters.constFind(s.name);
                if (it != match.parameters.constEnd())
                    out.insert(s.name, { raw.toByteArray(), false });
            } else {
                keep(s.name, {}, false);
            }
            break;
        }
        if (i >= segments.size())
            break;
        const QByteArrayView raw = segments[i++];
        if (s.kind != Segment::Kind::Parameter)
            continue;
        // Find where the literal prefix and suffix end in the encoded segment: the shortest
        // encoded head that decodes to as many characters as the prefix, likewise the tail.
        const qsizetype prefixSize = decode(s.prefix.toUtf8(), false).size();
        const qsizetype suffixSize = decode(s.suffix.toUtf8(), false).size();
        qsizetype begin = 0, end = raw.size();
        const auto escapeAt = [&](qsizetype at) {
            return at >= 0 && at + 2 < raw.size() && raw[at] == '%' && hexDigitValue(raw[at + 1]) >= 0
                && hexDigitValue(raw[at + 2]) >= 0;
        };
        while (begin < raw.size() && decode(raw.first(begin), false).size() < prefixSize)
            begin += escapeAt(begin) ? 3 : 1;
        while (end > begin && decode(raw.sliced(end), false).size() < suffixSize)
            end -= end - 3 >= begin && escapeAt(end - 3) ? 3 : 1;
        keep(s.name, raw.sliced(begin, end - begin), false);
    }
    for (const QueryItem &item : templ.queryItems()) {
        if (item.kind != QueryItem::Kind::Parameter)
            continue;
        const auto bound = match.parameters.constFind(item.parameter);
        if (bound == match.parameters.constEnd())
            continue;
        const QString itemName = decode(item.name.toUtf8(), true);
        for (const RequestQueryItem &q : query) {
            if (q.name != itemName || q.value != *bound || q.rawBegin < 0
                || q.rawBegin + q.rawSize > rawQuery.size())
                continue;
            const QByteArrayView pair = rawQuery.sliced(q.rawBegin, q.rawSize);
            const qsizetype eq = pair.indexOf('=');
            keep(item.parameter, eq >= 0 ? pair.sliced(eq + 1) : QByteArrayView(), true);
            break;
        }
    }
    return out;
}

namespace {

// An encoded parameter, with what would change the URL's structure at its new place escaped.
void appendFitted(QString &out, const EncodedParameter &p, bool inQuery, bool wildcard)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const char c : p.raw) {
        const bool escape = c == '#'
            || (inQuery ? c == '&' || (c == '+' && !p.fromQuery) : c == '?' || (c == '/' && !wildcard));
        if (escape) {
            out += u'%';
            out += QLatin1Char(hex[(uchar(c) >> 4) & 0xf]);
            out += QLatin1Char(hex[uchar(c) & 0xf]);
        } else {
            out += QLatin1Char(c);
        }
    }
}

} // namespace

QString TemplateMatcher::expandRewrite(const QString &templ, const QHash<QString, QString> &parameters,
                                       const QHash<QString, EncodedParameter> &encoded)
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
                const bool inQuery = queryStart >= 0 && i > queryStart;
                const auto raw = encoded.constFind(name);
                if (raw != encoded.constEnd())
                    appendFitted(out, *raw, inQuery, wildcard);
                else
                    out += QString::fromUtf8(QUrl::toPercentEncoding(parameters.value(name), wildcard && !inQuery ? "/" : ""));
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
