// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <functional>

namespace portico::test {

// Canned answers for unit tests of error paths: hanging replies, replies that break off
// partway, and malformed bodies. Integration tests use the real portico-local instead.
struct FakeResponse
{
    enum class Behaviour {
        Respond,        // status, headers and body, then finished
        Hang,           // never answers; only abort() (or a timeout in the client) ends it
        BreakOff,       // headers and part of the body, then RemoteHostClosedError
        BreakOffWith,   // headers and part of the body, then `error` (a stall, a dropped network)
        Fail,           // no answer at all, `error` (e.g. ConnectionRefusedError)
    };

    Behaviour behaviour = Behaviour::Respond;
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::ConnectionRefusedError;
    int delayMs = 0;
};

struct FakeRequest
{
    QNetworkAccessManager::Operation operation;
    QNetworkRequest request;
    QByteArray verb;
    QByteArray body;
};

class FakeNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);

    // Answers the next requests in order; once the queue is empty, the handler (if set) answers,
    // otherwise a 404 is returned.
    void enqueue(FakeResponse response) { m_queue.append(std::move(response)); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<FakeRequest> &requests() const { return m_requests; }

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QList<FakeResponse> m_queue;
    Handler m_handler;
    QList<FakeRequest> m_requests;
};

} // namespace portico::test
