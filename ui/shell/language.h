// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QCoreApplication;

namespace portico::ui {

// Installs Portico's and Qt's own translations for `language` ("nl", "en"; empty means the
// system locale). Returns true when a Portico translation was loaded. English is the source
// language and needs none.
bool installTranslations(QCoreApplication &app, const QString &language);

} // namespace portico::ui
