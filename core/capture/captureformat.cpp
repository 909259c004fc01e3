#include "captureformat.h"

#include <QFile>
#include <array>
#include <cstdint>

namespace tideline {

namespace {

constexpr std::uint32_t kPcapMicro = 0xa1b2c3d4;
constexpr std::uint32_t kPcapNano = 0xa1b23c4d;
constexpr std::uint32_t kPcapKuznetzov = 0xa1b2cd34; // "modified" pcap, microseconds
constexpr std::uint32_t kPcapNgSectionHeader = 0x0a0d0d0a;
constexpr std::uint32_t kPcapNgByteOrder = 0x1a2b3c4d;
constexpr std::uint32_t kPcapNgInterfaceDescription = 1;
constexpr std::uint16_t kOptionEnd = 0;
constexpr std::uint16_t kOptionTsResol = 9;
// An interface description block is tens of bytes; a bigger one is not worth reading for its
// options.
constexpr std::uint32_t kMaxInterfaceBlock = 64 * 1024;

std::uint32_t read32(const char *p, bool bigEndian)
{
    const auto *b = reinterpret_cast<const unsigned char *>(p);
    return bigEndian ? (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) |
                           (std::uint32_t(b[2]) << 8) | b[3]
                     : (std::uint32_t(b[3]) << 24) | (std::uint32_t(b[2]) << 16) |
                           (std::uint32_t(b[1]) << 8) | b[0];
}

std::uint16_t read16(const char *p, bool bigEndian)
{
    const auto *b = reinterpret_cast<const unsigned char *>(p);
    return bigEndian ? std::uint16_t((b[0] << 8) | b[1]) : std::uint16_t((b[1] << 8) | b[0]);
}

std::uint32_t swap32(std::uint32_t v)
{
    return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

TimestampPrecision precisionFromTsResol(unsigned char resolution)
{
    if (resolution == 6)
        return TimestampPrecision::Micro;
    if (resolution == 9)
        return TimestampPrecision::Nano;
    return TimestampPrecision::Other; // another power of ten, or a power of two (high bit set)
}

// The first interface's if_tsresol (default: microseconds), when the block after the section
// header is an interface description; Unknown otherwise.
TimestampPrecision pcapNgPrecision(QFile &file)
{
    std::array<char, 12> header{};
    if (!file.seek(0) || file.read(header.data(), 12) != 12)
        return TimestampPrecision::Unknown;
    bool bigEndian = false;
    if (read32(header.data() + 8, false) != kPcapNgByteOrder) {
        if (read32(header.data() + 8, true) != kPcapNgByteOrder)
            return TimestampPrecision::Unknown;
        bigEndian = true;
    }
    const std::uint32_t sectionLength = read32(header.data() + 4, bigEndian);
    if (!file.seek(sectionLength) || file.read(header.data(), 8) != 8 ||
        read32(header.data(), bigEndian) != kPcapNgInterfaceDescription)
        return TimestampPrecision::Unknown;
    const std::uint32_t blockLength = read32(header.data() + 4, bigEndian);
    if (blockLength < 20 || blockLength > kMaxInterfaceBlock)
        return TimestampPrecision::Unknown;
    // Body: link type (2), reserved (2), snap length (4), then options up to the trailing length.
    const QByteArray body = file.read(blockLength - 8);
    if (body.size() != qsizetype(blockLength - 8))
        return TimestampPrecision::Unknown;
    const qsizetype optionsEnd = body.size() - 4;
    for (qsizetype at = 8; at + 4 <= optionsEnd;) {
        const std::uint16_t code = read16(body.constData() + at, bigEndian);
        const std::uint16_t length = read16(body.constData() + at + 2, bigEndian);
        if (code == kOptionEnd)
            break;
        if (code == kOptionTsResol && length >= 1 && at + 5 <= optionsEnd)
            return precisionFromTsResol(static_cast<unsigned char>(body.at(at + 4)));
        at += 4 + ((qsizetype(length) + 3) & ~qsizetype(3));
    }
    return TimestampPrecision::Micro;
}

// The format (and, for pcap, the precision) its magic number names.
CaptureFileType typeFromMagic(std::uint32_t magic)
{
    if (magic == kPcapNgSectionHeader)
        return {CaptureFormat::PcapNg, TimestampPrecision::Unknown};
    for (const std::uint32_t candidate : {magic, swap32(magic)}) {
        if (candidate == kPcapMicro || candidate == kPcapKuznetzov)
            return {CaptureFormat::Pcap, TimestampPrecision::Micro};
        if (candidate == kPcapNano)
            return {CaptureFormat::Pcap, TimestampPrecision::Nano};
    }
    return {};
}

CaptureFileType readType(QFile &file)
{
    std::array<char, 4> magic{};
    if (!file.open(QIODevice::ReadOnly) || file.read(magic.data(), 4) != 4)
        return {};
    return typeFromMagic(read32(magic.data(), false));
}

} // namespace

CaptureFileType sniffCaptureFile(const QString &path)
{
    QFile file(path);
    CaptureFileType type = readType(file);
    if (type.format == CaptureFormat::PcapNg)
        type.precision = pcapNgPrecision(file);
    return type;
}

bool looksLikeCapture(const QString &path)
{
    QFile file(path);
    return readType(file).format != CaptureFormat::Unknown;
}

QString formatName(CaptureFormat format)
{
    switch (format) {
    case CaptureFormat::Pcap:
        return QStringLiteral("pcap");
    case CaptureFormat::PcapNg:
        return QStringLiteral("pcapng");
    case CaptureFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString precisionName(TimestampPrecision precision)
{
    switch (precision) {
    case TimestampPrecision::Micro:
        return QStringLiteral("micro");
    case TimestampPrecision::Nano:
        return QStringLiteral("nano");
    case TimestampPrecision::Other:
        return QStringLiteral("other");
    case TimestampPrecision::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace tideline
