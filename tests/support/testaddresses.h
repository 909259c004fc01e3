#pragma once

// Addresses for hand-built test packets.

#include "capture/packet.h"

inline tideline::IpAddress v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
{
    tideline::IpAddress address;
    address.version = 4;
    address.bytes = {a, b, c, d};
    return address;
}
