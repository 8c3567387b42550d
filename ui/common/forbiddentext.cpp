// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/forbiddentext.h"

namespace portico::ui {

QString ForbiddenText::withAdvice(const QString &whatFailed)
{
    //: %1 is a whole sentence saying what the signed-in account was not allowed to do (ARM 403).
    return tr("%1 Ask for a role that allows it; if one was granted just now, sign in again.")
        .arg(whatFailed);
}

} // namespace portico::ui
