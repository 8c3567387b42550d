// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/fakenetworkaccessmanager.h"

#include <QTimer>

namespace portico::test {

namespace {

class FakeReply final : public QNetworkReply
{
public:
    FakeReply(const FakeRequest &request, FakeResponse response, QObject *parent)
        : QNetworkReply(parent)
        , m_response(std::move(response))
    {
        setRequest(request.request);
        setUrl(request.request.url());
        setOperation(request.operation);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (m_response.behaviour != FakeResponse::Behaviour::Hang)
            QTimer::singleShot(m_response.delayMs, this, &FakeReply::deliver);
    }

    void abort() override
    {
        if (isFinished())
            return;
        setError(OperationCanceledError, u"Operation canceled"_qs);
        Q_EMIT errorOccurred(OperationCanceledError);
        finish();
    }

    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_offset + QIODevice::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_data.size() - m_offset));
        memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    void deliver()
    {
        if (isFinished())
            return;
        if (m_response.behaviour == FakeResponse::Behaviour::Fail) {
            setError(m_response.error, u"Fake network error"_qs);
            Q_EMIT errorOccurred(m_response.error);
            finish();
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
        for (const auto &[name, value] : m_response.headers)
            setRawHeader(name, value);
        const bool breaksOff = m_response.behaviour == FakeResponse::Behaviour::BreakOff
            || m_response.behaviour == FakeResponse::Behaviour::BreakOffWith;
        m_data = breaksOff
            ? m_response.body.left(m_response.body.size() / 2)
            : m_response.body;
        if (!hasRawHeader("Content-Length"))
            setHeader(QNetworkRequest::ContentLengthHeader, m_response.body.size());
        Q_EMIT metaDataChanged();
        if (!m_data.isEmpty()) {
            Q_EMIT readyRead();
            Q_EMIT downloadProgress(m_data.size(), m_response.body.size());
        }
        if (m_response.behaviour == FakeResponse::Behaviour::BreakOff) {
            setError(RemoteHostClosedError, u"Connection closed"_qs);
            Q_EMIT errorOccurred(RemoteHostClosedError);
        } else if (m_response.behaviour == FakeResponse::Behaviour::BreakOffWith) {
            setError(m_response.error, u"Fake network error"_qs);
            Q_EMIT errorOccurred(m_response.error);
        } else if (m_response.status >= 400) {
            const NetworkError httpError = m_response.status == 404 ? ContentNotFoundError
                : m_response.status == 401                           ? AuthenticationRequiredError
                : m_response.status >= 500                           ? InternalServerError
                                                                     : UnknownContentError;
            setError(httpError, u"HTTP %1"_qs.arg(m_response.status));
            Q_EMIT errorOccurred(httpError);
        }
        finish();
    }

    void finish()
    {
        setFinished(true);
        Q_EMIT finished();
    }

    FakeResponse m_response;
    QByteArray m_data;
    qint64 m_offset = 0;
};

} // namespace

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent) : QNetworkAccessManager(parent) { }

QNetworkReply *FakeNetworkAccessManager::createRequest(Operation operation,
                                                       const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    FakeRequest recorded { operation, request,
                           request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray(),
                           outgoingData ? outgoingData->readAll() : QByteArray() };
    m_requests.append(recorded);
    FakeResponse response;
    if (!m_queue.isEmpty())
        response = m_queue.takeFirst();
    else if (m_handler)
        response = m_handler(recorded);
    else
        response.status = 404;
    return new FakeReply(recorded, std::move(response), this);
}

} // namespace portico::test
