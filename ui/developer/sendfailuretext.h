// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/tryit/sendfailure.h"
#include "core/tryit/tryitresponse.h"

#include <QCoreApplication>
#include <QString>

namespace portico::ui {

// Puts the facts of a send that ended without a response into words: a headline that says what
// happened where ("No answer from 127.0.0.1:8472 within 30 seconds."), and a details line with
// the certificate and Qt's own text. The same words when the send is shown as it happens and
// when it is re-opened from the history (which keeps the facts), in the language the user runs
// Portico in at that moment.
class SendFailureText final
{
    Q_DECLARE_TR_FUNCTIONS(portico::ui::SendFailureText)

public:
    static QString headline(const core::SendFailure &failure);
    // The certificate (TLS) and the technical text; empty when there is nothing to add.
    static QString details(const core::SendFailure &failure);
    // One or two words for the history list's status column ("timed out", "cancelled").
    static QString shortStatus(const core::SendFailure &failure);
    // How a certificate that was accepted by a pinned fingerprint despite its problems was
    // trusted; empty for a certificate the system trusts.
    static QString trustDecision(const core::TlsCertificateInfo &certificate, const QString &host);
    // The problems of a certificate in words ("it is self-signed; it expired on …"), from
    // QSslError::SslError values.
    static QString certificateProblems(const QList<int> &errors, const QString &subject,
                                       const QDateTime &notBefore, const QDateTime &notAfter,
                                       const QString &host);
};

} // namespace portico::ui
