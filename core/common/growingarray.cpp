#include "growingarray.h"

#include <sys/mman.h>

namespace tideline::growingarray {

void *reserve(std::size_t &bytes, std::size_t wanted)
{
    const std::size_t least = std::max<std::size_t>(bytes, 1);
    // Systems that limit address space (ulimit -v, strict overcommit, valgrind) may refuse a
    // large reservation: ask for less, down to what is needed now.
    for (std::size_t size = std::max(least, wanted);; size = std::max(least, size / 2)) {
        // MAP_NORESERVE: only the pages written count against the memory the system promises.
        void *base = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (base != MAP_FAILED) {
            bytes = size;
            return base;
        }
        if (size == least)
            throw std::bad_alloc();
    }
}

void release(void *base, std::size_t bytes)
{
    munmap(base, bytes);
}

} // namespace tideline::growingarray
