#include "payloads.h"

#include "capture/packet.h"
#include "scenario/bigendian.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <random>

namespace tideline::payloads {

namespace {

constexpr std::size_t kBlockSize = 1 << 16;

// A fixed block of random bytes, sliced for every opaque payload: copying is far cheaper than
// drawing fresh numbers per byte, and nobody reads encrypted payloads for their randomness.
const std::array<std::uint8_t, 2 * kBlockSize> &randomBlock()
{
    static const auto block = [] {
        std::array<std::uint8_t, 2 * kBlockSize> bytes{};
        std::mt19937_64 engine(0x7469'6465'6c69'6e65ull);
        for (std::size_t i = 0; i < bytes.size(); i += 8) {
            const std::uint64_t r = engine();
            for (std::size_t b = 0; b < 8; ++b)
                bytes[i + b] = std::uint8_t(r >> (8 * b));
        }
        return bytes;
    }();
    return block;
}

std::uint8_t *putText(std::uint8_t *p, std::string_view text)
{
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
}

// Copies the text that fits into out starting at `offset` within `text`.
void copyWindow(std::span<std::uint8_t> out, std::size_t outStart, std::string_view text,
                std::size_t offset)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t at = offset + i;
        if (at >= outStart && at - outStart < out.size())
            out[at - outStart] = std::uint8_t(text[i]);
    }
}

void putNtpTime(std::uint8_t *p, TimeNs t)
{
    constexpr qint64 kNtpEpochOffset = 2208988800; // 1900-01-01 to 1970-01-01 in seconds
    const qint64 seconds = t / kNsPerSecond;
    const qint64 nanos = t % kNsPerSecond;
    put32(p, std::uint32_t(seconds + kNtpEpochOffset));
    put32(p + 4, std::uint32_t((std::uint64_t(nanos) << 32) / std::uint64_t(kNsPerSecond)));
}

std::size_t encodedNameLength(std::string_view name)
{
    return name.size() + 2; // one length byte per label replaces each dot, plus the root
}

std::uint8_t *putName(std::uint8_t *p, std::string_view name)
{
    while (!name.empty()) {
        const std::size_t dot = std::min(name.find('.'), name.size());
        *p++ = std::uint8_t(dot);
        p = putText(p, name.substr(0, dot));
        name.remove_prefix(std::min(dot + 1, name.size()));
    }
    *p++ = 0;
    return p;
}

constexpr std::string_view kRequestHead = "GET /";
constexpr std::string_view kRequestMiddle = " HTTP/1.1\r\nHost: ";
constexpr std::string_view kRequestTail =
    "\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    "\r\nAccept: */*\r\nAccept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n";
constexpr std::string_view kPathAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_/";

constexpr std::string_view kResponseHead =
    "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: application/octet-stream\r\n"
    "Content-Length: ";
constexpr std::string_view kResponseTail = "\r\n\r\n";

std::size_t digits(std::size_t v)
{
    std::size_t n = 1;
    while (v >= 10) {
        v /= 10;
        ++n;
    }
    return n;
}

} // namespace

void fillOpaque(std::span<std::uint8_t> out, std::uint64_t salt)
{
    const auto &block = randomBlock();
    std::size_t done = 0;
    std::size_t start = std::size_t(salt % kBlockSize);
    while (done < out.size()) {
        const std::size_t n = std::min(out.size() - done, kBlockSize);
        std::memcpy(out.data() + done, block.data() + start, n);
        done += n;
        start = (start + 7919) % kBlockSize;
    }
}

void fillTls(std::span<std::uint8_t> out, std::uint64_t salt)
{
    if (out.size() < 5) {
        fillOpaque(out, salt);
        return;
    }
    out[0] = 0x17; // application data
    out[1] = 0x03;
    out[2] = 0x03;
    put16(out.data() + 3, std::uint32_t(out.size() - 5));
    fillOpaque(out.subspan(5), salt);
}

std::size_t httpRequestMinimum(std::string_view host)
{
    return kRequestHead.size() + 1 + kRequestMiddle.size() + host.size() + kRequestTail.size();
}

void writeHttpRequest(std::span<std::uint8_t> out, std::string_view host, std::uint64_t salt)
{
    const std::size_t minimum = httpRequestMinimum(host);
    if (out.size() < minimum) {
        fillOpaque(out, salt);
        return;
    }
    std::uint8_t *p = putText(out.data(), kRequestHead);
    const std::size_t pathLength = out.size() - minimum + 1;
    for (std::size_t i = 0; i < pathLength; ++i) {
        salt = salt * 6364136223846793005ull + 1442695040888963407ull;
        *p++ = std::uint8_t(kPathAlphabet[(salt >> 33) % kPathAlphabet.size()]);
    }
    p = putText(p, kRequestMiddle);
    p = putText(p, host);
    putText(p, kRequestTail);
}

void writeHttpResponse(std::span<std::uint8_t> out, std::size_t offset, std::size_t total)
{
    // Content-Length's own digits count towards the header, so find the body length that fits.
    std::size_t body = 0;
    for (std::size_t d = 1; d <= 20; ++d) {
        const std::size_t fixed = kResponseHead.size() + kResponseTail.size() + d;
        if (total > fixed && digits(total - fixed) == d) {
            body = total - fixed;
            break;
        }
    }
    char number[24];
    const int numberLength = std::snprintf(number, sizeof number, "%zu", body);
    const std::string_view length(number, std::size_t(numberLength));
    fillOpaque(out, offset);
    copyWindow(out, offset, kResponseHead, 0);
    copyWindow(out, offset, length, kResponseHead.size());
    copyWindow(out, offset, kResponseTail, kResponseHead.size() + length.size());
}

std::size_t dnsLength(const DnsMessage &message)
{
    std::size_t length = 12 + encodedNameLength(message.name) + 4;
    if (message.response && message.answer)
        length += 12 + (message.type == 28 ? 16 : 4);
    return length;
}

void writeDns(std::span<std::uint8_t> out, const DnsMessage &m)
{
    std::memset(out.data(), 0, out.size());
    if (out.size() < dnsLength(m))
        return;
    std::uint8_t *p = out.data();
    put16(p, m.id);
    // Query: recursion desired. Response: + QR, RA, and NXDOMAIN when there is no answer.
    put16(p + 2, !m.response ? 0x0100 : (m.answer ? 0x8180 : 0x8183));
    put16(p + 4, 1);
    put16(p + 6, m.response && m.answer ? 1 : 0);
    p = putName(p + 12, m.name);
    put16(p, m.type);
    put16(p + 2, 1);
    p += 4;
    if (m.response && m.answer) {
        put16(p, 0xc00c); // the name of the question
        put16(p + 2, m.type);
        put16(p + 4, 1);
        put32(p + 6, m.ttl);
        const std::size_t rdLength = m.type == 28 ? 16 : 4;
        put16(p + 10, std::uint32_t(rdLength));
        std::memcpy(p + 12, m.answer->bytes.data(), rdLength);
    }
}

std::size_t dnsAnyResponseMinimum(std::string_view name)
{
    return 12 + encodedNameLength(name) + 4 + 13;
}

void writeDnsAnyResponse(std::span<std::uint8_t> out, std::uint16_t id, std::string_view name,
                         std::uint64_t salt)
{
    if (out.size() < dnsAnyResponseMinimum(name)) {
        std::memset(out.data(), 0, out.size());
        return;
    }
    std::uint8_t *p = out.data();
    put16(p, id);
    put16(p + 2, 0x8180);
    put16(p + 4, 1);
    put16(p + 8, 0);
    put16(p + 10, 0);
    std::uint8_t *q = putName(p + 12, name);
    put16(q, 255); // ANY
    put16(q + 2, 1);
    q += 4;
    const auto &block = randomBlock();
    std::size_t remaining = std::size_t(out.data() + out.size() - q);
    std::uint32_t answers = 0;
    // TXT records of up to 255 characters; the last two are sized so the message ends exactly.
    while (remaining >= 13) {
        std::size_t text = std::min<std::size_t>(255, remaining - 13);
        const std::size_t rest = remaining - 13 - text;
        if (rest > 0 && rest < 13)
            text -= 13 - rest;
        put16(q, 0xc00c);
        put16(q + 2, 16);
        put16(q + 4, 1);
        put32(q + 6, 3600);
        put16(q + 10, std::uint32_t(text + 1));
        q[12] = std::uint8_t(text);
        for (std::size_t i = 0; i < text; ++i)
            q[13 + i] = std::uint8_t('a' + block[(salt + i) % block.size()] % 26);
        salt += text;
        q += 13 + text;
        remaining -= 13 + text;
        ++answers;
    }
    put16(p + 6, answers);
}

void writeNtpClient(std::span<std::uint8_t> out, TimeNs transmit)
{
    std::memset(out.data(), 0, out.size());
    if (out.size() < kNtpLength)
        return;
    out[0] = 0x23; // version 4, client
    putNtpTime(out.data() + 40, transmit);
}

void writeNtpServer(std::span<std::uint8_t> out, TimeNs origin, TimeNs now)
{
    std::memset(out.data(), 0, out.size());
    if (out.size() < kNtpLength)
        return;
    std::uint8_t *p = out.data();
    p[0] = 0x24; // version 4, server
    p[1] = 2;    // stratum
    p[2] = 6;    // poll
    p[3] = 0xe9; // precision 2^-23
    put32(p + 4, 0x00000120);
    put32(p + 8, 0x00000340);
    put32(p + 12, 0xc0a80001);
    putNtpTime(p + 16, now - 512 * kNsPerSecond);
    putNtpTime(p + 24, origin);
    putNtpTime(p + 32, now - 40 * kNsPerUs);
    putNtpTime(p + 40, now - 20 * kNsPerUs);
}

void writeNtpMonlist(std::span<std::uint8_t> out, std::uint8_t sequence, std::uint64_t salt)
{
    fillOpaque(out, salt);
    if (out.size() < 8)
        return;
    out[0] = 0xd7; // response, more, version 2, mode 7
    out[1] = sequence & 0x7f;
    out[2] = 3;  // XNTPD
    out[3] = 42; // MON_GETLIST_1
    put16(out.data() + 4, std::uint32_t((out.size() - 8) / 72));
    put16(out.data() + 6, 72);
}

std::size_t pingPayloadLength(bool windows)
{
    return windows ? 32 : 56;
}

void writePingPayload(std::span<std::uint8_t> out, bool windows, TimeNs sent)
{
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = windows ? std::uint8_t('a' + i % 23) : std::uint8_t(i);
    if (!windows && out.size() >= 16) {
        // struct timeval in little-endian, as Linux ping writes it.
        const std::uint64_t seconds = std::uint64_t(sent / kNsPerSecond);
        const std::uint64_t micros = std::uint64_t(sent % kNsPerSecond / kNsPerUs);
        for (std::size_t b = 0; b < 8; ++b) {
            out[b] = std::uint8_t(seconds >> (8 * b));
            out[8 + b] = std::uint8_t(micros >> (8 * b));
        }
    }
}

} // namespace tideline::payloads
