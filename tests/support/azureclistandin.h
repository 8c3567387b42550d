// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace portico::test {

// A stand-in for the Azure CLI (a cloud tool, replaced like the replay servers): writes an
// executable `az` into `directory` that prints what `az account get-access-token --output json`
// prints (the recorded shape; token "cli-access-token" for tenant 31c75423-…, expiring in 2099)
// and appends its arguments, one run a line, to az-calls.log next to it (azureCliStandInCalls).
// Returns the script's path, or an empty string when it could not be written.
inline QString writeAzureCliStandIn(const QString &directory)
{
    const QString az = QDir(directory).filePath(QStringLiteral("az"));
    QFile script(az);
    if (!script.open(QIODevice::WriteOnly))
        return QString();
    script.write("#!/bin/sh\n"
                 "echo \"$*\" >> \"$(dirname \"$0\")/az-calls.log\"\n"
                 "cat <<'EOF'\n"
                 "{\"accessToken\": \"cli-access-token\", \"expiresOn\": \"2099-01-01 00:00:00.000000\",\n"
                 " \"expires_on\": 4070908800, \"subscription\": \"291bba3f-e0a5-47bc-a099-3bdcb2a50a05\",\n"
                 " \"tenant\": \"31c75423-32d6-4322-88b7-c478bdde4858\", \"tokenType\": \"Bearer\"}\n"
                 "EOF\n");
    script.close();
    return script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) ? az : QString();
}

// The arguments of each run of the stand-in in `directory` so far, oldest first.
inline QStringList azureCliStandInCalls(const QString &directory)
{
    QFile log(QDir(directory).filePath(QStringLiteral("az-calls.log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

// The audience each run of the stand-in was asked for (the value after --resource), oldest first;
// an empty string for a run without one.
inline QStringList azureCliStandInResources(const QString &directory)
{
    QStringList resources;
    for (const QString &call : azureCliStandInCalls(directory)) {
        const QStringList arguments = call.split(u' ', Qt::SkipEmptyParts);
        const qsizetype at = arguments.indexOf(QStringLiteral("--resource"));
        resources << arguments.value(at < 0 ? arguments.size() : at + 1);
    }
    return resources;
}

} // namespace portico::test
