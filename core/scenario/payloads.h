#pragma once

#include "common/timeutil.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace tideline {

struct IpAddress;

// Application payloads a dissector accepts: each writer fills exactly the span it is given, so
// the caller decides every size (and with it every sequence number) beforehand.
namespace payloads {

// Pseudo-random filler (the look of encrypted data); `salt` picks where in a fixed block to start.
void fillOpaque(std::span<std::uint8_t> out, std::uint64_t salt);
// One TLS 1.2+ application-data record per segment (header + opaque bytes).
void fillTls(std::span<std::uint8_t> out, std::uint64_t salt);

// "GET /path HTTP/1.1" with headers; the path is as long as the size needs.
std::size_t httpRequestMinimum(std::string_view host);
void writeHttpRequest(std::span<std::uint8_t> out, std::string_view host, std::uint64_t salt);
// The bytes [offset, offset + out.size()) of a 200 response whose header + body is `total` long.
constexpr std::size_t kHttpResponseMinimum = 100;
void writeHttpResponse(std::span<std::uint8_t> out, std::size_t offset, std::size_t total);

struct DnsMessage
{
    std::uint16_t id = 0;
    std::string_view name;
    std::uint16_t type = 1; // A; 28 AAAA
    bool response = false;
    const IpAddress *answer = nullptr; // none: NXDOMAIN when a response
    std::uint32_t ttl = 300;
};
std::size_t dnsLength(const DnsMessage &message);
void writeDns(std::span<std::uint8_t> out, const DnsMessage &message);
// An ANY response padded with TXT records to exactly out.size() bytes (at least
// dnsAnyResponseMinimum), the reply reflectors send in an amplification attack.
std::size_t dnsAnyResponseMinimum(std::string_view name);
void writeDnsAnyResponse(std::span<std::uint8_t> out, std::uint16_t id, std::string_view name,
                         std::uint64_t salt);

constexpr std::size_t kNtpLength = 48;
void writeNtpClient(std::span<std::uint8_t> out, TimeNs transmit);
void writeNtpServer(std::span<std::uint8_t> out, TimeNs origin, TimeNs now);
// A mode 7 MON_GETLIST_1 reply with six entries: the amplified answer to a "monlist" request.
constexpr std::size_t kNtpMonlistLength = 8 + 6 * 72;
void writeNtpMonlist(std::span<std::uint8_t> out, std::uint8_t sequence, std::uint64_t salt);

// What ping puts after the echo header: Linux's timestamp + 0x10… pattern, or Windows' alphabet.
std::size_t pingPayloadLength(bool windows);
void writePingPayload(std::span<std::uint8_t> out, bool windows, TimeNs sent);

} // namespace payloads
} // namespace tideline
