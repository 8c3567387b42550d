// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/tryit/tryitrequest.h"

#include <QString>

namespace portico::core {

// Code that performs the same request as Try It, built from the same PreparedRequest.
// Secrets (the subscription key, Authorization and other secret-looking headers or query
// items) appear as environment-variable placeholders unless includeSecrets is set, so a copied
// snippet is runnable without ever containing the key. Secret values that also appear in the
// body are masked there (scrubSecrets), unless includeSecrets is set. A storage credential in the
// body (a connection string's AccountKey=, a SAS's sig=, see storageSecretSpans()) becomes a
// variable too: STORAGE_ACCOUNT_KEY, SAS_SIGNATURE, SHAREDACCESSKEY, SHAREDACCESSSIGNATURE, with _2,
// _3, ... for each further distinct value (one per account). The variable for a header is its name
// upper-cased with every other character as '_' (Ocp-Apim-Subscription-Key ->
// OCP_APIM_SUBSCRIPTION_KEY); see environmentVariableFor(). The Python, C# and JavaScript
// snippets print the status code on the first line and the body after it; curl prints the body
// and then the status code on a line of its own.
class SnippetGenerator final
{
public:
    enum class Language { Curl, PythonRequests, CSharpHttpClient, JavaScriptFetch, HttpFile };

    struct Options
    {
        bool includeSecrets = false;
    };

    // `request` is the composer's model (for the secret parameter names); the snippet is
    // generated from request.prepare().
    [[nodiscard]] static Result<QString> generate(Language language, const TryItRequest &request,
                                                  Options options = { false });
    static QString environmentVariableFor(const QString &name);
    static QString displayName(Language language);
};

} // namespace portico::core
