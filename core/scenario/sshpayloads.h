#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace tideline::payloads {

// The cleartext start of an SSH session, enough for a dissector to follow the key exchange and
// then call the rest "encrypted": banners, KEXINIT, curve25519 ECDH, NEWKEYS.
enum class SshMessage : std::uint8_t {
    Banner,
    KexInit,
    EcdhInit,
    EcdhReplyAndNewKeys, // the server sends both in one segment
    NewKeys,
};

std::size_t sshLength(SshMessage message, bool client);
// Fills exactly sshLength(message, client) bytes; anything else is left as zeros.
void writeSsh(std::span<std::uint8_t> out, SshMessage message, bool client, std::uint64_t salt);

} // namespace tideline::payloads
