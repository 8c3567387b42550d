// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/arm/armrequest.h"

#include <QUrl>

namespace portico::core {

// Whether a long-running call with this HTTP method leaves a resource that says how it went
// (properties.provisioningState): a PUT or a PATCH.
inline bool followsResource(const QByteArray &method)
{
    return method == "PUT" || method == "PATCH";
}

// Where a long-running call was being followed when its job stopped watching
// (ArmJob::watch()), so that ArmClient::watchAgain() can follow the same operation on: the
// request the server accepted, and the status URL that was polled and how.
struct ArmWatch
{
    enum class Via {
        AsyncOperation, // GET statusUrl until its status is terminal
        Location,       // GET statusUrl while it answers 202
        Resource,       // GET the resource until its provisioningState is terminal
    };

    ArmRequest request;
    Via via = Via::Resource;
    QUrl statusUrl;   // empty for Resource: the request's own URL
    QUrl locationUrl; // the Location header of the accepted request, if any

    // Whether there is anything to watch: a status URL, or a PUT/PATCH whose resource says
    // how it went.
    bool isValid() const
    {
        if (request.method.isEmpty())
            return false;
        return via != Via::Resource || followsResource(request.method);
    }
};

} // namespace portico::core
