#pragma once

#include "capture/capturesummary.h"
#include "capture/packet.h"
#include "common/progress.h"

#include <QString>

namespace tideline {

// Reads a pcap or pcapng file with libpcap (whatever its name says), decodes every packet and
// hands it to `sink` in file order; `sink` may be null when only the summary is wanted.
// Timestamps come in nanoseconds whatever the file's resolution. A file libpcap refuses gives
// `error`; a damaged or truncated one keeps every packet before the damage and a warning naming
// the packet and byte offset. Progress: fraction of the file's bytes, items = packets.
CaptureSummary readCapture(const QString &path, PacketSink *sink,
                           const ProgressCallback &progress = {});

} // namespace tideline
