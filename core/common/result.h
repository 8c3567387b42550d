// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace portico::core {

// One problem found by a server or by our own validation. Mirrors the ARM ErrorDetail shape
// ({code, message, target}) so that server-side validation errors can be shown next to the
// field they name.
struct ErrorDetail
{
    QString code;
    QString message;
    QString target;

    friend bool operator==(const ErrorDetail &, const ErrorDetail &) = default;
};

// Why something failed. `core` never turns this into UI text; `ui` does, with tr().
// The technical detail is for logs and "details" disclosure only and never holds secrets.
struct Error
{
    enum class Kind {
        None,
        InvalidInput,     // our own validation refused the input before anything was sent
        Network,          // connection refused, DNS, reset
        Tls,              // certificate problems; see technical for the certificate details
        Timeout,          // transfer timeout or overall deadline passed
        Cancelled,        // the user or the owner cancelled
        Http,             // the server answered with an error status; see httpStatus and code
        Conflict,         // 409, or 412 on If-Match
        NotFound,         // 404 / ResourceNotFound
        Unauthorized,     // 401: the sign-in (no, an expired or a refused token)
        Protocol,         // malformed reply, unexpected shape
        Storage,          // local persistence (SQLite, files)
        Unavailable,      // a local service (keychain, child process) is not there
        Refused,          // our own policy does not allow it (secrets in settings, another origin)
        Forbidden,        // 403: signed in, but the account may not do this to this resource
                          // (ARM AuthorizationFailed: a missing role assignment)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;
    QString message;
    QString target;
    QList<ErrorDetail> details;
    QString technical;

    [[nodiscard]] static Error make(Kind kind, QString message, QString code = {});
    [[nodiscard]] QString toString() const;
    // The service failed or could not be reached (a network error, a timeout, a 5xx): the same
    // idempotent request may well succeed a little later.
    [[nodiscard]] bool isTransient() const
    {
        return kind == Kind::Network || kind == Kind::Timeout
            || (kind == Kind::Http && httpStatus >= 500);
    }

    friend bool operator==(const Error &, const Error &) = default;
};

// A value or an Error. Small on purpose: fallible core functions return it, UI code
// inspects it. Result<void> carries only success or an Error.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) { }
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace portico::core

Q_DECLARE_METATYPE(portico::core::Error)
