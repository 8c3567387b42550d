// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QUrl>

namespace portico::core {

// A redirect Try It did not follow. The 3xx answer is then the response, complete; these are
// the facts of why it stopped there, which the UI puts into words ("Redirect not followed: …").
struct UnfollowedRedirect
{
    enum class Reason {
        TooMany = 1, // more than `maxRedirects` in a row (a loop, most likely)
        OtherOrigin = 2, // to another host, port or scheme: the request's credentials stay home
        UnsupportedLocation = 3, // the Location is not an http(s) URL
    };

    Reason reason = Reason::TooMany;
    QUrl location; // resolved against the URL that answered; may be empty when unreadable
    int maxRedirects = 0;

    friend bool operator==(const UnfollowedRedirect &, const UnfollowedRedirect &) = default;
};

} // namespace portico::core
