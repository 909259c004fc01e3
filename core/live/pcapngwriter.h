#pragma once

#include "common/timeutil.h"

#include <QFile>
#include <QString>
#include <cstdint>

namespace tideline {

// Writes a pcapng file of one section and one interface, packets as Enhanced Packet Blocks
// with nanosecond times — what a ring of live capture keeps (libpcap 1.10 writes only pcap).
// Blocks are in this machine's byte order, which the section header's magic tells readers.
class PcapngWriter
{
public:
    // Creates `path` with the section and interface headers; false with error() on failure.
    bool open(const QString &path, int linkType, int snapLength, const QString &interface);
    // Appends one packet: `captured` bytes of `data`, `length` on the wire, at `time`.
    bool write(TimeNs time, const std::uint8_t *data, std::uint32_t captured, std::uint32_t length);
    // Flushes and closes; false with error() when the last bytes could not be written.
    bool close();

    qint64 size() const { return m_size; }
    QString error() const;

private:
    bool writeBlock(std::uint32_t type, const QByteArray &body);

    QFile m_file;
    qint64 m_size = 0;
};

} // namespace tideline
