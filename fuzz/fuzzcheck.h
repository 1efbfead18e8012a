#pragma once

#include <cstdio>
#include <cstdlib>

// An invariant of a fuzz target. A failure aborts: libFuzzer then saves the
// input as a crash, and the corpus replay test (a plain build, where
// assert() may be compiled out) fails. Never compiled out, unlike assert().
#define MM_FUZZ_CHECK(condition)                                                           \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, \
                         #condition);                                                      \
            std::abort();                                                                  \
        }                                                                                  \
    } while (false)
