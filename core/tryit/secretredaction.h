// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Which parts of an HTTP request are secrets, and how they are masked. Used by the request
// preview, history, snippets and anything else that shows or stores a request. Pure functions.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace portico::core {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// What replaces a secret in previews and stored history.
inline constexpr QStringView secretMask { u"••••••••" };

// Authorization, Proxy-Authorization, Cookie, Ocp-Apim-Subscription-Key, and any header whose
// name contains "key", "token", "secret", "password" or "signature"; plus `extraNames`
// (e.g. an API's renamed subscription-key header). Case-insensitive.
[[nodiscard]] bool isSecretHeader(QByteArrayView name, const QStringList &extraNames = {});
// subscription-key, sig (SAS), code, access_token, api_key/apikey, token, password, secret,
// and `extraNames`. Case-insensitive.
[[nodiscard]] bool isSecretQueryItem(const QString &name, const QStringList &extraNames = {});

// Masks secret header values; "Bearer abc" keeps the scheme ("Bearer ••••••••"). In the URLs
// of Location, Content-Location, Referer and Link, the secret query items are masked as
// redactUrl() does, with `extraQueryNames`; a URL with none is kept as it was written.
[[nodiscard]] HeaderList redactHeaders(const HeaderList &headers, const QStringList &extraNames = {},
                                       const QStringList &extraQueryNames = {});
[[nodiscard]] QUrl redactUrl(const QUrl &url, const QStringList &extraQueryNames = {});
// A storage credential written out in text: the value of AccountKey=, SharedAccessKey= or
// SharedAccessSignature= in a connection string, or of sig= in a SAS (a query or a token such
// as BES's "SasBlobToken": "?sv=…&sig=…"). `name` is the key as written canonically
// ("AccountKey", "SharedAccessKey", "SharedAccessSignature", "sig"); [from, from + length) is
// the value alone. Keys match case-insensitively and only as whole words; spans do not overlap.
// A key nested percent-encoded in a URL (%26sig%3D…, or twice: %2526sig%253D…) is found too;
// its value ends at the encoded '&', ';' or '#'.
struct StorageSecretSpan
{
    qsizetype from = 0;
    qsizetype length = 0;
    QByteArray name;
};
[[nodiscard]] QList<StorageSecretSpan> storageSecretSpans(QByteArrayView text);

// Replaces every occurrence of each known secret value (length >= 4) in `text`, and every
// storage credential storageSecretSpans() finds; the last line of defence for bodies and free
// text stored in history.
[[nodiscard]] QByteArray scrubSecrets(QByteArray text, const QStringList &secretValues);
[[nodiscard]] QString scrubSecrets(QString text, const QStringList &secretValues);

} // namespace portico::core
