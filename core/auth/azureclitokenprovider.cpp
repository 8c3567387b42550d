// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/azureclitokenprovider.h"

#include "core/auth/entraconfig.h"
#include "core/auth/oauthparsing.h"

#include <QRegularExpression>

namespace portico::core {

namespace {

// stderr of az, safe to show: bounded, and anything that looks like a JWT removed.
QString scrubbed(const QByteArray &stderrBytes)
{
    QString text = QString::fromUtf8(stderrBytes.left(2000)).trimmed();
    static const QRegularExpression jwt(u"eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-.]+"_qs);
    text.replace(jwt, u"<token>"_qs);
    return text;
}

} // namespace

AzureCliTokenProvider::AzureCliTokenProvider(QObject *parent)
    : AccessTokenProvider(parent)
    , m_resource(EntraConfig::armResource(QUrl(u"https://management.azure.com"_qs)))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        m_process->disconnect(this);
        m_process->kill();
        m_process.reset();
        completeAll(Error::make(Error::Kind::Timeout, u"The Azure CLI did not answer in time."_qs));
    });
}

AzureCliTokenProvider::~AzureCliTokenProvider()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
    }
}

void AzureCliTokenProvider::setManagementUrl(const QUrl &managementUrl)
{
    const QString resource = EntraConfig::armResource(managementUrl);
    if (resource != m_resource)
        m_cached = {}; // a token for another audience
    m_resource = resource;
}

TokenJob *AzureCliTokenProvider::token(bool forceRefresh)
{
    auto *job = new TokenJob(this);
    if (!forceRefresh && !m_cached.isExpiring(QDateTime::currentDateTimeUtc())) {
        job->complete(m_cached);
        return job;
    }
    m_waiting.append(job);
    if (!m_process)
        run();
    return job;
}

void AzureCliTokenProvider::run()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_program);
    QStringList arguments { u"account"_qs, u"get-access-token"_qs, u"--resource"_qs,
                            m_resource, u"--output"_qs, u"json"_qs };
    if (!m_tenant.isEmpty())
        arguments << u"--tenant"_qs << m_tenant;
    m_process->setArguments(arguments);
    connect(m_process.get(), &QProcess::finished, this, &AzureCliTokenProvider::onFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_process)
            return;
        m_timeout.stop();
        m_process.release()->deleteLater();
        completeAll(Error::make(Error::Kind::Unavailable,
                                u"The Azure CLI (%1) is not installed or cannot be run."_qs.arg(m_program)));
    });
    m_timeout.start(m_timeoutMs);
    m_process->start();
}

void AzureCliTokenProvider::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_timeout.stop();
    QProcess *process = m_process.release();
    process->deleteLater();
    const QByteArray out = process->readAllStandardOutput();
    const QByteArray err = process->readAllStandardError();
    if (status != QProcess::NormalExit || exitCode != 0) {
        Error error = Error::make(Error::Kind::Unauthorized, u"The Azure CLI has no usable login."_qs);
        error.technical = scrubbed(err);
        if (err.contains("az login") || err.contains("AADSTS"))
            Q_EMIT signInRequired(error);
        else
            error.kind = Error::Kind::Unavailable;
        completeAll(error);
        return;
    }
    auto token = parseAzureCliToken(out);
    if (token)
        m_cached = *token;
    completeAll(token);
}

void AzureCliTokenProvider::completeAll(const Result<AccessToken> &result)
{
    const QList<QPointer<TokenJob>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<TokenJob> &job : waiting) {
        if (job)
            job->complete(result);
    }
}

} // namespace portico::core
