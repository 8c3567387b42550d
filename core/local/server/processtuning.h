// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace portico::local {

// Process-wide settings for a headless portico-local, applied first thing in main(), before
// QCoreApplication exists and before any thread starts:
// - Qt's own UNIX event dispatcher instead of the GLib one (QT_NO_GLIB, unless the user set
//   it): cheaper per socket event, and a headless server needs no GLib main-loop integration.
// - One glibc malloc arena: the gateway's workers allocate what the usage log frees, and with
//   an arena per thread the RSS crept up under sustained load although nothing leaked.
// bench_gateway measured both (throughput, and RSS over its soak). It calls this too, so that
// it measures the gateway as portico-local runs it.
void tuneProcessForServing();

} // namespace portico::local
