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
//   portico-local [--data-dir DIR] [--bind ADDR [--allow-plain-http]] [--management-port N]
//                 [--gateway-port N] [--gateway-https-port N] [--ml-port N]
// A port of 0 means an ephemeral port. A bind address other than loopback (including the
// wildcards 0.0.0.0 and ::) is refused unless --allow-plain-http is given: every listener but
// the gateway's HTTPS one is plain HTTP and carries the management token or API keys.
struct LocalOptions
{
    QString dataDir;
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    quint16 managementPort = 8470;
    quint16 gatewayPort = 8471;
    quint16 gatewayHttpsPort = 8472;
    quint16 mlPort = 8473;
    // The user accepted serving plain HTTP on a network address (--allow-plain-http).
    bool allowPlainHttp = false;

    // The listeners are reachable from the network over plain HTTP (allowed by the flag).
    bool servesPlainHttpOnNetwork() const;

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
