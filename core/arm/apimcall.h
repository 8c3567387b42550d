// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/apimjob.h"

#include <functional>
#include <optional>

namespace portico::core {

// An ApimJob with a typed result: a model type, a list of them, or nothing (Result<void>).
// The converters are pure functions over the reply; a reply that does not parse becomes a
// Protocol error naming the field, never a half-filled value.
template <typename T>
class ApimCall final : public ApimJob
{
public:
    using FromResponse = std::function<Result<T>(const ArmResponse &)>;
    using FromItems = std::function<Result<T>(const QList<QJsonObject> &)>;

    ApimCall(ArmJob *job, FromResponse convert, QObject *parent)
        : ApimJob(parent)
        , m_fromResponse(std::move(convert))
    {
        follow(job);
    }
    ApimCall(ArmListJob *job, FromItems convert, QObject *parent)
        : ApimJob(parent)
        , m_fromItems(std::move(convert))
    {
        follow(job);
    }
    // A call refused before anything was sent; finishes with `error` from the event loop.
    ApimCall(Error error, QObject *parent)
        : ApimJob(parent)
    {
        failLater(std::move(error));
    }

    // Valid once finished() was emitted.
    [[nodiscard]] const Result<T> &result() const { return *m_result; }

private:
    void settleResponse(const ArmResponse &response) override
    {
        m_result = m_fromResponse
            ? m_fromResponse(response)
            : Result<T>(Error::make(Error::Kind::Protocol, u"Unexpected single reply."_qs));
    }
    void settleItems(const QList<QJsonObject> &items) override
    {
        m_result = m_fromItems
            ? m_fromItems(items)
            : Result<T>(Error::make(Error::Kind::Protocol, u"Unexpected collection reply."_qs));
    }
    void settleError(const Error &error) override { m_result.emplace(error); }

    FromResponse m_fromResponse;
    FromItems m_fromItems;
    std::optional<Result<T>> m_result;
};

} // namespace portico::core
