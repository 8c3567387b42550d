// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QString>

namespace portico::ui {

// The words for a 403 from ARM (core::Error::Kind::Forbidden: signed in, but the account's role
// does not allow the action). Every view says first what failed, in its own complete sentence
// ("The API “echo-api” was not saved: the signed-in account does not have permission to change
// it (<ARM's message>)."), and then the one advice that fits every 403, worded once here: which
// is missing (a role) and what helps (ask for one; sign in again if it was granted just now,
// as ARM's own message says).
class ForbiddenText final
{
    Q_DECLARE_TR_FUNCTIONS(portico::ui::ForbiddenText)

public:
    // `whatFailed` (translated, ending with its full stop) followed by the advice. Where a view
    // already says what failed ("Could not check the name: %1"), `whatFailed` is the reason only.
    static QString withAdvice(const QString &whatFailed);
};

} // namespace portico::ui
