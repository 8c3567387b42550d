// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/server/localoptions.h"

#include <QCommandLineParser>
#include <QStandardPaths>

namespace portico::local {

using core::Error;

namespace {

bool parsePort(const QString &text, quint16 *port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    *port = static_cast<quint16>(value);
    return true;
}

} // namespace

bool LocalOptions::servesPlainHttpOnNetwork() const
{
    return !bind.isLoopback();
}

QString LocalOptions::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/portico/local"_qs;
}

LocalOptions::Parsed LocalOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Offline stand-in for Azure API Management: an ARM-compatible management plane, "
        "a gateway and a sample Azure Machine Learning scoring service."_qs);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dataDir(u"data-dir"_qs, u"Where state is kept."_qs, u"DIR"_qs,
                                     defaultDataDir());
    const QCommandLineOption bind(
        u"bind"_qs,
        u"Address to listen on (default 127.0.0.1). An address other than loopback needs "
        "--allow-plain-http."_qs,
        u"ADDR"_qs, u"127.0.0.1"_qs);
    const QCommandLineOption allowPlainHttp(
        u"allow-plain-http"_qs,
        u"Allow --bind to an address other than loopback. The management plane (its bearer "
        "token), the gateway's HTTP port (subscription keys) and the ML service (its key) are "
        "plain HTTP: anyone on the network path can read them. Only the gateway HTTPS port is "
        "encrypted."_qs);
    const QCommandLineOption management(u"management-port"_qs,
                                        u"ARM management plane port (0 = ephemeral)."_qs,
                                        u"N"_qs, u"8470"_qs);
    const QCommandLineOption gateway(u"gateway-port"_qs, u"Gateway HTTP port (0 = ephemeral)."_qs,
                                     u"N"_qs, u"8471"_qs);
    const QCommandLineOption gatewayHttps(u"gateway-https-port"_qs,
                                          u"Gateway HTTPS port (0 = ephemeral)."_qs, u"N"_qs,
                                          u"8472"_qs);
    const QCommandLineOption ml(u"ml-port"_qs, u"Sample ML service port (0 = ephemeral)."_qs,
                                u"N"_qs, u"8473"_qs);
    parser.addOptions({ dataDir, bind, allowPlainHttp, management, gateway, gatewayHttps, ml });

    Parsed parsed;
    parsed.helpText = parser.helpText();
    if (!parser.parse(arguments)) {
        parsed.options = Error::make(Error::Kind::InvalidInput, parser.errorText());
        return parsed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        parsed.options = Error::make(Error::Kind::InvalidInput,
                                     u"Unexpected argument '%1'."_qs.arg(
                                         parser.positionalArguments().constFirst()));
        return parsed;
    }
    parsed.helpRequested = parser.isSet(helpOption);
    parsed.versionRequested = parser.isSet(versionOption);

    LocalOptions options;
    options.dataDir = parser.value(dataDir);
    if (options.dataDir.isEmpty()) {
        parsed.options = Error::make(Error::Kind::InvalidInput, u"--data-dir must not be empty."_qs);
        return parsed;
    }
    if (!options.bind.setAddress(parser.value(bind))) {
        parsed.options = Error::make(Error::Kind::InvalidInput,
                                     u"--bind: '%1' is not an IP address."_qs.arg(parser.value(bind)));
        return parsed;
    }
    options.allowPlainHttp = parser.isSet(allowPlainHttp);
    if (options.servesPlainHttpOnNetwork() && !options.allowPlainHttp) {
        parsed.options = Error::make(
            Error::Kind::InvalidInput,
            u"--bind %1 is not a loopback address. The management plane, the gateway's HTTP port "
            "and the ML service speak plain HTTP, so the management token, subscription keys and "
            "the ML key would cross the network unencrypted. Keep the default 127.0.0.1 (and reach "
            "it through an SSH tunnel or a TLS-terminating proxy), or pass --allow-plain-http to "
            "accept that."_qs.arg(options.bind.toString()));
        return parsed;
    }
    const std::pair<const QCommandLineOption *, quint16 *> ports[] = {
        { &management, &options.managementPort },
        { &gateway, &options.gatewayPort },
        { &gatewayHttps, &options.gatewayHttpsPort },
        { &ml, &options.mlPort },
    };
    for (const auto &[option, port] : ports) {
        if (!parsePort(parser.value(*option), port)) {
            parsed.options = Error::make(Error::Kind::InvalidInput,
                                         u"--%1: '%2' is not a port number (0-65535)."_qs.arg(
                                             option->names().constFirst(), parser.value(*option)));
            return parsed;
        }
    }
    parsed.options = options;
    return parsed;
}

} // namespace portico::local
