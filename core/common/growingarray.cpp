#include "growingarray.h"

#include <cstdint>
#include <sys/mman.h>

namespace tideline::growingarray {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

std::size_t roundUp(std::size_t value, std::size_t step)
{
    return (value + step - 1) / step * step;
}

// Maps `bytes` (a multiple of 2 MB) at a 2 MB boundary, or returns nullptr.
void *mapAligned(std::size_t bytes)
{
    // MAP_NORESERVE: only the pages written count against the memory the system promises.
    void *mapped = mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapped == MAP_FAILED)
        return nullptr;
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = roundUp(start, kHugePage);
    if (aligned > start)
        munmap(mapped, aligned - start);
    const std::uintptr_t tail = aligned + bytes;
    if (start + bytes + kHugePage > tail)
        munmap(reinterpret_cast<void *>(tail), start + bytes + kHugePage - tail);
    return reinterpret_cast<void *>(aligned);
}

} // namespace

void *reserve(std::size_t &bytes, std::size_t wanted)
{
    const std::size_t least = roundUp(std::max<std::size_t>(bytes, 1), kHugePage);
    // Systems that limit address space (ulimit -v, strict overcommit, valgrind) may refuse a
    // large reservation: ask for less, down to what is needed now.
    for (std::size_t size = std::max(least, roundUp(wanted, kHugePage));; size /= 2) {
        size = std::max(size, least);
        if (void *base = mapAligned(size)) {
            if (size > kHugePage) {
                madvise(static_cast<char *>(base) + kHugePage, size - kHugePage, MADV_HUGEPAGE);
            }
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
