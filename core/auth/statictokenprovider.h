// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/accesstokenprovider.h"

namespace portico::core {

// A token that does not expire: portico-local's management token. A 401 cannot be fixed by
// refreshing, so forceRefresh fails with Unauthorized and signInRequired() is emitted.
class StaticTokenProvider final : public AccessTokenProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaticTokenProvider)

public:
    explicit StaticTokenProvider(QString token, QObject *parent = nullptr);

    void setToken(QString token) { m_token = std::move(token); }
    [[nodiscard]] TokenJob *token(bool forceRefresh = false) override;

private:
    QString m_token;
};

} // namespace portico::core
