// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace portico::core {

// Which ARM wire shape a model type's toJson() produces.
// - Response: what the service returns on GET/PUT: the envelope id/type/name (when the id is
//   known) plus every set field, including the read-only ones. portico-local answers with it.
// - Request: the body of a PUT the console sends: no id/type/name, no read-only fields; fields
//   that exist only for creation (passwords, subscription keys) are included when set.
// Secrets that the real service never returns on GET (subscription keys, secret named values'
// values, user passwords) are never part of the Response shape.
enum class JsonShape { Response, Request };

} // namespace portico::core
