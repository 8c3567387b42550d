// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace portico::core {

// The reason phrase the IANA HTTP Status Code Registry gives a status code ("Not Found" for 404,
// RFC 9110 section 15 and its companions), as HTTP/1.1 servers send it: for showing a response
// that came without one (HTTP/2 and HTTP/3 carry none, RFC 9113 section 8.3.2). Empty for a code
// the registry does not name.
[[nodiscard]] QByteArray standardReasonPhrase(int status);

} // namespace portico::core
