// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QNetworkReply;

namespace portico::core {

// Whether a request went out on its connection, from Qt's QNetworkReply::requestSent() (Qt 6.3+).
// It tells a failure without an answer after the request left (the server may have acted on it)
// from one before (no connection, a connect that timed out or was cancelled, a connection closed
// before the request was written: the server cannot have). Watch a reply right after creating it.
// Qt 6.4 says it over HTTP/2 as well, on a new and on a reused connection, once the HEADERS
// frame went out (tst_tryitsender silenceOverHttp2IsNoAnswer keeps that true on newer Qt).
class RequestSentFlag final
{
    Q_DISABLE_COPY_MOVE(RequestSentFlag)

public:
    RequestSentFlag() = default;

    // Sets the flag once `reply` says its request was sent; `context` (the reply's owner) ends
    // the watch when it goes away.
    void watch(QNetworkReply *reply, QObject *context);
    bool isSet() const { return m_sent; }

    // Given an empty body (an upload device with nothing in it), Qt uploads nothing and never
    // says requestSent(): send a request without a body with sendCustomRequest() without data.

private:
    bool m_sent = false;
};

} // namespace portico::core
