// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// portico-local: the headless offline stand-in. Prints one JSON ready line on stdout once
// every listener is up; exits 0 on SIGINT/SIGTERM. A bind address other than loopback is
// refused unless --allow-plain-http is given, and then warned about on stderr.

#include "core/local/server/localserver.h"
#include "core/local/server/processtuning.h"
#include "core/local/server/shutdownsignals.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

using namespace portico::local;

int main(int argc, char *argv[])
{
    tuneProcessForServing();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Portico"_qs);
    QCoreApplication::setApplicationName(u"portico-local"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION_STRING));

    const LocalOptions::Parsed parsed = LocalOptions::parse(QCoreApplication::arguments());
    if (parsed.helpRequested) {
        std::fputs(qPrintable(parsed.helpText), stdout);
        return 0;
    }
    if (parsed.versionRequested) {
        std::printf("portico-local %s\n", PORTICO_VERSION_STRING);
        return 0;
    }
    if (!parsed.options) {
        std::fprintf(stderr, "portico-local: %s\n\n%s", qPrintable(parsed.options.error().message),
                     qPrintable(parsed.helpText));
        return LocalServer::ExitUsage;
    }

    ShutdownSignals shutdownSignals;
    LocalServer server(*parsed.options);
    if (auto started = server.start(); !started) {
        std::fprintf(stderr, "portico-local: %s\n", qPrintable(started.error().message));
        return server.exitCode();
    }
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app, [] {
        QCoreApplication::exit(0);
    });

    if (const QString warning = server.plainHttpWarning(); !warning.isEmpty())
        std::fprintf(stderr, "portico-local: warning: %s\n", qPrintable(warning));

    const QByteArray ready = QJsonDocument(server.readyLine()).toJson(QJsonDocument::Compact);
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return app.exec();
}
