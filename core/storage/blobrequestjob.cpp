// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/blobrequestjob.h"

#include <QXmlStreamReader>

namespace portico::core {

namespace {

// <Error><Code>..</Code><Message>..</Message></Error>
QPair<QString, QString> storageErrorXml(const QByteArray &body)
{
    QString code, message;
    QXmlStreamReader xml(body);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"Code")
            code = xml.readElementText();
        else if (xml.name() == u"Message")
            message = xml.readElementText();
    }
    // Azure appends "\nRequestId:...\nTime:..." to the message.
    return { code, message.section(u'\n', 0, 0).trimmed() };
}

} // namespace

BlobRequestJob::BlobRequestJob(QNetworkReply *reply, Options options, QObject *parent)
    : BlobJob(parent)
    , m_reply(reply)
    , m_options(std::move(options))
{
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &BlobRequestJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &BlobRequestJob::onFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 done, qint64 total) {
        Q_EMIT progress(done, total);
    });
    m_deadline.start(reply, m_options.deadlineMs);
    if (m_options.maxBodyBytes <= 16 * 1024 * 1024)
        m_body.reserve(m_options.maxBodyBytes); // ranges: one allocation, no regrowth
}

BlobRequestJob::~BlobRequestJob()
{
    if (!isFinished())
        stop();
}

void BlobRequestJob::stop()
{
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray BlobRequestJob::responseHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

qint64 BlobRequestJob::blobSize() const
{
    const QByteArray range = responseHeader("Content-Range");
    const qsizetype slash = range.lastIndexOf('/');
    bool ok = false;
    if (slash >= 0) {
        const qint64 total = range.mid(slash + 1).toLongLong(&ok);
        if (ok)
            return total;
    }
    const qint64 length = responseHeader("Content-Length").toLongLong(&ok);
    return ok ? length : -1;
}

void BlobRequestJob::onReadyRead()
{
    if (!m_reply)
        return;
    const qint64 available = m_reply->bytesAvailable();
    // An error's XML may be longer than a short range asked for.
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 cap = status >= 200 && status < 300
        ? m_options.maxBodyBytes
        : qMax<qint64>(m_options.maxBodyBytes, 64 * 1024);
    if (available > 0 && m_body.size() + available <= cap) {
        // Straight into the body (reserved for ranges): one copy, not readAll()'s and +='s.
        const qsizetype old = m_body.size();
        m_body.resize(old + available);
        m_body.truncate(old + qMax<qint64>(m_reply->read(m_body.data() + old, available), 0));
    } else if (available > 0) {
        stop();
        finish(Error::make(Error::Kind::Protocol,
                           u"The storage service sent more than %1 bytes."_qs.arg(cap)));
    }
}

Error BlobRequestJob::errorFrom(QNetworkReply *reply, const QByteArray &body, bool deadlinePassed)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    // Connection-level failures (below the content/HTTP error range), also in mid-body.
    const bool connectionFailed = networkError != QNetworkReply::NoError
        && networkError < QNetworkReply::ContentAccessDenied;
    if (status == 0 || connectionFailed) {
        if (deadlinePassed || networkError == QNetworkReply::OperationCanceledError)
            return Error::make(Error::Kind::Timeout,
                               u"The storage service did not answer in time (%1)."_qs.arg(
                                   reply->url().host()));
        Error error = Error::make(reply->error() == QNetworkReply::SslHandshakeFailedError
                                      ? Error::Kind::Tls
                                      : Error::Kind::Network,
                                  u"Cannot reach the storage service at %1: %2"_qs.arg(
                                      reply->url().host(), reply->errorString()));
        return error;
    }
    auto [code, message] = storageErrorXml(body);
    const QByteArray headerCode = reply->rawHeader("x-ms-error-code");
    if (!headerCode.isEmpty())
        code = QString::fromLatin1(headerCode);
    if (message.isEmpty())
        message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const Error::Kind kind = status == 404 ? Error::Kind::NotFound
        : status == 401 || status == 403   ? Error::Kind::Unauthorized
        : status == 409 || status == 412   ? Error::Kind::Conflict
                                           : Error::Kind::Http;
    Error error = Error::make(kind, message.isEmpty() ? u"HTTP %1"_qs.arg(status) : message, code);
    error.httpStatus = status;
    error.technical = reply->operation() == QNetworkAccessManager::HeadOperation
        ? QString()
        : QString::fromUtf8(body.left(2048));
    return error;
}

void BlobRequestJob::onFinished()
{
    if (!m_reply || isFinished())
        return;
    m_deadline.stop();
    onReadyRead(); // what is left, within the cap
    if (isFinished())
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_headers = m_reply->rawHeaderPairs();
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_status >= 200 && m_status < 300 && reply->error() == QNetworkReply::NoError) {
        finish({});
        return;
    }
    Error error = errorFrom(reply, m_body, m_deadline.passed());
    m_errorCode = error.code;
    if (!m_errorCode.isEmpty() && m_options.toleratedErrorCodes.contains(m_errorCode)) {
        finish({});
        return;
    }
    finish(std::move(error));
}

} // namespace portico::core
