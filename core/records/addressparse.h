#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace tideline {

// Reads an IPv4 ("10.0.0.1") or IPv6 ("2001:db8::1") address written as text, surrounding
// blanks allowed, into 16 bytes (IPv4 in the first four). Returns the IP version,
// or 0 when the text is no address (a MAC address, a host name, "-").
int parseAddress(std::string_view text, std::array<std::uint8_t, 16> &bytes);

} // namespace tideline
