#pragma once

#include "scenario/capturewriter.h"

#include <cstdio>
#include <vector>

namespace tideline {

// A minimal pcapng writer: one Section Header Block, one Ethernet Interface Description Block
// with microsecond resolution, then an Enhanced Packet Block per frame, all little-endian so the
// bytes are the same on every machine.
class PcapngWriter : public CaptureWriter
{
public:
    // Takes over `file` (and the buffer it was given with setvbuf) and writes the header blocks.
    PcapngWriter(std::FILE *file, std::unique_ptr<char[]> buffer, int snapLength);
    ~PcapngWriter() override;

    void write(TimeNs time, std::span<const std::uint8_t> frame) override;
    bool failed() const override;
    std::optional<QString> finish() override;

private:
    void put(const std::vector<std::uint8_t> &block);

    std::FILE *m_file;
    std::unique_ptr<char[]> m_buffer;
    int m_error = 0; // errno of the first failed write
};

} // namespace tideline
