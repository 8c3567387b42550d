// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/server/httpservice.h"

#include <QJsonDocument>
#include <QSslServer>
#include <QTcpServer>

namespace portico::local {

using core::Error;
using core::Result;

namespace {

Result<quint16> listenWith(QAbstractHttpServer &http, QTcpServer *server,
                           const QHostAddress &address, quint16 port)
{
    if (!server->listen(address, port)) {
        Error error = Error::make(Error::Kind::Unavailable,
                                  u"cannot listen on %1:%2: %3"_qs.arg(address.toString())
                                      .arg(port)
                                      .arg(server->errorString()));
        delete server;
        return error;
    }
    http.bind(server);
    return server->serverPort();
}

} // namespace

HttpService::HttpService(QObject *parent) : QAbstractHttpServer(parent) { }

HttpService::~HttpService() = default;

Result<quint16> HttpService::listenOn(const QHostAddress &address, quint16 port)
{
    return listenWith(*this, new QTcpServer(this), address, port);
}

Result<quint16> HttpService::listenTlsOn(const QHostAddress &address, quint16 port,
                                         const QSslConfiguration &tls)
{
    auto *server = new QSslServer(this);
    server->setSslConfiguration(tls);
    return listenWith(*this, server, address, port);
}

void HttpService::writeJson(QHttpServerResponder &responder, int status, const QJsonDocument &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const QByteArray payload = body.toJson(QJsonDocument::Compact);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    responder.writeHeader("Content-Type", "application/json; charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(payload.size()));
    for (const auto &[name, value] : headers)
        responder.writeHeader(name, value);
    responder.writeBody(payload);
}

bool HttpService::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // QHttpServerResponder writes the status line, headers and body separately; without
    // TCP_NODELAY, Nagle's algorithm holds the tail back until the client's delayed ACK (~40 ms).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QHttpServerResponder responder = makeResponder(request, socket);
    handle(request, responder);
    return true;
}

void HttpService::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() answers every request.
}

} // namespace portico::local
