#pragma once

// Reads a capture back with libpcap and decodes just enough of each frame to check the
// generator's claims, independently of core/capture's decoder.

#include "capture/packet.h"

#include <QString>
#include <cstdint>
#include <pcap/pcap.h>
#include <vector>

namespace testcapture {

struct Frame
{
    tideline::TimeNs time = 0;
    std::vector<std::uint8_t> bytes;
    std::uint32_t wireLength = 0;
    tideline::IpAddress source;
    tideline::IpAddress destination;
    std::uint8_t protocol = 0;
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint8_t tcpFlags = 0;
    std::size_t tcpHeaderLength = 0;
    bool vlan = false;
    bool checksumsOk = true; // IPv4 header and TCP/UDP/ICMP checksums
};

struct Capture
{
    bool opened = false;
    QString error;
    int linkType = -1;
    std::vector<Frame> frames;
};

inline std::uint32_t get16(const std::uint8_t *p)
{
    return std::uint32_t(p[0] << 8 | p[1]);
}

inline std::uint64_t sum16(const std::uint8_t *p, std::size_t n, std::uint64_t sum = 0)
{
    for (std::size_t i = 0; i + 1 < n; i += 2)
        sum += get16(p + i);
    if (n % 2)
        sum += std::uint32_t(p[n - 1] << 8);
    return sum;
}

inline bool sumsToZero(std::uint64_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return sum == 0xffff;
}

inline void decode(Frame &f)
{
    const std::uint8_t *p = f.bytes.data();
    std::size_t n = f.bytes.size(), at = 12;
    if (n < 14)
        return;
    std::uint32_t type = get16(p + 12);
    if (type == 0x8100 && n >= 18) {
        f.vlan = true;
        type = get16(p + 16);
        at = 16;
    }
    at += 2;
    std::size_t l4 = 0, l4Length = 0;
    std::uint64_t pseudo = 0;
    if (type == 0x0800 && n >= at + 20) {
        const std::size_t ihl = std::size_t(p[at] & 0x0f) * 4;
        const std::size_t total = get16(p + at + 2);
        f.checksumsOk = sumsToZero(sum16(p + at, ihl));
        f.protocol = p[at + 9];
        f.source.version = f.destination.version = 4;
        std::copy(p + at + 12, p + at + 16, f.source.bytes.begin());
        std::copy(p + at + 16, p + at + 20, f.destination.bytes.begin());
        l4 = at + ihl;
        l4Length = total - ihl;
        pseudo = sum16(p + at + 12, 8, f.protocol + l4Length);
    } else if (type == 0x86dd && n >= at + 40) {
        f.protocol = p[at + 6];
        f.source.version = f.destination.version = 6;
        std::copy(p + at + 8, p + at + 24, f.source.bytes.begin());
        std::copy(p + at + 24, p + at + 40, f.destination.bytes.begin());
        l4 = at + 40;
        l4Length = get16(p + at + 4);
        pseudo = sum16(p + at + 8, 32, f.protocol + l4Length);
    } else {
        return;
    }
    if (l4 + l4Length > n) {
        f.checksumsOk = false;
        return;
    }
    if (f.protocol == 6 || f.protocol == 17) {
        f.sourcePort = std::uint16_t(get16(p + l4));
        f.destinationPort = std::uint16_t(get16(p + l4 + 2));
        f.checksumsOk = f.checksumsOk && sumsToZero(sum16(p + l4, l4Length, pseudo));
    }
    if (f.protocol == 6) {
        f.tcpHeaderLength = std::size_t(p[l4 + 12] >> 4) * 4;
        f.tcpFlags = p[l4 + 13];
    }
    if (f.protocol == 1)
        f.checksumsOk = f.checksumsOk && sumsToZero(sum16(p + l4, l4Length));
    if (f.protocol == 58)
        f.checksumsOk = f.checksumsOk && sumsToZero(sum16(p + l4, l4Length, pseudo));
}

inline Capture read(const QString &path)
{
    Capture capture;
    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t *handle = pcap_open_offline_with_tstamp_precision(path.toLocal8Bit().constData(),
                                                             PCAP_TSTAMP_PRECISION_NANO, error);
    if (!handle) {
        capture.error = QString::fromLocal8Bit(error);
        return capture;
    }
    capture.opened = true;
    capture.linkType = pcap_datalink(handle);
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    while (pcap_next_ex(handle, &header, &data) == 1) {
        Frame f;
        f.time = tideline::TimeNs(header->ts.tv_sec) * tideline::kNsPerSecond + header->ts.tv_usec;
        f.bytes.assign(data, data + header->caplen);
        f.wireLength = header->len;
        decode(f);
        capture.frames.push_back(std::move(f));
    }
    pcap_close(handle);
    return capture;
}

} // namespace testcapture
