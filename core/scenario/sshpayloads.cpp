#include "sshpayloads.h"

#include "scenario/payloads.h"

#include <array>
#include <cstring>
#include <string_view>

namespace tideline::payloads {

namespace {

constexpr std::string_view kClientBanner = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n";
constexpr std::string_view kServerBanner = "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10\r\n";

// KEXINIT name-lists in protocol order; the client adds "ext-info-c" to its key exchanges.
constexpr std::array<std::string_view, 10> kNameLists{
    "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,"
    "diffie-hellman-group14-sha256",
    "ssh-ed25519,ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256",
    "chacha20-poly1305@openssh.com,aes128-ctr,aes256-gcm@openssh.com",
    "chacha20-poly1305@openssh.com,aes128-ctr,aes256-gcm@openssh.com",
    "umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-256",
    "umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-256",
    "none,zlib@openssh.com",
    "none,zlib@openssh.com",
    "",
    ""};
constexpr std::string_view kClientKexExtra = ",ext-info-c";
constexpr std::string_view kHostKeyType = "ssh-ed25519";

constexpr std::uint8_t kMsgKexInit = 20;
constexpr std::uint8_t kMsgNewKeys = 21;
constexpr std::uint8_t kMsgEcdhInit = 30;
constexpr std::uint8_t kMsgEcdhReply = 31;

// A binary packet around `payload` bytes: length, padding length, payload, padding to a
// multiple of 8 with at least 4 bytes of it.
std::size_t packetLength(std::size_t payload)
{
    std::size_t padding = 8 - (5 + payload) % 8;
    if (padding < 4)
        padding += 8;
    return 5 + payload + padding;
}

std::size_t kexInitPayload(bool client)
{
    std::size_t length = 1 + 16 + 1 + 4; // type, cookie, first_kex_packet_follows, reserved
    for (std::string_view list : kNameLists)
        length += 4 + list.size();
    return client ? length + kClientKexExtra.size() : length;
}

constexpr std::size_t kEcdhInitPayload = 1 + 4 + 32;
// type, host key blob (type + 32-byte key), server's public value, signature (type + 64 bytes)
constexpr std::size_t kEcdhReplyPayload =
    1 + (4 + 4 + kHostKeyType.size() + 4 + 32) + (4 + 32) + (4 + 4 + kHostKeyType.size() + 4 + 64);

class Writer
{
public:
    explicit Writer(std::uint8_t *at)
        : m_at(at)
    {}
    std::uint8_t *position() const { return m_at; }
    void byte(std::uint8_t v) { *m_at++ = v; }
    void u32(std::size_t v)
    {
        for (int shift = 24; shift >= 0; shift -= 8)
            *m_at++ = std::uint8_t(v >> shift);
    }
    void text(std::string_view s)
    {
        std::memcpy(m_at, s.data(), s.size());
        m_at += s.size();
    }
    void random(std::size_t n, std::uint64_t salt)
    {
        fillOpaque({m_at, n}, salt);
        m_at += n;
    }
    // Starts a binary packet; returns where its payload ends.
    std::uint8_t *packet(std::size_t payload)
    {
        const std::size_t total = packetLength(payload);
        u32(total - 4);
        byte(std::uint8_t(total - 5 - payload));
        return m_at + payload;
    }
    void pad(std::uint8_t *payloadEnd, std::size_t total, std::uint8_t *start)
    {
        m_at = payloadEnd;
        std::memset(m_at, 0, std::size_t(start + total - m_at));
        m_at = start + total;
    }

private:
    std::uint8_t *m_at;
};

} // namespace

std::size_t sshLength(SshMessage message, bool client)
{
    switch (message) {
    case SshMessage::Banner:
        return (client ? kClientBanner : kServerBanner).size();
    case SshMessage::KexInit:
        return packetLength(kexInitPayload(client));
    case SshMessage::EcdhInit:
        return packetLength(kEcdhInitPayload);
    case SshMessage::EcdhReplyAndNewKeys:
        return packetLength(kEcdhReplyPayload) + packetLength(1);
    case SshMessage::NewKeys:
        return packetLength(1);
    }
    return 0;
}

void writeSsh(std::span<std::uint8_t> out, SshMessage message, bool client, std::uint64_t salt)
{
    std::memset(out.data(), 0, out.size());
    if (out.size() < sshLength(message, client))
        return;
    Writer w(out.data());
    auto simplePacket = [&w](std::uint8_t type) {
        std::uint8_t *start = w.position();
        std::uint8_t *end = w.packet(1);
        w.byte(type);
        w.pad(end, packetLength(1), start);
    };
    switch (message) {
    case SshMessage::Banner:
        w.text(client ? kClientBanner : kServerBanner);
        break;
    case SshMessage::KexInit: {
        std::uint8_t *start = w.position();
        std::uint8_t *end = w.packet(kexInitPayload(client));
        w.byte(kMsgKexInit);
        w.random(16, salt);
        for (std::size_t i = 0; i < kNameLists.size(); ++i) {
            const bool extra = client && i == 0;
            w.u32(kNameLists[i].size() + (extra ? kClientKexExtra.size() : 0));
            w.text(kNameLists[i]);
            if (extra)
                w.text(kClientKexExtra);
        }
        w.byte(0);
        w.u32(0);
        w.pad(end, packetLength(kexInitPayload(client)), start);
        break;
    }
    case SshMessage::EcdhInit: {
        std::uint8_t *start = w.position();
        std::uint8_t *end = w.packet(kEcdhInitPayload);
        w.byte(kMsgEcdhInit);
        w.u32(32);
        w.random(32, salt);
        w.pad(end, packetLength(kEcdhInitPayload), start);
        break;
    }
    case SshMessage::EcdhReplyAndNewKeys: {
        std::uint8_t *start = w.position();
        std::uint8_t *end = w.packet(kEcdhReplyPayload);
        w.byte(kMsgEcdhReply);
        w.u32(4 + kHostKeyType.size() + 4 + 32);
        w.u32(kHostKeyType.size());
        w.text(kHostKeyType);
        w.u32(32);
        w.random(32, salt);
        w.u32(32);
        w.random(32, salt + 101);
        w.u32(4 + kHostKeyType.size() + 4 + 64);
        w.u32(kHostKeyType.size());
        w.text(kHostKeyType);
        w.u32(64);
        w.random(64, salt + 211);
        w.pad(end, packetLength(kEcdhReplyPayload), start);
        simplePacket(kMsgNewKeys);
        break;
    }
    case SshMessage::NewKeys:
        simplePacket(kMsgNewKeys);
        break;
    }
}

} // namespace tideline::payloads
