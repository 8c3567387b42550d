// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/secretredaction.h"

#include <QUrlQuery>

#include <algorithm>

namespace portico::core {

namespace {

bool inList(const QString &name, const QStringList &names)
{
    for (const QString &candidate : names) {
        if (candidate.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool isSecretHeader(QByteArrayView name, const QStringList &extraNames)
{
    const QByteArray lower = name.toByteArray().toLower();
    static const QByteArrayList exact { "authorization", "proxy-authorization", "cookie", "set-cookie",
                                        "ocp-apim-subscription-key" };
    if (exact.contains(lower))
        return true;
    for (const char *part : { "key", "token", "secret", "password", "signature" }) {
        if (lower.contains(part))
            return true;
    }
    return inList(QString::fromLatin1(lower), extraNames);
}

bool isSecretQueryItem(const QString &name, const QStringList &extraNames)
{
    static const QStringList known { u"subscription-key"_qs, u"sig"_qs, u"code"_qs, u"access_token"_qs,
                                     u"api_key"_qs, u"apikey"_qs, u"api-key"_qs, u"token"_qs,
                                     u"password"_qs, u"secret"_qs, u"client_secret"_qs };
    return inList(name, known) || inList(name, extraNames);
}

namespace {

// Headers whose value is a URL (Location after a redirect to a SAS URL, say), or holds URLs
// in angle brackets (Link).
bool carriesUrls(const QByteArray &lowerName)
{
    static const QByteArrayList names { "location", "content-location", "referer", "link" };
    return names.contains(lowerName);
}

QByteArray redactedUrlText(const QByteArray &text, const QStringList &extraQueryNames)
{
    const QUrl url = QUrl::fromEncoded(text.trimmed());
    const QUrl redacted = redactUrl(url, extraQueryNames);
    if (redacted == url)
        return text;
    // The mask reads as it does everywhere else, not as its percent-encoding.
    return redacted.toEncoded().replace(QUrl::toPercentEncoding(secretMask.toString()), secretMask.toUtf8());
}

QByteArray redactUrlsIn(const QByteArray &lowerName, const QByteArray &value, const QStringList &extraQueryNames)
{
    if (lowerName != "link")
        return redactedUrlText(value, extraQueryNames);
    QByteArray out;
    qsizetype from = 0;
    for (qsizetype open = value.indexOf('<'); open >= 0; open = value.indexOf('<', from)) {
        const qsizetype close = value.indexOf('>', open);
        if (close < 0)
            break;
        out += value.mid(from, open + 1 - from);
        out += redactedUrlText(value.mid(open + 1, close - open - 1), extraQueryNames);
        from = close;
    }
    return out + value.mid(from);
}

} // namespace

HeaderList redactHeaders(const HeaderList &headers, const QStringList &extraNames,
                         const QStringList &extraQueryNames)
{
    HeaderList out;
    out.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        if (!isSecretHeader(name, extraNames)) {
            const QByteArray lower = name.toLower();
            out.append({ name, carriesUrls(lower) ? redactUrlsIn(lower, value, extraQueryNames) : value });
            continue;
        }
        const qsizetype space = value.indexOf(' ');
        const bool hasScheme = name.compare("Authorization", Qt::CaseInsensitive) == 0 && space > 0;
        out.append({ name, (hasScheme ? value.left(space + 1) : QByteArray()) + secretMask.toUtf8() });
    }
    return out;
}

QUrl redactUrl(const QUrl &url, const QStringList &extraQueryNames)
{
    QUrl out = url;
    out.setUserInfo({});
    if (!url.hasQuery())
        return out;
    QUrlQuery query(url);
    QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
    bool changed = false;
    for (auto &[name, value] : items) {
        const QString decodedName = QUrl::fromPercentEncoding(name.toUtf8());
        if (isSecretQueryItem(decodedName, extraQueryNames)) {
            value = QString::fromLatin1(QUrl::toPercentEncoding(secretMask.toString()));
            changed = true;
        }
    }
    if (changed) {
        QUrlQuery redacted;
        redacted.setQueryItems(items);
        out.setQuery(redacted.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return out;
}

QList<StorageSecretSpan> storageSecretSpans(QByteArrayView text)
{
    static const QByteArrayList names { "AccountKey", "SharedAccessKey", "SharedAccessSignature", "sig" };
    const auto wordChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    };
    // A value ends where the connection string, query, JSON string or line does. A SAS as a
    // whole (SharedAccessSignature=sv=…&sig=…) runs to the ';' of its connection string.
    const auto ends = [](char c, bool wholeSas) {
        return c == ';' || c == '"' || c == '\'' || c == '\\' || c == '<' || c == '>' || c == ' ' || c == '\t'
            || c == '\r' || c == '\n' || (!wholeSas && (c == '&' || c == '#'));
    };
    const auto hexValue = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    // A name nested in a URL that is itself a query value or a form field is written
    // percent-encoded once (%26sig%3D…) or twice (%2526sig%253D…); it starts after an encoded
    // non-word character (%26 '&', %3F '?', %3B ';', or %2526, ...).
    const auto afterEncodedSeparator = [&](QByteArrayView before) {
        if (before.size() < 3)
            return false;
        const QByteArrayView escape = before.last(3); // "%hh", or the "5hh" of "%25hh"
        const bool twice = before.size() >= 5 && before.last(5).startsWith("%25");
        if (!twice && !escape.startsWith('%'))
            return false;
        const int high = hexValue(escape.at(1));
        const int low = hexValue(escape.at(2));
        return high >= 0 && low >= 0 && !wordChar(char(high * 16 + low));
    };
    const QByteArray lower = text.toByteArray().toLower();
    QList<StorageSecretSpan> spans;
    for (const QByteArray &name : names) {
        const bool wholeSas = name == "SharedAccessSignature";
        // '=' as written, encoded once (%3D) and encoded twice (%253D). An encoded value also
        // ends where `ends` would after decoding: at %3B / %253B (';') and, but for a whole SAS,
        // at %26 / %2526 ('&') and %23 / %2523 ('#'). A key or signature never holds these: its
        // '+', '/' and '=' are %2B, %2F and %3D (%252B, ... twice).
        const QByteArrayList encodedEnds = wholeSas
                ? QByteArrayList { "%3b", "%253b" }
                : QByteArrayList { "%3b", "%253b", "%26", "%2526", "%23", "%2523" };
        for (const QByteArray &equals : { QByteArray("="), QByteArray("%3d"), QByteArray("%253d") }) {
            const bool encoded = equals != "=";
            const QByteArray needle = name.toLower() + equals;
            for (qsizetype at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                // A name starts after a non-word character, or after one written as \u0026 (JSON)
                // or percent-encoded (%26, %3F, %2526), whose last character is a word character.
                const QByteArrayView before = QByteArrayView(lower).first(at);
                if (at > 0 && wordChar(lower.at(at - 1)) && !before.endsWith("\\u0026") && !afterEncodedSeparator(before))
                    continue;
                const qsizetype from = at + needle.size();
                qsizetype to = from;
                const auto atEncodedEnd = [&] {
                    return encoded && std::any_of(encodedEnds.cbegin(), encodedEnds.cend(), [&](const QByteArray &end) {
                               return QByteArrayView(lower).sliced(to).startsWith(end);
                           });
                };
                while (to < lower.size() && !ends(lower.at(to), wholeSas) && !atEncodedEnd())
                    ++to;
                if (to > from)
                    spans.append({ from, to - from, name });
            }
        }
    }
    std::sort(spans.begin(), spans.end(),
              [](const StorageSecretSpan &a, const StorageSecretSpan &b) { return a.from < b.from; });
    // sig= inside a SharedAccessSignature= value is covered by the outer span.
    QList<StorageSecretSpan> out;
    for (const StorageSecretSpan &span : std::as_const(spans)) {
        if (!out.isEmpty() && span.from < out.last().from + out.last().length)
            continue;
        out.append(span);
    }
    return out;
}

namespace {

QByteArray maskStorageSecrets(const QByteArray &text)
{
    const QList<StorageSecretSpan> spans = storageSecretSpans(text);
    if (spans.isEmpty())
        return text;
    QByteArray out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (const StorageSecretSpan &span : spans) {
        out += QByteArrayView(text).sliced(from, span.from - from);
        out += secretMask.toUtf8();
        from = span.from + span.length;
    }
    return out + QByteArrayView(text).sliced(from);
}

} // namespace

QByteArray scrubSecrets(QByteArray text, const QStringList &secretValues)
{
    text = maskStorageSecrets(text);
    for (const QString &secret : secretValues) {
        if (secret.size() < 4)
            continue;
        const QByteArray raw = secret.toUtf8();
        const QByteArray mask = secretMask.toUtf8();
        text.replace(raw, mask);
        const QByteArray encoded = QUrl::toPercentEncoding(secret);
        if (encoded != raw)
            text.replace(encoded, mask);
    }
    return text;
}

QString scrubSecrets(QString text, const QStringList &secretValues)
{
    if (const QByteArray utf8 = text.toUtf8(); !storageSecretSpans(utf8).isEmpty())
        text = QString::fromUtf8(maskStorageSecrets(utf8));
    for (const QString &secret : secretValues) {
        if (secret.size() < 4)
            continue;
        text.replace(secret, secretMask.toString());
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            text.replace(encoded, secretMask.toString());
    }
    return text;
}

} // namespace portico::core
