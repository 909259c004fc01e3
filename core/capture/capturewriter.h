#pragma once

#include "capture/captureformat.h"
#include "common/timeutil.h"

#include <QString>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>

namespace tideline {

// A file opened for writing with a buffer of its own (setvbuf), or no file and `error` saying
// why it could not be created.
struct BufferedFile
{
    std::FILE *file = nullptr;
    std::unique_ptr<char[]> buffer;
};
BufferedFile openBuffered(const QString &path, QString &error);

// Writes Ethernet frames with microsecond timestamps to a capture file: pcap through libpcap's
// dump API, pcapng (which libpcap 1.10 cannot write) through our own writer.
class CaptureWriter
{
public:
    virtual ~CaptureWriter() = default;

    // The writer, or nullptr with `error` saying why the file cannot be created.
    static std::unique_ptr<CaptureWriter> create(const QString &path, CaptureFormat format,
                                                 QString &error);

    virtual void write(TimeNs time, std::span<const std::uint8_t> frame) = 0;
    // True once a write has failed (a full disk…); finish() then says why.
    virtual bool failed() const = 0;
    // Flushes and closes the file; the reason when anything could not be written.
    virtual std::optional<QString> finish() = 0;
};

} // namespace tideline
