// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/urltemplate.h"

#include <QSet>
#include <QUrl>

#include <algorithm>

namespace portico::core {

namespace {

constexpr qsizetype maxTemplateLength = 1000; // apim-protocol.md §3.3

using Code = UrlTemplateProblem::Code;

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'_' || c == u'-' || c == u'.' || c == u'~';
}

bool isValidName(QStringView name)
{
    return !name.isEmpty() && std::all_of(name.begin(), name.end(), isNameChar);
}

bool isForbiddenLiteralChar(QChar c)
{
    return c.isSpace() || c == u'#' || c.category() == QChar::Other_Control;
}

// The name a broken '{' probably meant: the text after it up to the next delimiter.
QString partialName(const QString &text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && !QStringView(u"/?&={}").contains(text.at(end)))
        ++end;
    return text.mid(from, end - from);
}

// indexOf(c, from) that skips characters inside "{...}"; -1 when not found. Braces are balanced
// when this runs (checkBraces passed).
qsizetype indexOutsideBraces(const QString &text, QChar c, qsizetype from)
{
    bool inside = false;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch == u'{')
            inside = true;
        else if (ch == u'}')
            inside = false;
        else if (!inside && ch == c)
            return i;
    }
    return -1;
}

struct Analysis
{
    QList<UrlTemplateProblem> problems;
    QList<UrlTemplate::Segment> segments;
    QList<UrlTemplate::QueryItem> queryItems;
    // Named parameters in text order, with the position of their '{'.
    QList<std::pair<QString, qsizetype>> parameters;
    bool anonymousWildcard = false;

    void add(Code code, qsizetype position, const QString &parameter = {})
    {
        problems.append(UrlTemplateProblem { code, position, parameter });
    }
};

// Checks the brace structure of the whole text; true when it is sound.
bool checkBraces(const QString &text, Analysis &a)
{
    qsizetype open = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'{') {
            if (open >= 0)
                a.add(Code::UnbalancedBrace, open, partialName(text, open + 1));
            open = i;
        } else if (c == u'}') {
            if (open < 0)
                a.add(Code::UnbalancedBrace, i);
            open = -1;
        }
    }
    if (open >= 0)
        a.add(Code::UnbalancedBrace, open, partialName(text, open + 1));
    return a.problems.isEmpty();
}

void checkLiteral(const QString &text, qsizetype begin, qsizetype end, Analysis &a)
{
    for (qsizetype i = begin; i < end; ++i) {
        if (isForbiddenLiteralChar(text.at(i)))
            a.add(Code::InvalidCharacter, i);
    }
}

// Validates the inside of "{...}" starting at `brace`; returns the name or an empty string.
QString parameterName(const QString &text, qsizetype brace, qsizetype close, bool wildcardAllowed,
                      bool *isWildcard, Analysis &a)
{
    QStringView inner = QStringView(text).mid(brace + 1, close - brace - 1);
    *isWildcard = inner.startsWith(u'*');
    if (*isWildcard)
        inner = inner.mid(1);
    if (inner.isEmpty()) {
        a.add(Code::EmptyName, brace);
        return {};
    }
    if (!isValidName(inner)) {
        a.add(Code::InvalidName, brace, inner.toString());
        return {};
    }
    if (*isWildcard && !wildcardAllowed) {
        a.add(Code::WildcardNotLast, brace, inner.toString());
        return {};
    }
    return inner.toString();
}

void parseSegment(const QString &text, qsizetype begin, qsizetype end, bool last, Analysis &a)
{
    UrlTemplate::Segment segment;
    segment.position = begin;
    const QStringView view = QStringView(text).mid(begin, end - begin);

    if (view == u"*") {
        if (!last) {
            a.add(Code::WildcardNotLast, begin, u"*"_qs);
            return;
        }
        segment.kind = UrlTemplate::Segment::Kind::Wildcard;
        segment.name = u"*"_qs;
        a.anonymousWildcard = true;
        a.segments.append(segment);
        return;
    }

    const qsizetype brace = text.indexOf(u'{', begin);
    if (brace < 0 || brace >= end) {
        checkLiteral(text, begin, end, a);
        segment.literal = view.toString();
        a.segments.append(segment);
        return;
    }

    const qsizetype close = text.indexOf(u'}', brace);
    const qsizetype second = text.indexOf(u'{', close);
    if (second >= 0 && second < end)
        a.add(Code::MultipleParameters, second, partialName(text, second + 1));

    bool wildcard = false;
    const QString name = parameterName(text, brace, close, last, &wildcard, a);
    checkLiteral(text, begin, brace, a);
    checkLiteral(text, close + 1, end, a);
    if (name.isEmpty())
        return;
    if (wildcard && (brace != begin || close != end - 1)) {
        // "{*rest}" must be the whole segment: literal text around it could not be matched.
        a.add(Code::WildcardNotLast, brace, name);
        return;
    }
    segment.kind = wildcard ? UrlTemplate::Segment::Kind::Wildcard
                            : UrlTemplate::Segment::Kind::Parameter;
    segment.name = name;
    segment.prefix = text.mid(begin, brace - begin);
    segment.suffix = text.mid(close + 1, end - close - 1);
    a.parameters.append({ name, brace });
    a.segments.append(segment);
}

void parsePath(const QString &text, qsizetype end, Analysis &a)
{
    qsizetype begin = (end > 0 && text.at(0) == u'/') ? 1 : 0;
    while (true) {
        qsizetype slash = indexOutsideBraces(text, u'/', begin);
        if (slash < 0 || slash > end)
            slash = end;
        const bool last = slash == end;
        if (slash == begin && !last) {
            a.add(Code::EmptySegment, begin);
        } else if (slash == begin) {
            UrlTemplate::Segment trailing; // "/" or a trailing slash: an empty literal segment
            trailing.position = begin;
            a.segments.append(trailing);
        } else {
            parseSegment(text, begin, slash, last, a);
        }
        if (last)
            break;
        begin = slash + 1;
    }
}

void parseQuery(const QString &text, qsizetype begin, Analysis &a)
{
    while (begin <= text.size()) {
        qsizetype amp = indexOutsideBraces(text, u'&', begin);
        if (amp < 0)
            amp = text.size();
        if (amp > begin) { // empty items ("?a=1&&b=2", a trailing '&') carry nothing: skipped
            UrlTemplate::QueryItem item;
            item.position = begin;
            qsizetype eq = indexOutsideBraces(text, u'=', begin);
            if (eq < 0 || eq > amp) {
                eq = amp;
                item.hasValue = false;
            }
            const QStringView key = QStringView(text).mid(begin, eq - begin);
            if (key.isEmpty() || key.contains(u'{') || key.contains(u'}')) {
                a.add(Code::InvalidQuery, begin,
                      key.contains(u'{') ? partialName(text, text.indexOf(u'{', begin) + 1)
                                         : QString());
            } else {
                checkLiteral(text, begin, eq, a);
                item.name = key.toString();
                const qsizetype valueBegin = std::min(eq + 1, amp);
                const qsizetype brace = text.indexOf(u'{', valueBegin);
                if (brace >= 0 && brace < amp) {
                    const qsizetype close = text.indexOf(u'}', brace);
                    if (brace != valueBegin || close != amp - 1) {
                        a.add(Code::InvalidQuery, brace, partialName(text, brace + 1));
                    } else {
                        bool wildcard = false;
                        const QString name = parameterName(text, brace, close, false, &wildcard, a);
                        if (!name.isEmpty()) {
                            item.kind = UrlTemplate::QueryItem::Kind::Parameter;
                            item.parameter = name;
                            a.parameters.append({ name, brace });
                            a.queryItems.append(item);
                        }
                    }
                } else {
                    checkLiteral(text, valueBegin, amp, a);
                    item.value = text.mid(valueBegin, amp - valueBegin);
                    a.queryItems.append(item);
                }
            }
        }
        begin = amp + 1;
    }
}

Analysis analyse(const QString &text, const std::optional<QStringList> &declared)
{
    Analysis a;
    if (text.isEmpty()) {
        a.add(Code::Empty, 0);
        return a;
    }
    if (text.size() > maxTemplateLength) {
        a.add(Code::TooLong, maxTemplateLength);
        return a;
    }
    if (!checkBraces(text, a))
        return a;

    const qsizetype question = indexOutsideBraces(text, u'?', 0);
    const qsizetype pathEnd = question < 0 ? text.size() : question;
    parsePath(text, pathEnd, a);
    if (question >= 0)
        parseQuery(text, question + 1, a);

    QSet<QString> seen;
    for (const auto &[name, position] : std::as_const(a.parameters)) {
        if (seen.contains(name))
            a.add(Code::DuplicateParameter, position, name);
        seen.insert(name);
    }

    if (declared) {
        for (const auto &[name, position] : std::as_const(a.parameters)) {
            if (!declared->contains(name))
                a.add(Code::UndeclaredParameter, position, name);
        }
        QSet<QString> reported;
        for (const QString &name : *declared) {
            const bool used = seen.contains(name) || (name == u"*" && a.anonymousWildcard);
            if (!used && !reported.contains(name)) {
                a.add(Code::UnusedParameter, -1, name);
                reported.insert(name);
            }
        }
    }

    std::stable_sort(a.problems.begin(), a.problems.end(),
                     [](const UrlTemplateProblem &l, const UrlTemplateProblem &r) {
                         // text order; position-less problems (-1) go last
                         const auto key = [](qsizetype p) { return p < 0 ? qsizetype(1) << 40 : p; };
                         return key(l.position) < key(r.position);
                     });
    return a;
}

Error toError(const QList<UrlTemplateProblem> &problems)
{
    const UrlTemplateProblem &first = problems.constFirst();
    Error error = Error::make(Error::Kind::InvalidInput, first.message(),
                              UrlTemplateProblem::codeName(first.code));
    error.target = u"urlTemplate"_qs;
    for (const UrlTemplateProblem &p : problems)
        error.details.append(ErrorDetail { UrlTemplateProblem::codeName(p.code), p.message(), p.parameter });
    return error;
}

Error missingValue(const QString &name, const QString &why)
{
    Error error = Error::make(Error::Kind::InvalidInput,
                              u"URL template parameter '%1' %2"_qs.arg(name, why), u"MissingValue"_qs);
    error.target = name;
    return error;
}

// "." and ".." as a whole path segment are removed by every client and server that normalizes
// the path (RFC 3986 5.2.4; Qt does it when sending), so the request would reach another path.
// They cannot be percent-encoded instead: %2E is an unreserved character's encoding, which QUrl
// decodes back to "." (RFC 3986 6.2.2.2).
bool isDotSegment(const QString &segment)
{
    return segment == u"."_qs || segment == u".."_qs;
}

Error dotSegment(const QString &name, const QString &segment)
{
    Error error = Error::make(Error::Kind::InvalidInput,
                              u"URL template parameter '%1' makes the path segment '%2', which would "
                              "change the path"_qs.arg(name, segment),
                              u"DotSegment"_qs);
    error.target = name;
    return error;
}

} // namespace

QString UrlTemplateProblem::codeName(Code code)
{
    switch (code) {
    case Code::Empty: return u"Empty"_qs;
    case Code::TooLong: return u"TooLong"_qs;
    case Code::UnbalancedBrace: return u"UnbalancedBrace"_qs;
    case Code::EmptyName: return u"EmptyName"_qs;
    case Code::InvalidName: return u"InvalidName"_qs;
    case Code::DuplicateParameter: return u"DuplicateParameter"_qs;
    case Code::WildcardNotLast: return u"WildcardNotLast"_qs;
    case Code::MultipleParameters: return u"MultipleParameters"_qs;
    case Code::EmptySegment: return u"EmptySegment"_qs;
    case Code::InvalidCharacter: return u"InvalidCharacter"_qs;
    case Code::InvalidQuery: return u"InvalidQuery"_qs;
    case Code::UndeclaredParameter: return u"UndeclaredParameter"_qs;
    case Code::UnusedParameter: return u"UnusedParameter"_qs;
    }
    return {};
}

QString UrlTemplateProblem::message() const
{
    const QString at = position >= 0 ? u" at position %1"_qs.arg(position) : QString();
    const QString of = parameter.isEmpty() ? QString() : u" (parameter '%1')"_qs.arg(parameter);
    switch (code) {
    case Code::Empty: return u"The URL template is empty"_qs;
    case Code::TooLong: return u"The URL template is longer than 1000 characters"_qs;
    case Code::UnbalancedBrace: return u"Unbalanced brace"_qs + at + of;
    case Code::EmptyName: return u"Empty parameter name"_qs + at;
    case Code::InvalidName: return u"Invalid parameter name '%1'"_qs.arg(parameter) + at;
    case Code::DuplicateParameter: return u"Parameter '%1' is used more than once"_qs.arg(parameter) + at;
    case Code::WildcardNotLast: return u"Wildcard '%1' must be the whole last path segment"_qs.arg(parameter) + at;
    case Code::MultipleParameters: return u"More than one parameter in a path segment"_qs + at + of;
    case Code::EmptySegment: return u"Empty path segment"_qs + at;
    case Code::InvalidCharacter: return u"Invalid character"_qs + at;
    case Code::InvalidQuery: return u"A query item needs a name, and its value is either text or one {parameter}"_qs + at + of;
    case Code::UndeclaredParameter: return u"Parameter '%1'"_qs.arg(parameter) + at + u" is not declared in templateParameters"_qs;
    case Code::UnusedParameter: return u"Template parameter '%1' is declared but not used in the URL template"_qs.arg(parameter);
    }
    return {};
}

Result<UrlTemplate> UrlTemplate::parse(const QString &text)
{
    Analysis a = analyse(text, std::nullopt);
    if (!a.problems.isEmpty())
        return toError(a.problems);
    UrlTemplate t;
    t.m_text = text;
    t.m_segments = std::move(a.segments);
    t.m_queryItems = std::move(a.queryItems);
    for (const auto &parameter : std::as_const(a.parameters))
        t.m_parameterNames.append(parameter.first);
    return t;
}

Result<UrlTemplate> UrlTemplate::parse(const QString &text, const QStringList &declaredParameters)
{
    const QList<UrlTemplateProblem> found = problems(text, declaredParameters);
    if (!found.isEmpty())
        return toError(found);
    return parse(text);
}

QList<UrlTemplateProblem> UrlTemplate::problems(const QString &text,
                                                const std::optional<QStringList> &declaredParameters)
{
    return analyse(text, declaredParameters).problems;
}

bool UrlTemplate::hasWildcard() const
{
    return !m_segments.isEmpty() && m_segments.constLast().kind == Segment::Kind::Wildcard;
}

bool UrlTemplate::hasTrailingSlash() const
{
    return !m_segments.isEmpty() && m_segments.constLast().kind == Segment::Kind::Literal
        && m_segments.constLast().literal.isEmpty();
}

Result<QString> UrlTemplate::expand(const QHash<QString, QString> &values) const
{
    QString url;
    for (const Segment &segment : m_segments) {
        url += u'/';
        switch (segment.kind) {
        case Segment::Kind::Literal:
            url += segment.literal;
            break;
        case Segment::Kind::Parameter: {
            const auto it = values.constFind(segment.name);
            if (it == values.cend())
                return missingValue(segment.name, u"has no value"_qs);
            if (it->isEmpty())
                return missingValue(segment.name, u"is a path segment and cannot be empty"_qs);
            const QString text = segment.prefix + QString::fromLatin1(QUrl::toPercentEncoding(*it)) + segment.suffix;
            if (isDotSegment(text))
                return dotSegment(segment.name, text);
            url += text;
            break;
        }
        case Segment::Kind::Wildcard: {
            const auto it = values.constFind(segment.name);
            if (it == values.cend() && segment.name != u"*")
                return missingValue(segment.name, u"has no value"_qs);
            if (it == values.cend())
                break;
            QStringList pieces = it->split(u'/');
            for (QString &piece : pieces) {
                piece = QString::fromLatin1(QUrl::toPercentEncoding(piece));
                if (isDotSegment(piece))
                    return dotSegment(segment.name, piece);
            }
            url += pieces.join(u'/');
            break;
        }
        }
    }
    if (url.isEmpty())
        url = u"/"_qs;

    QStringList items;
    for (const QueryItem &item : m_queryItems) {
        if (item.kind == QueryItem::Kind::Literal) {
            items.append(item.hasValue ? item.name + u'=' + item.value : item.name);
            continue;
        }
        const auto it = values.constFind(item.parameter);
        if (it == values.cend())
            return missingValue(item.parameter, u"has no value"_qs);
        items.append(item.name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(*it)));
    }
    if (!items.isEmpty())
        url += u'?' + items.join(u'&');
    return url;
}

} // namespace portico::core
