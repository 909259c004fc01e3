#include "pcapngwriter.h"

namespace tideline {

namespace {

// Block types and option codes of the pcapng format (draft-ietf-opsawg-pcapng).
constexpr std::uint32_t kSectionHeader = 0x0A0D0D0A;
constexpr std::uint32_t kInterfaceDescription = 0x00000001;
constexpr std::uint32_t kEnhancedPacket = 0x00000006;
constexpr std::uint32_t kByteOrderMagic = 0x1A2B3C4D;
constexpr std::uint16_t kEndOfOptions = 0;
constexpr std::uint16_t kShbUserApplication = 4;
constexpr std::uint16_t kIfName = 2;
constexpr std::uint16_t kIfTimestampResolution = 9;
constexpr std::uint8_t kNanoseconds = 9; // 10^-9 s

template <typename T> void append(QByteArray &bytes, T value)
{
    bytes.append(reinterpret_cast<const char *>(&value), sizeof value);
}

void pad(QByteArray &bytes)
{
    while (bytes.size() % 4 != 0)
        bytes.append('\0');
}

void appendOption(QByteArray &bytes, std::uint16_t code, const QByteArray &value)
{
    append(bytes, code);
    append(bytes, std::uint16_t(value.size()));
    bytes.append(value);
    pad(bytes);
}

} // namespace

bool PcapngWriter::open(const QString &path, int linkType, int snapLength, const QString &interface)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    m_size = 0;
    QByteArray section;
    append(section, kByteOrderMagic);
    append(section, std::uint16_t(1)); // version 1.0
    append(section, std::uint16_t(0));
    append(section, std::int64_t(-1)); // section length not known
    appendOption(section, kShbUserApplication, QByteArrayLiteral("Tideline"));
    append(section, kEndOfOptions);
    append(section, std::uint16_t(0));
    QByteArray description;
    append(description, std::uint16_t(linkType));
    append(description, std::uint16_t(0));
    append(description, std::uint32_t(snapLength));
    appendOption(description, kIfName, interface.toUtf8());
    appendOption(description, kIfTimestampResolution, QByteArray(1, char(kNanoseconds)));
    append(description, kEndOfOptions);
    append(description, std::uint16_t(0));
    return writeBlock(kSectionHeader, section) && writeBlock(kInterfaceDescription, description);
}

bool PcapngWriter::write(TimeNs time, const std::uint8_t *data, std::uint32_t captured,
                         std::uint32_t length)
{
    QByteArray packet;
    packet.reserve(20 + qsizetype(captured) + 3);
    const auto stamp = std::uint64_t(time);
    append(packet, std::uint32_t(0)); // the interface
    append(packet, std::uint32_t(stamp >> 32));
    append(packet, std::uint32_t(stamp & 0xFFFFFFFFu));
    append(packet, captured);
    append(packet, length);
    packet.append(reinterpret_cast<const char *>(data), qsizetype(captured));
    pad(packet);
    return writeBlock(kEnhancedPacket, packet);
}

bool PcapngWriter::writeBlock(std::uint32_t type, const QByteArray &body)
{
    const auto total = std::uint32_t(12 + body.size());
    QByteArray block;
    block.reserve(qsizetype(total));
    append(block, type);
    append(block, total);
    block.append(body);
    append(block, total);
    if (m_file.write(block) != block.size())
        return false;
    m_size += block.size();
    return true;
}

bool PcapngWriter::close()
{
    const bool flushed = !m_file.isOpen() || m_file.flush();
    m_file.close();
    return flushed;
}

QString PcapngWriter::error() const
{
    return m_file.errorString();
}

} // namespace tideline
