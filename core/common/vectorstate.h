#pragma once

namespace tideline {

// Marks the upper halves of the AVX registers unused (vzeroupper) on a CPU that has them, when
// this code is compiled without AVX; a no-op otherwise.
//
// Why: Qt 6.4's string hash (qHash of a QString with a seed, so every QHash<QString, …> insert
// or lookup) takes a vector path on CPUs with VAES that leaves those halves in use. From then on,
// on this thread, every call from our SSE2 code into glibc's AVX maths (log, log1p, exp) pays
// for the switch both ways: the Pareto fit of 2,000 excesses took 48 ms instead of 2 ms, and
// `detect` on a 100k-row table 0.47 s instead of 0.37 s. So the numeric work calls this where it
// starts (a fit, a scoring pass, a block of parallelForBlocks), after whatever Qt ran before it.
void clearUpperVectorState();

} // namespace tideline
