#include "pcapngwriter.h"

#include <QCoreApplication>
#include <array>
#include <cerrno>
#include <cstring>

namespace tideline {

namespace {

constexpr std::uint32_t kSectionHeader = 0x0a0d0d0a;
constexpr std::uint32_t kInterfaceDescription = 1;
constexpr std::uint32_t kEnhancedPacket = 6;
constexpr std::uint16_t kOptionEnd = 0;
constexpr std::uint16_t kShbUserApplication = 4;
constexpr std::uint16_t kIfName = 2;
constexpr std::uint16_t kIfTimestampResolution = 9;

void append16(std::vector<std::uint8_t> &out, std::uint32_t v)
{
    out.push_back(std::uint8_t(v));
    out.push_back(std::uint8_t(v >> 8));
}

void append32(std::vector<std::uint8_t> &out, std::uint32_t v)
{
    append16(out, v & 0xffff);
    append16(out, v >> 16);
}

void appendOption(std::vector<std::uint8_t> &out, std::uint16_t code, const void *data,
                  std::size_t length)
{
    append16(out, code);
    append16(out, std::uint32_t(length));
    const auto *bytes = static_cast<const std::uint8_t *>(data);
    out.insert(out.end(), bytes, bytes + length);
    out.resize((out.size() + 3) & ~std::size_t(3), 0);
}

// Wraps a block body: type, total length, body, total length again.
std::vector<std::uint8_t> block(std::uint32_t type, const std::vector<std::uint8_t> &body)
{
    std::vector<std::uint8_t> out;
    const auto total = std::uint32_t(12 + body.size());
    append32(out, type);
    append32(out, total);
    out.insert(out.end(), body.begin(), body.end());
    append32(out, total);
    return out;
}

void store32(std::uint8_t *p, std::uint32_t v)
{
    p[0] = std::uint8_t(v);
    p[1] = std::uint8_t(v >> 8);
    p[2] = std::uint8_t(v >> 16);
    p[3] = std::uint8_t(v >> 24);
}

} // namespace

PcapngWriter::PcapngWriter(std::FILE *file, std::unique_ptr<char[]> buffer,
                           const Interface &interface)
    : m_file(file)
    , m_buffer(std::move(buffer))
    , m_nanoseconds(interface.nanoseconds)
{
    std::vector<std::uint8_t> section;
    append32(section, 0x1a2b3c4d); // byte-order magic
    append16(section, 1);          // version 1.0
    append16(section, 0);
    append32(section, 0xffffffff); // section length not given
    append32(section, 0xffffffff);
    // No version number: the sample must stay byte-identical from one release to the next.
    appendOption(section, kShbUserApplication, interface.application.constData(),
                 std::size_t(interface.application.size()));
    appendOption(section, kOptionEnd, nullptr, 0);
    put(block(kSectionHeader, section));

    std::vector<std::uint8_t> description;
    append16(description, std::uint32_t(interface.linkType));
    append16(description, 0);
    append32(description, std::uint32_t(interface.snapLength));
    if (!interface.name.isEmpty())
        appendOption(description, kIfName, interface.name.constData(),
                     std::size_t(interface.name.size()));
    const std::uint8_t resolution = interface.nanoseconds ? 9 : 6; // 10^-n s per unit
    appendOption(description, kIfTimestampResolution, &resolution, 1);
    appendOption(description, kOptionEnd, nullptr, 0);
    put(block(kInterfaceDescription, description));
}

PcapngWriter::~PcapngWriter()
{
    if (m_file)
        std::fclose(m_file);
}

void PcapngWriter::put(const std::vector<std::uint8_t> &bytes)
{
    if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size() && m_error == 0)
        m_error = errno != 0 ? errno : EIO;
    m_written += qint64(bytes.size());
}

void PcapngWriter::write(TimeNs time, std::span<const std::uint8_t> frame)
{
    write(time, frame, std::uint32_t(frame.size()));
}

void PcapngWriter::write(TimeNs time, std::span<const std::uint8_t> frame, std::uint32_t wireLength)
{
    const std::size_t padded = (frame.size() + 3) & ~std::size_t(3);
    const auto total = std::uint32_t(32 + padded);
    const auto units = std::uint64_t(m_nanoseconds ? time : time / kNsPerUs);
    std::array<std::uint8_t, 28> head{};
    store32(head.data(), kEnhancedPacket);
    store32(head.data() + 4, total);
    store32(head.data() + 8, 0); // interface 0
    store32(head.data() + 12, std::uint32_t(units >> 32));
    store32(head.data() + 16, std::uint32_t(units));
    store32(head.data() + 20, std::uint32_t(frame.size()));
    store32(head.data() + 24, wireLength);
    std::array<std::uint8_t, 8> tail{};
    store32(tail.data() + (padded - frame.size()), total);
    const std::size_t tailLength = padded - frame.size() + 4;
    const bool ok = std::fwrite(head.data(), 1, head.size(), m_file) == head.size() &&
                    std::fwrite(frame.data(), 1, frame.size(), m_file) == frame.size() &&
                    std::fwrite(tail.data(), 1, tailLength, m_file) == tailLength;
    if (!ok && m_error == 0)
        m_error = errno != 0 ? errno : EIO;
    m_written += qint64(total);
}

bool PcapngWriter::failed() const
{
    return m_error != 0 || std::ferror(m_file) != 0;
}

std::optional<QString> PcapngWriter::finish()
{
    errno = 0;
    if (std::fflush(m_file) != 0 && m_error == 0)
        m_error = errno != 0 ? errno : EIO;
    if (std::ferror(m_file) && m_error == 0)
        m_error = EIO;
    errno = 0;
    if (std::fclose(m_file) != 0 && m_error == 0)
        m_error = errno != 0 ? errno : EIO;
    m_file = nullptr;
    if (m_error != 0) {
        return QCoreApplication::translate("tideline", "cannot write the file: %1")
            .arg(qt_error_string(m_error));
    }
    return std::nullopt;
}

} // namespace tideline
