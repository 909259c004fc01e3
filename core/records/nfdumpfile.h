#pragma once

#include "common/progress.h"
#include "tabletext.h"

#include <QString>
#include <string_view>

namespace tideline {

// An nfcapd file (NetFlow / IPFIX collected by nfdump's nfcapd), recognised by its magic
// number 0xA50C and layout version (1: nfdump 1.6, 2: nfdump 1.7) in either byte order,
// whatever its name.
bool looksLikeNfcapd(std::string_view bytes);

// Reads the nfcapd file at `path` through Debian's `nfdump` binary (no library is packaged):
// its JSON output, read by member name with TZ=UTC so that its times are UTC, becomes a flow
// table (TableText, syntax "nfdump") with the columns first_seen, last_seen, src_addr,
// dst_addr, src_port, dst_port, proto, in_pkts, in_bytes, out_pkts, out_bytes, tcp_flags and
// src2dst_syn_packets (the packets of a record whose flags have SYN without ACK). Its rows are
// numbered by flow; flows without a time (first seen 0) are left out, counted in a warning. A
// missing nfdump, a silent or failing one (with its stderr) and a stop asked through `progress` are
// errors naming the file.
TableText readNfcapd(const QString &path, const ProgressCallback &progress = {});

} // namespace tideline
