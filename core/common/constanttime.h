// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>

namespace portico::core {

// Compares a presented credential with the expected one in time that depends only on the
// lengths, so that a caller cannot learn a key byte by byte from response times.
[[nodiscard]] bool constantTimeEquals(QByteArrayView presented, QByteArrayView expected);

// A random credential: `bytes` random bytes from the system generator, base64url without padding.
[[nodiscard]] QByteArray randomToken(int bytes = 32);

} // namespace portico::core
