// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Every fuzz target defines LLVMFuzzerTestOneInput. Built with clang and
// -DPORTICO_BUILD_FUZZERS=ON it links libFuzzer; otherwise fuzzmain.cpp supplies a main()
// that replays the seed inputs and a bounded number of deterministic random mutations, so
// that the ordinary test suite always exercises the targets.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Seeds, defined by each target: a null-terminated array of C strings.
extern const char *const kFuzzSeeds[];
