#pragma once

#include <QtEndian>
#include <cstdint>

namespace tideline {

// Stores in network byte order into the packets and files the generator builds.
inline void put16(std::uint8_t *p, std::uint32_t value)
{
    qToBigEndian(quint16(value), p);
}

inline void put32(std::uint8_t *p, std::uint32_t value)
{
    qToBigEndian(quint32(value), p);
}

} // namespace tideline
