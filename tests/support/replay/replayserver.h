// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>

namespace portico::test {

// A loopback HTTP/1.1 server that replays recorded Azure exchanges, for the flows only the
// cloud has (Entra ID device code and refresh, ARM long-running operations, throttling, paging,
// error envelopes). Recordings live in tests/support/replay/recordings/*.json; their shapes are
// the ones apim-protocol.md quotes (each file names its source). Format:
//   { "source": "…", "exchanges": [ { "request": { "method": "PUT", "path": "/…",
//       "bodyContains": "grant_type=refresh_token" (optional),
//       "queryContains": "api-version=2022-12-01" (optional, matched against the raw query) },
//     "response": { "status": 201, "headers": { "Location": "{{base}}/…" }, "body": {…} | "…",
//                   "delayMs": 0 (optional) }, "repeat": 1 (optional) } ] }
// "{{base}}" in headers and bodies becomes this server's URL. Exchanges are consumed in order
// among those matching method and path; a request that matches nothing gets a 599 and is
// listed in unmatched(), which tests assert to be empty.
class ReplayServer final : public QObject
{
    Q_OBJECT

public:
    struct Received
    {
        QByteArray method;
        QString path;
        QString query;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(QByteArrayView name) const;
        // A field of an application/x-www-form-urlencoded body (Entra ID's token requests:
        // "scope", "grant_type", ...), decoded; empty when absent.
        QString formField(const QString &name) const;
    };

    explicit ReplayServer(QObject *parent = nullptr);
    ~ReplayServer() override;

    [[nodiscard]] bool start();
    QUrl url() const;

    // Loads a recording by file name (from the recordings directory); false on a broken file.
    [[nodiscard]] bool load(const QString &recordingName, QString *error = nullptr);
    // Adds one exchange directly (tests for hostile input that no recording holds).
    void add(const QJsonObject &exchange);

    const QList<Received> &received() const { return m_received; }
    const QStringList &unmatched() const { return m_unmatched; }
    int remaining() const;

    static QString recordingsDirectory();

private:
    void onConnection();
    void handle(QTcpSocket *socket, const Received &request);

    struct Exchange
    {
        QJsonObject request;
        QJsonObject response;
        int remaining = 1;
    };

    QTcpServer m_server;
    QList<Exchange> m_exchanges;
    QList<Received> m_received;
    QStringList m_unmatched;
};

} // namespace portico::test
