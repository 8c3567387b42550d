// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/snippetgenerator.h"

#include "core/tryit/secretredaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QUrlQuery>

namespace portico::core {

namespace {

// One header or query item of the snippet: a literal value, or an environment variable.
struct Item
{
    QString name;
    QString value;
    QString variable; // non-empty: take the value from this environment variable
};

// A piece of the body: literal text, or a storage credential taken from a variable.
struct BodyPart
{
    QString text;
    QString variable;
};

struct Parts
{
    QByteArray method;
    QString baseUrl; // URL without the secret query items
    QList<Item> secretQuery;
    QList<Item> headers;
    QList<BodyPart> body; // empty: no body
    QStringList bodyVariables; // each variable of `body` once, in order
};

QString storageVariableFor(const QByteArray &name)
{
    if (name == "AccountKey")
        return u"STORAGE_ACCOUNT_KEY"_qs;
    if (name == "sig")
        return u"SAS_SIGNATURE"_qs;
    return SnippetGenerator::environmentVariableFor(QString::fromLatin1(name));
}

// The body with the request's secret values masked and each storage credential (a connection
// string's AccountKey, a SAS's sig, ...) cut out as a variable, the way secret headers are.
void splitBody(Parts &parts, const QByteArray &body, const TryItRequest &request, bool includeSecrets)
{
    if (body.isEmpty())
        return;
    if (includeSecrets) {
        parts.body.append({ QString::fromUtf8(body), {} });
        return;
    }
    qsizetype from = 0;
    const auto literal = [&](qsizetype to) {
        if (to > from)
            parts.body.append({ QString::fromUtf8(scrubSecrets(body.mid(from, to - from), request.secretValues())), {} });
    };
    // Each distinct credential gets its own variable (STORAGE_ACCOUNT_KEY, STORAGE_ACCOUNT_KEY_2,
    // ...): a BES job reading from one account and writing to another must not send one
    // account's key to the other.
    QHash<QByteArray, QString> variableOf; // name '=' value -> variable
    QHash<QString, int> uses;              // base variable -> distinct values so far
    for (const StorageSecretSpan &span : storageSecretSpans(body)) {
        literal(span.from);
        const QByteArray credential = span.name + '=' + body.mid(span.from, span.length);
        QString variable = variableOf.value(credential);
        if (variable.isEmpty()) {
            const QString base = storageVariableFor(span.name);
            const int n = ++uses[base];
            variable = n == 1 ? base : base + u'_' + QString::number(n);
            variableOf.insert(credential, variable);
        }
        parts.body.append({ {}, variable });
        if (!parts.bodyVariables.contains(variable))
            parts.bodyVariables.append(variable);
        from = span.from + span.length;
    }
    literal(body.size());
}

// The body as one expression of the snippet's language: literals and variables joined by
// `separator`.
template <typename Literal, typename Variable>
QString bodyExpression(const Parts &p, Literal literal, Variable variable, const QString &separator)
{
    QStringList pieces;
    for (const BodyPart &part : p.body)
        pieces.append(part.variable.isEmpty() ? literal(part.text) : variable(part.variable));
    return pieces.join(separator);
}

// A kept query value (percent-encoded) with its storage credentials and the request's secret
// values masked; untouched unless something was masked, so the URL stays as it is sent.
QString maskedQueryValue(const QString &value, const TryItRequest &request)
{
    const QByteArray decoded = QByteArray::fromPercentEncoding(value.toUtf8());
    const QByteArray masked = scrubSecrets(decoded, request.secretValues());
    return masked == decoded ? value : QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(masked)));
}

Parts split(const PreparedRequest &prepared, const TryItRequest &request, bool includeSecrets)
{
    Parts parts;
    parts.method = prepared.method;
    // The key or a token pasted into the body is as secret as in a header; history scrubs it
    // the same way.
    splitBody(parts, prepared.body, request, includeSecrets);
    QUrl url = prepared.url;
    if (url.hasQuery() && !includeSecrets) {
        const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyEncoded);
        QList<QPair<QString, QString>> kept;
        for (const auto &[name, value] : items) {
            const QString decoded = QUrl::fromPercentEncoding(name.toUtf8());
            if (isSecretQueryItem(decoded, request.secretQueryNames()))
                parts.secretQuery.append({ decoded, {}, SnippetGenerator::environmentVariableFor(decoded) });
            else
                kept.append({ name, maskedQueryValue(value, request) });
        }
        QUrlQuery query;
        query.setQueryItems(kept);
        url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    parts.baseUrl = url.toString(QUrl::FullyEncoded);
    for (const auto &[name, value] : prepared.headers) {
        const QString headerName = QString::fromLatin1(name);
        if (!includeSecrets && isSecretHeader(name, request.secretHeaderNames()))
            parts.headers.append({ headerName, {}, SnippetGenerator::environmentVariableFor(headerName) });
        else if (includeSecrets)
            parts.headers.append({ headerName, QString::fromUtf8(value), {} });
        else // a SAS in x-ms-copy-source, say, is masked as in history
            parts.headers.append({ headerName, QString::fromUtf8(scrubSecrets(value, request.secretValues())), {} });
    }
    return parts;
}

// A double-quoted string literal valid in JSON, Python, JavaScript and (for ASCII) C#.
QString quoted(const QString &text)
{
    QString json = QString::fromUtf8(QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact));
    return json.mid(1, json.size() - 2);
}

QString shellSingle(const QString &text)
{
    QString out = text;
    out.replace(u'\'', u"'\\''"_qs);
    return u'\'' + out + u'\'';
}

QString shellDouble(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\' || c == u'$' || c == u'`')
            out += u'\\';
        out += c;
    }
    return out;
}

QString curl(const Parts &p)
{
    QString url = shellDouble(p.baseUrl);
    for (const Item &item : p.secretQuery)
        url += (url.contains(u'?') ? u"&"_qs : u"?"_qs) + shellDouble(item.name) + u"=${" + item.variable + u'}';
    QString out = u"curl --silent --show-error --request %1 \"%2\""_qs.arg(QString::fromLatin1(p.method), url);
    for (const Item &item : p.headers) {
        if (item.variable.isEmpty())
            out += u" \\\n  --header "_qs + shellSingle(item.name + u": "_qs + item.value);
        else
            out += u" \\\n  --header \""_qs + shellDouble(item.name) + u": ${" + item.variable + u"}\"";
    }
    if (!p.body.isEmpty())
        out += u" \\\n  --data-binary "_qs
            + bodyExpression(p, shellSingle, [](const QString &v) -> QString { return u"\"${"_qs + v + u"}\""; }, {});
    out += u" \\\n  --write-out '\\n%{http_code}\\n'"_qs;
    return out + u'\n';
}

QString python(const Parts &p)
{
    QString out = u"import os\n\nimport requests\n\nurl = "_qs + quoted(p.baseUrl) + u'\n';
    if (!p.secretQuery.isEmpty()) {
        out += u"params = {\n"_qs;
        for (const Item &item : p.secretQuery)
            out += u"    "_qs + quoted(item.name) + u": os.environ[" + quoted(item.variable) + u"],\n";
        out += u"}\n"_qs;
    }
    out += u"headers = {\n"_qs;
    for (const Item &item : p.headers) {
        out += u"    "_qs + quoted(item.name) + u": "
            + (item.variable.isEmpty() ? quoted(item.value) : u"os.environ["_qs + quoted(item.variable) + u']')
            + u",\n";
    }
    out += u"}\n"_qs;
    if (!p.body.isEmpty()) {
        const QString data
            = bodyExpression(p, quoted, [](const QString &v) -> QString { return u"os.environ["_qs + quoted(v) + u']'; }, u" + "_qs);
        out += u"data = "_qs + (p.bodyVariables.isEmpty() ? data : u'(' + data + u')') + u".encode(\"utf-8\")\n";
    }
    out += u"\nresponse = requests.request("_qs + quoted(QString::fromLatin1(p.method)) + u", url"
        + (p.secretQuery.isEmpty() ? QString() : u", params=params"_qs) + u", headers=headers"
        + (p.body.isEmpty() ? QString() : u", data=data"_qs) + u")\n";
    out += u"print(response.status_code)\nprint(response.text)\n"_qs;
    return out;
}

QString javascript(const Parts &p)
{
    QString out = u"const url = new URL("_qs + quoted(p.baseUrl) + u");\n";
    for (const Item &item : p.secretQuery)
        out += u"url.searchParams.append("_qs + quoted(item.name) + u", process.env." + item.variable + u");\n";
    out += u"const response = await fetch(url, {\n  method: "_qs + quoted(QString::fromLatin1(p.method))
        + u",\n  headers: {\n";
    for (const Item &item : p.headers) {
        out += u"    "_qs + quoted(item.name) + u": "
            + (item.variable.isEmpty() ? quoted(item.value) : u"process.env."_qs + item.variable) + u",\n";
    }
    out += u"  },\n"_qs;
    if (!p.body.isEmpty())
        out += u"  body: "_qs
            + bodyExpression(p, quoted, [](const QString &v) -> QString { return u"process.env."_qs + v; }, u" + "_qs) + u",\n";
    out += u"});\nconsole.log(response.status);\nconsole.log(await response.text());\n"_qs;
    return out;
}

QString csharpString(const QString &text)
{
    QString out = u"\""_qs;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += u"\\\""_qs; break;
        case '\\': out += u"\\\\"_qs; break;
        case '\n': out += u"\\n"_qs; break;
        case '\r': out += u"\\r"_qs; break;
        case '\t': out += u"\\t"_qs; break;
        default:
            if (c.unicode() < 0x20 || c.unicode() > 0x7e)
                out += u"\\u%1"_qs.arg(int(c.unicode()), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString csharp(const Parts &p)
{
    QString url = csharpString(p.baseUrl);
    for (const Item &item : p.secretQuery) {
        url += u" + "_qs + csharpString((p.baseUrl.contains(u'?') ? u"&"_qs : u"?"_qs) + item.name + u'=')
            + u" + Uri.EscapeDataString(Environment.GetEnvironmentVariable(" + csharpString(item.variable) + u"))";
    }
    QString out = u"using System.Net.Http;\nusing System.Text;\n\nusing var client = new HttpClient();\n"
                  "using var request = new HttpRequestMessage(new HttpMethod("_qs
        + csharpString(QString::fromLatin1(p.method)) + u"), " + url + u");\n";
    QString contentType = u"application/octet-stream"_qs;
    for (const Item &item : p.headers) {
        if (item.name.compare(u"Content-Type"_qs, Qt::CaseInsensitive) == 0 && item.variable.isEmpty()) {
            contentType = item.value;
            continue;
        }
        out += u"request.Headers.TryAddWithoutValidation("_qs + csharpString(item.name) + u", "
            + (item.variable.isEmpty()
                   ? csharpString(item.value)
                   : u"Environment.GetEnvironmentVariable("_qs + csharpString(item.variable) + u')')
            + u");\n";
    }
    if (!p.body.isEmpty()) {
        const auto variable = [](const QString &v) -> QString {
            return u"Environment.GetEnvironmentVariable("_qs + csharpString(v) + u')';
        };
        out += u"request.Content = new StringContent("_qs + bodyExpression(p, csharpString, variable, u" + "_qs)
            + u", Encoding.UTF8);\nrequest.Content.Headers.ContentType = "
              "System.Net.Http.Headers.MediaTypeHeaderValue.Parse("
            + csharpString(contentType) + u");\n";
    }
    out += u"using var response = await client.SendAsync(request);\n"
           "Console.WriteLine((int)response.StatusCode);\n"
           "Console.WriteLine(await response.Content.ReadAsStringAsync());\n"_qs;
    return out;
}

QString httpFile(const Parts &p, const TryItRequest &request)
{
    QString out;
    QString url = p.baseUrl;
    for (const Item &item : p.secretQuery) {
        out += u"@"_qs + item.variable + u" = {{$processEnv " + item.variable + u"}}\n";
        url += (url.contains(u'?') ? u"&"_qs : u"?"_qs) + item.name + u"={{" + item.variable + u"}}";
    }
    for (const Item &item : p.headers) {
        if (!item.variable.isEmpty())
            out += u"@"_qs + item.variable + u" = {{$processEnv " + item.variable + u"}}\n";
    }
    for (const QString &variable : p.bodyVariables)
        out += u"@"_qs + variable + u" = {{$processEnv " + variable + u"}}\n";
    if (!out.isEmpty())
        out += u'\n';
    out += u"# "_qs + (request.operationName.isEmpty() ? u"Request"_qs : request.operationName) + u'\n';
    out += QString::fromLatin1(p.method) + u' ' + url + u'\n';
    for (const Item &item : p.headers)
        out += item.name + u": " + (item.variable.isEmpty() ? item.value : u"{{"_qs + item.variable + u"}}") + u'\n';
    if (!p.body.isEmpty())
        out += u'\n'
            + bodyExpression(p, [](const QString &t) -> QString { return t; }, [](const QString &v) -> QString { return u"{{"_qs + v + u"}}"; }, {})
            + u'\n';
    return out;
}

} // namespace

QString SnippetGenerator::environmentVariableFor(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += (c.isLetterOrNumber() && c.unicode() < 128) ? c.toUpper() : u'_';
    if (out.isEmpty() || out.at(0).isDigit())
        out.prepend(u'_');
    return out;
}

QString SnippetGenerator::displayName(Language language)
{
    switch (language) {
    case Language::Curl: return u"curl"_qs;
    case Language::PythonRequests: return u"Python (requests)"_qs;
    case Language::CSharpHttpClient: return u"C# (HttpClient)"_qs;
    case Language::JavaScriptFetch: return u"JavaScript (fetch)"_qs;
    case Language::HttpFile: return u".http"_qs;
    }
    return {};
}

Result<QString> SnippetGenerator::generate(Language language, const TryItRequest &request, Options options)
{
    auto prepared = request.prepare();
    if (!prepared)
        return prepared.error();
    const Parts parts = split(*prepared, request, options.includeSecrets);
    switch (language) {
    case Language::Curl: return curl(parts);
    case Language::PythonRequests: return python(parts);
    case Language::CSharpHttpClient: return csharp(parts);
    case Language::JavaScriptFetch: return javascript(parts);
    case Language::HttpFile: return httpFile(parts, request);
    }
    return Error::make(Error::Kind::InvalidInput, u"Unknown snippet language."_qs);
}

} // namespace portico::core
