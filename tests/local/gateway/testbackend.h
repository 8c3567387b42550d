// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QThread>
#include <QUrl>

#include <atomic>

class QTcpServer;

namespace portico::test {

// A real HTTP/1.1 backend for gateway tests, in its own thread so that tests may block on
// their client sockets. Every request is answered with a JSON echo of what arrived
// ({method, path, query, headers, bodyBytes}) unless the path asks for something else:
//   …/slow?delay=MS      answers after MS milliseconds
//   …/drop               closes the connection without answering
//   …/download?bytes=N   answers N bytes, streamed with backpressure
//   …/chunked            answers a chunked body in three pieces
// Request bodies are counted, never kept, so that large uploads stay cheap.
class TestBackend final : public QObject
{
    Q_OBJECT

public:
    TestBackend();
    ~TestBackend() override;

    quint16 port() const { return m_port; }
    QUrl url(const QString &path = {}) const;
    int connectionsAccepted() const { return m_accepted.load(); }
    qint64 lastBodyBytes() const { return m_lastBodyBytes.load(); }
    int requests() const { return m_requests.load(); }

    // Called in the backend thread.
    void onRequestBodyDone(qint64 bytes) { m_lastBodyBytes = bytes; ++m_requests; }

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<int> m_accepted { 0 };
    std::atomic<int> m_requests { 0 };
    std::atomic<qint64> m_lastBodyBytes { 0 };
};

} // namespace portico::test
