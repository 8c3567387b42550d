// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/gateway/policycheck.h"

#include "core/local/gateway/policydocument.h"

namespace portico::local {

QString gatewayPolicyProblem(const QString &xml)
{
    const auto parsed = PolicyDocument::parse(xml, PolicyDocument::NamedValues::Pending);
    return parsed ? QString() : parsed.error().message;
}

} // namespace portico::local
