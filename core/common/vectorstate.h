#pragma once

namespace tideline {

// Marks the upper halves of the AVX registers unused (vzeroupper) on a CPU that has them, when
// this code is compiled without AVX; a no-op otherwise.
//
// Why: Qt 6.4's seeded hash of strings (every QHash<QString, …> insert or lookup; QByteArray
// keys too) takes a 256-bit path on CPUs with VAES (for every length with AVX512VL as well) that
// leaves those halves in use. From then on, on this thread, our SSE2 code around glibc's AVX
// maths (log, log1p, exp) runs far slower: the Pareto fit of 2,000 excesses took 48 ms instead
// of 2 ms, and `detect` on a 100k-row table 0.50 s of CPU instead of 0.37 s (this VM's Xeon).
// So batch work calls this where it starts (a fit, a scoring pass, a calibration, a block of
// parallelForBlocks), after whatever Qt ran before it; a live row alone is too little maths
// for it to matter.
void clearUpperVectorState();

} // namespace tideline
