// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/tryit/incompletebody.h"

#include <QCoreApplication>
#include <QString>

namespace portico::ui {

// Puts the facts of a response body that broke off into words: one sentence, the same when the
// send is shown as it happens and when it is re-opened from the history (which keeps the facts,
// not the words), in the language the user runs Portico in at that moment.
class IncompleteBodyText final
{
    Q_DECLARE_TR_FUNCTIONS(portico::ui::IncompleteBodyText)

public:
    // "The response is incomplete: … What arrived is shown; the rest is missing.", or for a body
    // that could not be decompressed, what is shown of it instead.
    static QString describe(const core::IncompleteBody &incomplete);
    // The technical detail of a body that could not be decompressed (zlib's words), for a
    // secondary line; empty otherwise.
    static QString details(const core::IncompleteBody &incomplete);
    // Why the connection failed, in words where Portico knows the error, else Qt's text.
    static QString networkProblem(const core::IncompleteBody &incomplete);
};

} // namespace portico::ui
