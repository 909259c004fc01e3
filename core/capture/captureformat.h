#pragma once

#include <QString>

namespace tideline {

enum class CaptureFormat { Unknown, Pcap, PcapNg };

// The resolution the file stores, before libpcap scales every timestamp to nanoseconds.
enum class TimestampPrecision { Unknown, Micro, Nano, Other };

// What the first bytes of a file say: the format from its magic number, and the timestamp
// resolution from that magic (pcap) or the first interface's if_tsresol option (pcapng).
struct CaptureFileType
{
    CaptureFormat format = CaptureFormat::Unknown;
    TimestampPrecision precision = TimestampPrecision::Unknown;
};

// Reads a few bytes; never trusts the file name. Unknown for anything that is not a capture.
CaptureFileType sniffCaptureFile(const QString &path);

// Cheap routing test for loaders: a pcap or pcapng magic number at the start of the file.
bool looksLikeCapture(const QString &path);

// Machine names: "pcap", "pcapng", "unknown"; "micro", "nano", "other", "unknown".
QString formatName(CaptureFormat format);
QString precisionName(TimestampPrecision precision);

} // namespace tideline
