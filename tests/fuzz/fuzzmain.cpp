// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// Replay driver for fuzz targets when libFuzzer is not used: every seed, then mutations of
// the seeds (bit flips, byte insertions and deletions, splices, interesting characters) from a
// fixed random seed, for --runs N iterations (default 20000) or --seconds S, whichever ends
// first. A crash or sanitizer report fails the test.

#include "tests/fuzz/fuzzmain.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    long runs = 20000;
    double seconds = 20;
    unsigned seed = 20261126;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atol(argv[i + 1]);
        else if (std::strcmp(argv[i], "--seconds") == 0)
            seconds = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--seed") == 0)
            seed = unsigned(std::atol(argv[i + 1]));
    }
    std::vector<std::string> corpus;
    for (const char *const *s = kFuzzSeeds; *s; ++s)
        corpus.emplace_back(*s);
    for (const std::string &input : corpus)
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());

    static const char interesting[] = "{}/?&=*<>\"'@()[];,.\\%\r\n\t \0\xff";
    std::mt19937 rng(seed);
    const auto start = std::chrono::steady_clock::now();
    long done = 0;
    for (; done < runs; ++done) {
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds)
            break;
        std::string input = corpus[rng() % corpus.size()];
        const int mutations = 1 + int(rng() % 8);
        for (int m = 0; m < mutations; ++m) {
            const size_t pos = input.empty() ? 0 : rng() % (input.size() + 1);
            switch (rng() % 6) {
            case 0:
                if (!input.empty())
                    input[pos % input.size()] ^= char(1u << (rng() % 8));
                break;
            case 1:
                input.insert(pos, 1, interesting[rng() % (sizeof(interesting) - 1)]);
                break;
            case 2:
                if (!input.empty())
                    input.erase(pos % input.size(), 1 + rng() % 4);
                break;
            case 3: {
                const std::string &other = corpus[rng() % corpus.size()];
                if (!other.empty()) {
                    const size_t from = rng() % other.size();
                    input.insert(pos, other.substr(from, 1 + rng() % 16));
                }
                break;
            }
            case 4:
                input.insert(pos, std::string(1 + rng() % 64, interesting[rng() % (sizeof(interesting) - 1)]));
                break;
            default:
                if (!input.empty())
                    input[pos % input.size()] = char(rng() % 256);
                break;
            }
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
        if (rng() % 16 == 0)
            corpus.push_back(input); // keep some mutants to go deeper
        if (corpus.size() > 4096)
            corpus.erase(corpus.begin() + long(rng() % corpus.size()));
    }
    size_t seeds = 0;
    for (const char *const *s = kFuzzSeeds; *s; ++s)
        ++seeds;
    std::printf("fuzz replay: %zu seeds, %ld mutated inputs, no crash\n", seeds, done);
    return 0;
}
