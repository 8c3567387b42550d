// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/wireheaders.h"

#include <QLocale>

#include <algorithm>

namespace portico::core {

HeaderList joinRepeatedHeaders(const HeaderList &headers)
{
    HeaderList joined;
    for (const auto &[name, value] : headers) {
        if (name.isEmpty())
            continue;
        auto same = std::find_if(joined.begin(), joined.end(), [&name](const auto &field) {
            return field.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (same == joined.end()) {
            joined.append({ name, value });
            continue;
        }
        if (value.isEmpty())
            continue;
        if (!same->second.isEmpty())
            same->second += name.compare("Cookie", Qt::CaseInsensitive) == 0 ? "; " : ", ";
        same->second += value;
    }
    return joined;
}

namespace {

// Qt's own default (QHttpNetworkConnectionPrivate::prepareRequest), so a site that needs one
// sees the same as before.
QByteArray systemAcceptLanguage()
{
    const QString locale = QLocale::system().name().replace(u'_', u'-');
    if (locale == u"C")
        return QByteArrayLiteral("en,*");
    if (locale.startsWith(u"en-"))
        return locale.toLatin1() + ",*";
    return locale.toLatin1() + ",en,*";
}

bool anticipatesContent(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

} // namespace

HeaderList wireHeaders(const PreparedRequest &request)
{
    HeaderList headers = joinRepeatedHeaders(request.headers);
    const auto addUnlessSet = [&headers](const QByteArray &name, const QByteArray &value) {
        const bool set = std::any_of(headers.cbegin(), headers.cend(), [&name](const auto &field) {
            return field.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (!set)
            headers.append({ name, value });
    };
    addUnlessSet(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("Portico/" PORTICO_VERSION_STRING));
    addUnlessSet(QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("gzip, deflate"));
    addUnlessSet(QByteArrayLiteral("Accept-Language"), systemAcceptLanguage());
    // A method that anticipates content, sent without: "Content-Length: 0" (RFC 9110 section
    // 8.6); any other request without a body carries none.
    if (request.body.isEmpty() && anticipatesContent(request.method))
        addUnlessSet(QByteArrayLiteral("Content-Length"), QByteArrayLiteral("0"));
    return headers;
}

} // namespace portico::core
