#pragma once

#include "common/hugepageallocator.h"

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace tideline {

// A list that grows by whole chunks of 2^ChunkBits elements instead of by doubling: elements
// never move, and each byte is written once. A vector that grows to N elements by doubling
// allocates (and the kernel zero-fills) about 2.75 N and copies about N (for the ingest
// benchmark's flows, see tests/benchmarks/README.md). Chunks come from
// HugePageAllocator, so they are in huge pages once a chunk is 2 MB or more.
template <typename T, std::size_t ChunkBits> class ChunkedList
{
    // Chunks are freed without running destructors.
    static_assert(std::is_trivially_destructible_v<T>);

public:
    static constexpr std::size_t kChunkSize = std::size_t(1) << ChunkBits;

    ChunkedList() = default;
    ChunkedList(ChunkedList &&other) noexcept = default;
    ChunkedList &operator=(ChunkedList &&other) noexcept = default;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    T &operator[](std::size_t index) { return m_chunks[index >> ChunkBits][index & kMask]; }
    const T &operator[](std::size_t index) const
    {
        return m_chunks[index >> ChunkBits][index & kMask];
    }
    const T &front() const { return (*this)[0]; }

    // Appends a value-initialised element.
    T &emplace_back()
    {
        if ((m_size & kMask) == 0 && m_size >> ChunkBits == m_chunks.size())
            m_chunks.emplace_back(HugePageAllocator<T>().allocate(kChunkSize));
        T *slot = &m_chunks[m_size >> ChunkBits][m_size & kMask];
        ++m_size;
        return *new (slot) T();
    }

private:
    static constexpr std::size_t kMask = kChunkSize - 1;

    struct Free
    {
        void operator()(T *chunk) const { HugePageAllocator<T>().deallocate(chunk, kChunkSize); }
    };

    std::vector<std::unique_ptr<T[], Free>> m_chunks;
    std::size_t m_size = 0;
};

} // namespace tideline
