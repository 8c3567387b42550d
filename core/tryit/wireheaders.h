// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// The header fields of a Try It request as they go on the wire. TryItSender sends exactly
// these; the request preview shows them, so the preview is what Send sends. Pure functions.

#include "core/tryit/secretredaction.h"
#include "core/tryit/tryitrequest.h"

namespace portico::core {

// A field named more than once (case-insensitive) goes out once, in the place and spelling of
// its first occurrence, its values joined by ", " (RFC 9110 section 5.3); Cookie pairs are
// joined by "; " (RFC 6265 section 5.4). Set-Cookie, the field that cannot be joined, is a
// response field. Rows without a name are dropped.
[[nodiscard]] HeaderList joinRepeatedHeaders(const HeaderList &headers);

// The request's headers, joined as above, then what Try It adds where the user set none:
// User-Agent "Portico/<version>", Accept-Encoding "gzip, deflate" (what TryItSender decodes)
// and Accept-Language (the system locale, as Qt would add it); for a POST, PUT or PATCH without
// a body, Content-Length "0" (a GET, DELETE, OPTIONS or HEAD without one carries none, RFC 9110
// section 8.6). Set explicitly, so Qt adds none of its own; what it still adds on the wire is
// Host, Connection and the Content-Length of a body.
[[nodiscard]] HeaderList wireHeaders(const PreparedRequest &request);

} // namespace portico::core
