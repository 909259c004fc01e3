#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <sys/mman.h>

namespace tideline {

// An allocator for large tables read at random (the flow and address indexes, flow records):
// a block of 2 MB or more is aligned to 2 MB and marked for transparent huge pages, so one
// TLB entry covers 2 MB of it instead of 4 KB. With 4 KB pages nearly every access to a table
// of tens of megabytes misses the TLB, and in a virtual machine each miss is a nested page
// walk (tests/benchmarks/README.md has the figures). Smaller blocks, and systems that keep huge
// pages off, get ordinary memory; madvise() is advice, and its failure changes nothing but the
// speed.
template <typename T> struct HugePageAllocator
{
    using value_type = T;

    static constexpr std::size_t kHugePage = std::size_t(2) << 20;

    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    T *allocate(std::size_t count)
    {
        if (count > std::size_t(-1) / sizeof(T) - kHugePage)
            throw std::bad_array_new_length();
        const std::size_t bytes = count * sizeof(T);
        const std::size_t alignment =
            bytes >= kHugePage ? kHugePage : std::max(alignof(T), alignof(std::max_align_t));
        // aligned_alloc() wants a whole number of alignments.
        const std::size_t rounded =
            std::max<std::size_t>(1, (bytes + alignment - 1) / alignment) * alignment;
        void *block = std::aligned_alloc(alignment, rounded);
        if (!block)
            throw std::bad_alloc();
        if (alignment == kHugePage)
            madvise(block, rounded, MADV_HUGEPAGE);
        return static_cast<T *>(block);
    }
    void deallocate(T *block, std::size_t) noexcept { std::free(block); }

    template <typename U> bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }
};

} // namespace tideline
