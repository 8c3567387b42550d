// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// portico: the desktop console. It starts and supervises portico-local (installed next to it)
// unless PORTICO_LOCAL_READY_FILE names the ready line of a portico-local that already runs.

#include "core/common/privatefiles.h"
#include "core/environments/localendpoints.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/settings/settings.h"
#include "ui/shell/consolesession.h"
#include "ui/shell/language.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Portico"_qs);
    QApplication::setApplicationName(u"Portico"_qs);
    QApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION_STRING));
    QApplication::setDesktopFileName(u"io.github.portico.Portico"_qs);

    portico::core::Settings settings;
    portico::ui::installTranslations(app, settings.value(portico::core::settingkeys::language));

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    // The history, batch jobs and portico-local's data: the user's alone.
    if (auto made = portico::core::makePrivateDirectory(dataDir); !made)
        qWarning("%s", qPrintable(made.error().message));
    portico::core::KeychainSecretStore secrets;
    portico::ui::MainWindow window(settings);
    portico::ui::ConsoleSession session(&window, &secrets, QDir(dataDir).filePath(u"tryit-history.sqlite"_qs));
    session.enableAzureEnvironments(&settings);
    window.show();

    const QString readyFile = qEnvironmentVariable("PORTICO_LOCAL_READY_FILE");
    QFile ready(readyFile);
    if (!readyFile.isEmpty() && ready.open(QIODevice::ReadOnly)) {
        const auto endpoints = portico::core::LocalEndpoints::fromReadyLine(ready.readLine().trimmed());
        if (endpoints) {
            session.attachLocal(endpoints.value());
        } else {
            window.showConnectionProblem(QCoreApplication::translate("main", "The portico-local ready line in %1 is not valid: %2")
                                             .arg(readyFile, endpoints.error().message));
        }
    } else {
        session.startLocal(QDir(QCoreApplication::applicationDirPath()).filePath(u"portico-local"_qs),
                           QDir(dataDir).filePath(u"local"_qs));
    }
    return app.exec();
}
