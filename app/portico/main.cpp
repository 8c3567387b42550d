// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// portico: the desktop console.

#include "core/settings/settings.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Portico"_qs);
    QApplication::setApplicationName(u"Portico"_qs);
    QApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION_STRING));
    QApplication::setDesktopFileName(u"io.github.portico.Portico"_qs);

    portico::core::Settings settings;
    portico::ui::installTranslations(app, settings.value(portico::core::settingkeys::language));

    portico::ui::MainWindow window(settings);
    window.show();
    return app.exec();
}
