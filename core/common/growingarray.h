#pragma once

#include <QtGlobal>
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace tideline {

// A contiguous array for the big tables ingest fills (bins, tallies, per-key marks) that grows
// in place: it reserves address space well ahead of its size, and the kernel gives it memory
// page by page as elements are first written. A std::vector that doubles allocates a fresh
// block each time, copies into it and frees the old one, so it touches about twice the memory
// it keeps, and a page touched for the first time is the dearest part of filling a table (in a
// virtual machine that hands freed memory back to its host, several times dearer than the
// writes). tests/benchmarks/README.md has the figures.
//
// Ordinary pages, not huge ones: bins and tallies are filled front to back and read near their
// end, and the per-key marks are a few megabytes, so they gain little from a larger TLB reach,
// and a fresh huge page costs more to fault in. Outgrowing the reservation (or a system that
// refuses a large one) falls back to moving into a bigger one, like a vector.
template <typename T> class GrowingArray
{
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

public:
    GrowingArray() = default;
    ~GrowingArray() { release(); }
    GrowingArray(GrowingArray &&other) noexcept
        : m_data(std::exchange(other.m_data, nullptr))
        , m_size(std::exchange(other.m_size, 0))
        , m_capacity(std::exchange(other.m_capacity, 0))
        , m_reserved(std::exchange(other.m_reserved, 0))
    {}
    GrowingArray &operator=(GrowingArray &&other) noexcept
    {
        if (this != &other) {
            release();
            m_data = std::exchange(other.m_data, nullptr);
            m_size = std::exchange(other.m_size, 0);
            m_capacity = std::exchange(other.m_capacity, 0);
            m_reserved = std::exchange(other.m_reserved, 0);
        }
        return *this;
    }
    GrowingArray(const GrowingArray &) = delete;
    GrowingArray &operator=(const GrowingArray &) = delete;

    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_capacity; } // what fits without moving
    bool empty() const { return m_size == 0; }
    T *data() { return m_data; }
    const T *data() const { return m_data; }
    T *begin() { return m_data; }
    T *end() { return m_data + m_size; }
    const T *begin() const { return m_data; }
    const T *end() const { return m_data + m_size; }
    // Past size() lies reserved memory no sanitizer guards: checked in debug builds.
    T &operator[](std::size_t i)
    {
        Q_ASSERT(i < m_size);
        return m_data[i];
    }
    const T &operator[](std::size_t i) const
    {
        Q_ASSERT(i < m_size);
        return m_data[i];
    }

    void reserve(std::size_t count)
    {
        if (count > m_capacity)
            reallocate(count);
    }
    void push_back(const T &value)
    {
        if (m_size == m_capacity) {
            const T copy = value; // `value` may be one of ours
            reallocate(m_size + 1);
            m_data[m_size++] = copy;
            return;
        }
        m_data[m_size++] = value;
    }
    // Appends a value-initialised element.
    T &emplace_back()
    {
        if (m_size == m_capacity)
            reallocate(m_size + 1);
        return *new (m_data + m_size++) T();
    }
    // Appends [first, last), which must not lie in this array.
    void append(const T *first, const T *last)
    {
        const auto count = std::size_t(last - first);
        reserve(m_size + count);
        if (count > 0)
            std::memcpy(m_data + m_size, first, count * sizeof(T));
        m_size += count;
    }
    // New elements are value-initialised; shrinking keeps the memory for growing again.
    void resize(std::size_t count)
    {
        reserve(count);
        for (std::size_t i = m_size; i < count; ++i)
            new (m_data + i) T();
        m_size = count;
    }
    void clear() { m_size = 0; }

private:
    // Address space costs nothing until written: 1 GB, or twice what is asked for.
    static constexpr std::size_t kReservation = std::size_t(1) << 30;

    void reallocate(std::size_t count);
    void release();

    T *m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0; // elements the reservation holds
    std::size_t m_reserved = 0; // bytes
};

namespace growingarray {
// Reserves at least `bytes` (and ideally `wanted`) of address space, backed by memory only
// where written; returns the base and sets `bytes` to what was reserved.
void *reserve(std::size_t &bytes, std::size_t wanted);
void release(void *base, std::size_t bytes);
} // namespace growingarray

template <typename T> void GrowingArray<T>::reallocate(std::size_t count)
{
    if (count > std::size_t(-1) / 2 / sizeof(T))
        throw std::bad_array_new_length();
    std::size_t bytes = count * sizeof(T);
    const std::size_t wanted = std::max(kReservation, 2 * bytes);
    void *base = growingarray::reserve(bytes, wanted);
    if (m_size > 0)
        std::memcpy(base, m_data, m_size * sizeof(T));
    release();
    m_data = static_cast<T *>(base);
    m_capacity = bytes / sizeof(T);
    m_reserved = bytes;
}

template <typename T> void GrowingArray<T>::release()
{
    if (m_data)
        growingarray::release(m_data, m_reserved);
    m_data = nullptr;
    m_capacity = 0;
    m_reserved = 0;
}

} // namespace tideline
