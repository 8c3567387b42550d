// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace portico::local {

// portico-local's command line. The interface is fixed: tests, run.sh and the console's
// supervisor rely on it.
//   portico-local [--data-dir DIR] [--bind ADDR] [--management-port N] [--gateway-port N]
//                 [--gateway-https-port N] [--ml-port N]
// A port of 0 means an ephemeral port.
struct LocalOptions
{
    QString dataDir;
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    quint16 managementPort = 8470;
    quint16 gatewayPort = 8471;
    quint16 gatewayHttpsPort = 8472;
    quint16 mlPort = 8473;

    // Parses arguments (arguments[0] is the program). --help and --version are answered by
    // the caller; they come back as `helpRequested` / `versionRequested`.
    struct Parsed;
    static Parsed parse(const QStringList &arguments);
    static QString defaultDataDir();
};

struct LocalOptions::Parsed
{
    core::Result<LocalOptions> options = core::Error();
    bool helpRequested = false;
    bool versionRequested = false;
    QString helpText;
};

} // namespace portico::local
