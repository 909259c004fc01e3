#pragma once

#include "capture/captureformat.h"
#include "common/diagnostic.h"
#include "common/timeutil.h"

#include <QString>
#include <optional>
#include <vector>

namespace tideline {

// What reading a capture found, beside the packets themselves: what `summarize` prints and
// what the workbench shows about a loaded file. Counts are per packet record.
struct CaptureSummary
{
    struct LinkType
    {
        int dlt = 0;
        QString name; // libpcap's name ("EN10MB", "LINUX_SLL"), or "DLT <n>" when it has none
        qint64 packets = 0;
    };

    QString file;
    CaptureFileType type;
    std::vector<LinkType> linkTypes;
    qint64 packets = 0;
    qint64 bytes = 0;         // sum of wire lengths
    qint64 capturedBytes = 0; // sum of captured lengths
    qint64 decoded = 0;       // Packet::Decode::Ok
    qint64 undecoded = 0;
    qint64 malformed = 0;
    TimeNs first = 0; // earliest and latest timestamp (files can go back in time); valid when
    TimeNs last = 0;  // packets > 0
    qint64 backwardTimestamps = 0; // packets stamped earlier than the packet before them
    Diagnostics warnings;
    std::optional<Diagnostic> error; // the file could not be read at all
    bool cancelled = false;

    TimeNs duration() const { return timeBetween(first, last); }
};

} // namespace tideline
