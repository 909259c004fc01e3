#pragma once

#include "common/timeutil.h"

#include <QString>
#include <array>
#include <cstdint>
#include <functional>
#include <span>

namespace tideline {

// An IPv4 or IPv6 address, stored in 16 bytes (IPv4 in the first four).
struct IpAddress
{
    std::array<std::uint8_t, 16> bytes{};
    std::uint8_t version = 0; // 4, 6, or 0 for "none"

    bool isValid() const { return version != 0; }
    QString toString() const;
    friend bool operator==(const IpAddress &, const IpAddress &) = default;
};

// One packet as the decoder saw it: only what the binner and the flow table need. Every read
// that produced it was bounds-checked against the captured length.
struct Packet
{
    enum class Decode : std::uint8_t {
        Ok,        // link layer understood (the payload may still be non-IP)
        Undecoded, // link type (or encapsulation) we do not parse: counted, not an error
        Malformed, // too short for the headers it claims: counted, still in packets/bytes
    };
    enum class Network : std::uint8_t { None, IPv4, IPv6 };

    TimeNs time = 0;
    std::uint32_t wireLength = 0;     // "len" in the pcap record: bytes on the wire
    std::uint32_t capturedLength = 0; // "caplen"
    Decode decode = Decode::Undecoded;
    Network network = Network::None;
    IpAddress source;
    IpAddress destination;
    std::uint8_t protocol = 0; // IP protocol number after IPv6 extension headers (6 TCP, 17 UDP…)
    bool hasPorts = false;     // TCP/UDP header present (first fragment only)
    bool fragment = false;     // a non-first IP fragment
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint8_t tcpFlags = 0; // FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20…
};

namespace tcpflag {
constexpr std::uint8_t Fin = 0x01;
constexpr std::uint8_t Syn = 0x02;
constexpr std::uint8_t Rst = 0x04;
constexpr std::uint8_t Psh = 0x08;
constexpr std::uint8_t Ack = 0x10;
constexpr std::uint8_t Urg = 0x20;
} // namespace tcpflag

namespace ipproto {
constexpr std::uint8_t Icmp = 1;
constexpr std::uint8_t Tcp = 6;
constexpr std::uint8_t Udp = 17;
constexpr std::uint8_t Icmpv6 = 58;
} // namespace ipproto

// Receives decoded packets in file order from a capture reader, one by one or in batches.
class PacketSink
{
public:
    virtual ~PacketSink() = default;
    virtual void addPacket(const Packet &packet) = 0;
    virtual void addPackets(std::span<const Packet> packets)
    {
        for (const Packet &packet : packets)
            addPacket(packet);
    }
};

} // namespace tideline
