// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QSslConfiguration>

namespace portico::local {

// One HTTP listener of portico-local. Subclasses answer every request in handle(); there is
// no "missing" route: an unknown path is the subclass's protocol-specific 404.
class HttpService : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpService)

public:
    explicit HttpService(QObject *parent = nullptr);
    ~HttpService() override;

    // Listens on address:port (0 = ephemeral) and returns the bound port, or an error that
    // says which address and port could not be used and why.
    [[nodiscard]] core::Result<quint16> listenOn(const QHostAddress &address, quint16 port);
    // Same, with TLS.
    [[nodiscard]] core::Result<quint16> listenTlsOn(const QHostAddress &address, quint16 port,
                                                    const QSslConfiguration &tls);

    // A JSON reply with the given status and extra headers; Content-Type is application/json.
    static void writeJson(QHttpServerResponder &responder, int status, const QJsonDocument &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers = {});

protected:
    virtual void handle(const QHttpServerRequest &request, QHttpServerResponder &responder) = 0;

private:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) final;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) final;
};

} // namespace portico::local
