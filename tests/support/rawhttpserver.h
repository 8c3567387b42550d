// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace portico::test {

// A bare HTTP/1.1 server on a loopback port that answers each path with bytes the test wrote
// by hand, for exchanges a replay server cannot shape: a HEAD answer that announces a length,
// redirect loops and redirects to another origin, compressed bodies. It records every request
// as it arrived on the wire (head and body), so tests can check what was really sent.
// Requests carry a Content-Length body or none (how QNetworkAccessManager sends them).
class RawHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QList<QPair<QByteArray, QByteArray>> headers; // as sent, in order, repeated names kept
        QByteArray body;

        QByteArray header(QByteArrayView name) const; // the first one with this name
        QByteArrayList headerValues(QByteArrayView name) const;
    };

    explicit RawHttpServer(QObject *parent = nullptr);
    ~RawHttpServer() override;

    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    // http://127.0.0.1:<port><pathAndQuery>
    QUrl url(const QString &pathAndQuery) const;
    // The raw answer (status line, headers, body) for requests whose path is `path` (the query
    // is ignored); "%PORT%" in it is replaced by the port. Unknown paths get a 404.
    void answer(const QByteArray &path, QByteArray response);
    const QList<Request> &requests() const { return m_requests; }

private:
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QByteArray, QByteArray> m_answers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
};

} // namespace portico::test
