// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

namespace portico::local {

// Turns SIGINT and SIGTERM (Ctrl+C and Ctrl+Break on Windows) into a queued signal on the
// event loop, so that shutdown runs normal destructors and SQLite closes cleanly.
class ShutdownSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShutdownSignals)

public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(int signalNumber);
};

} // namespace portico::local
