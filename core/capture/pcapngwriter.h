#pragma once

#include "capture/capturewriter.h"

#include <cstdio>
#include <vector>

namespace tideline {

// A minimal pcapng writer: one Section Header Block, one Interface Description Block, then an
// Enhanced Packet Block per frame, all little-endian so the bytes are the same on every machine.
// The sample scenario writes Ethernet with microsecond times; a live capture's ring its
// interface's link type and name with nanosecond times.
class PcapngWriter : public CaptureWriter
{
public:
    struct Interface
    {
        int linkType = 1; // LINKTYPE_ETHERNET
        int snapLength = 65535;
        bool nanoseconds = false; // else microseconds
        QByteArray name;          // if_name; none when empty
        QByteArray application = QByteArrayLiteral("Tideline sample scenario");
    };

    // Takes over `file` (and the buffer it was given with setvbuf) and writes the header blocks.
    PcapngWriter(std::FILE *file, std::unique_ptr<char[]> buffer, const Interface &interface);
    ~PcapngWriter() override;

    void write(TimeNs time, std::span<const std::uint8_t> frame) override;
    // A frame cut to `frame` by the snap length, `wireLength` bytes on the wire.
    void write(TimeNs time, std::span<const std::uint8_t> frame, std::uint32_t wireLength);
    // Bytes written so far, blocks and all.
    qint64 written() const { return m_written; }
    bool failed() const override;
    std::optional<QString> finish() override;

private:
    void put(const std::vector<std::uint8_t> &block);

    std::FILE *m_file;
    std::unique_ptr<char[]> m_buffer;
    int m_error = 0; // errno of the first failed write
    bool m_nanoseconds = false;
    qint64 m_written = 0;
};

} // namespace tideline
