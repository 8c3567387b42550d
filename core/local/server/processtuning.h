// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace portico::local {

// Process-wide settings for a headless portico-local, applied first thing in main(), before
// QCoreApplication exists and before any thread starts:
// - Qt's own UNIX event dispatcher instead of the GLib one (QT_NO_GLIB, unless the user set
//   it): cheaper per socket event, and a headless server needs no GLib main-loop integration.
// - Two glibc malloc arenas (unless MALLOC_ARENA_MAX is set): with one, the gateway's two
//   workers wait on each other's allocations; with glibc's default of several per core, the
//   RSS crept up under sustained load although nothing leaked.
// - Blocks of up to 16 MiB from the heap, and up to 64 MiB of freed heap kept for reuse (unless
//   MALLOC_MMAP_THRESHOLD_ is set). The BES runner allocates and frees buffers of several MiB
//   many times a second (8 MiB input ranges, run outputs of about 6 MiB); glibc's own threshold
//   only rises to the size last freed, so a buffer of the same size was mapped afresh each time,
//   and each of its pages faulted in zeroed: 19,700 page faults a 1M-row job before, 4,400 after
//   (bench_besendtoend, 2026-11-27).
// bench_gateway measured both (throughput, and RSS over its soak). It calls this too, so that
// it measures the gateway as portico-local runs it.
void tuneProcessForServing();

} // namespace portico::local
