#include "vectorstate.h"

namespace tideline {

void clearUpperVectorState()
{
#if (defined(__x86_64__) || defined(__i386__)) && !defined(__AVX__)
    // __builtin_cpu_supports("avx") also asks whether the system saves the AVX registers.
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx)
        asm volatile("vzeroupper");
#endif
}

} // namespace tideline
