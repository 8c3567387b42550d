// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/statictokenprovider.h"

namespace portico::core {

StaticTokenProvider::StaticTokenProvider(QString token, QObject *parent)
    : AccessTokenProvider(parent)
    , m_token(std::move(token))
{
}

TokenJob *StaticTokenProvider::token(bool forceRefresh)
{
    auto *job = new TokenJob(this);
    if (forceRefresh || m_token.isEmpty()) {
        Error error = Error::make(Error::Kind::Unauthorized,
                                  u"The management token was refused; it cannot be refreshed."_qs,
                                  u"AuthenticationFailed"_qs);
        Q_EMIT signInRequired(error);
        job->complete(error);
    } else {
        job->complete(AccessToken { m_token, {} });
    }
    return job;
}

} // namespace portico::core
