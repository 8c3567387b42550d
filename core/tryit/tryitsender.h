// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/replydeadline.h"
#include "core/common/requestsent.h"
#include "core/common/result.h"
#include "core/tryit/sendfailure.h"
#include "core/tryit/tryitrequest.h"
#include "core/tryit/tryitresponse.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QNetworkReply;

namespace portico::core {

class ContentDecoder;

// Sends one prepared request through the injected QNAM and records what the user sees: status,
// reason, headers, total time, time to first byte, sizes, and the server certificate. Bodies
// larger than streamThreshold (8 MiB) are written to a temporary file as they arrive, so a
// 200 MB body is never held in memory. A gzip or deflate Content-Encoding is decoded here (Qt
// does it only for an Accept-Encoding it chose itself; Try It always sets it, see wireheaders.h);
// bodySize is then the decoded size and encodedBodySize what came over the wire. A body that
// does not decode is still a response (partialResponse(), with the facts in `incomplete`): not
// valid from its first bytes, it is kept as sent; damaged or cut short later, what decoded is
// kept and the rest is not read. cancel()
// aborts. TLS errors fail the send with Kind::Tls and the certificate details in certificate(),
// unless the certificate's SHA-256 fingerprint is pinned for the host (a decision the user made
// and the caller stores); a certificate accepted that way says so (TlsCertificateInfo::pinned,
// with the errors it had). A send that ends without an HTTP response has its facts in
// failure() (host and port, the timeout, the TLS problems, ...), for the UI to put into words;
// result()'s Error is technical.
// finished() exactly once; the sender deletes itself afterwards; deleting it aborts the reply.
class TryItSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TryItSender)

public:
    struct Options
    {
        qint64 streamThreshold = qint64(8) * 1024 * 1024;
        qint64 maxBodyBytes = qint64(4) * 1024 * 1024 * 1024; // even files have an end
        int transferTimeoutMs = 60'000;
        int deadlineMs = 10 * 60'000;
        int maxRedirects = 5;
        QString tempDirectory; // default: QDir::tempPath()
        // host (lower-case) -> pinned SHA-256 fingerprints (lower-case hex)
        QHash<QString, QStringList> pinnedFingerprints;
    };

    TryItSender(QNetworkAccessManager *network, PreparedRequest request, Options options,
                QObject *parent = nullptr);
    ~TryItSender() override;

    // Starts sending (separate from the constructor so callers can connect first).
    void start();
    void cancel();

    [[nodiscard]] const Result<TryItResponse> &result() const { return *m_result; }
    // When the body broke off after the headers, or its Content-Encoding could not be decoded
    // (result() is an error with code "IncompleteBody", or "UndecodableBody" for a body kept as
    // sent): the status, headers and the bytes that did arrive, with the facts in `incomplete`,
    // for showing them marked as such. Empty otherwise.
    const std::optional<TryItResponse> &partialResponse() const { return m_partial; }
    // The certificate of a failed TLS handshake (also in result().value().certificate on success).
    const std::optional<TlsCertificateInfo> &certificate() const { return m_certificate; }
    // Why the send ended without an HTTP response (result() is then an error). Empty when a
    // response arrived, also one whose body broke off (see partialResponse()).
    const std::optional<SendFailure> &failure() const { return m_sendFailure; }

Q_SIGNALS:
    void headersReceived(int status);
    void progress(qint64 received, qint64 total);
    void finished();

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onSslErrors(const QList<QSslError> &errors);
    bool take(const QByteArray &chunk); // decodes a Content-Encoding, then writeOut()
    // The body does not decode (`cause` DecodingFailed, EndsInsideEncoding or ChecksumMismatch):
    // when it is no such data from its start, keeps the body as sent and reads the rest as it
    // is (NotDecodable, true); otherwise keeps what decoded, and the rest is not read (false).
    bool stopDecoding(IncompleteBody::Cause cause, const QString &detail);
    bool writeOut(const QByteArray &data);
    void finish(Result<TryItResponse> result);
    // The facts every failure shares (where, how long), with `kind`.
    SendFailure failureOf(SendFailure::Kind kind) const;
    void fail(SendFailure failure, Error error);
    void failFromReply(QNetworkReply *reply);

    QPointer<QNetworkAccessManager> m_network;
    PreparedRequest m_request;
    Options m_options;
    QNetworkReply *m_reply = nullptr;
    TryItResponse m_response;
    QElapsedTimer m_clock;
    ReplyDeadline m_deadline; // the whole send (deadlineMs)
    ReplyDeadline m_idle;     // no progress for transferTimeoutMs, restarted on progress
    std::optional<TlsCertificateInfo> m_certificate;
    bool m_cancelled = false;
    RequestSentFlag m_requestSent; // the request went out: a silence after this is "no answer"
    std::optional<Error> m_failure;
    std::optional<SendFailure> m_failureFacts; // of m_failure
    std::optional<SendFailure> m_sendFailure;
    std::unique_ptr<ContentDecoder> m_decoder;
    bool m_decoderChosen = false;
    // The body as sent, while nothing of it has decoded (at most encodedHeadLimit bytes): what
    // is shown when it turns out not to be what its Content-Encoding says.
    QByteArray m_encodedHead;
    bool m_keepEncodedHead = true;
    std::optional<IncompleteBody> m_undecoded;
    std::optional<TryItResponse> m_partial;
    std::optional<Result<TryItResponse>> m_result;
};

} // namespace portico::core
