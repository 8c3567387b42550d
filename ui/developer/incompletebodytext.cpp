// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/incompletebodytext.h"

#include <QLocale>
#include <QNetworkReply>

namespace portico::ui {

QString IncompleteBodyText::describe(const core::IncompleteBody &incomplete)
{
    const QString received = QLocale().formattedDataSize(incomplete.bytesReceived);
    const QString encoding = QString::fromLatin1(incomplete.encoding);
    switch (incomplete.cause) {
    case core::IncompleteBody::Cause::NotDecodable:
        return tr("The body could not be decompressed: the server labelled it “%1” "
                  "(Content-Encoding), but it is not valid %1 data. It is shown as it was sent.")
            .arg(encoding);
    case core::IncompleteBody::Cause::DecodingFailed:
        return tr("The response is incomplete: its “%1” data is damaged after %2 of the body, so "
                  "the rest could not be decompressed. What could be decompressed is shown; the "
                  "rest is missing.")
            .arg(encoding, received);
    case core::IncompleteBody::Cause::EndsInsideEncoding:
        return tr("The response is incomplete: its “%1” data ends early, after %2 of the body. "
                  "What could be decompressed is shown; the rest is missing.")
            .arg(encoding, received);
    case core::IncompleteBody::Cause::ChecksumMismatch:
        return tr("The body decompressed whole, but its “%1” checksum does not match: it may be "
                  "damaged.")
            .arg(encoding);
    case core::IncompleteBody::Cause::UnsupportedEncoding:
        return tr("Portico does not decompress “%1” (Content-Encoding). The body is shown as it "
                  "was sent.")
            .arg(encoding);
    case core::IncompleteBody::Cause::Stalled:
    case core::IncompleteBody::Cause::BrokeOff:
        break;
    }
    if (incomplete.cause == core::IncompleteBody::Cause::Stalled) {
        if (incomplete.idleSeconds > 0)
            return tr(
                "The response is incomplete: no more data arrived for %n second(s) after %1 of the "
                "body. What arrived is shown; the rest is missing.",
                nullptr, incomplete.idleSeconds)
                .arg(received);
        return tr("The response is incomplete: no more data arrived after %1 of the body. "
                  "What arrived is shown; the rest is missing.")
            .arg(received);
    }
    return tr("The response is incomplete: the connection broke off after %1 of the body (%2). "
              "What arrived is shown; the rest is missing.")
        .arg(received, networkProblem(incomplete));
}

QString IncompleteBodyText::details(const core::IncompleteBody &incomplete)
{
    if (!incomplete.isDecodingProblem() || incomplete.networkError.isEmpty())
        return {};
    return tr("Decompression error: %1").arg(incomplete.networkError);
}

QString IncompleteBodyText::networkProblem(const core::IncompleteBody &incomplete)
{
    switch (QNetworkReply::NetworkError(incomplete.networkErrorCode)) {
    case QNetworkReply::RemoteHostClosedError:
        return tr("the server closed the connection");
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return tr("the network connection was lost");
    case QNetworkReply::ProtocolFailure:
        return tr("the server's reply could not be read");
    case QNetworkReply::ProxyConnectionClosedError:
        return tr("the proxy closed the connection");
    default:
        break;
    }
    return incomplete.networkError.isEmpty()
        ? tr("network error %1").arg(incomplete.networkErrorCode)
        : incomplete.networkError;
}

} // namespace portico::ui
