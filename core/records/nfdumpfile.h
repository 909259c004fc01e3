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
// its JSON output, with TZ=UTC so that its times are UTC, becomes a flow table (NfdumpJson). A
// missing nfdump, a silent or failing one (with its stderr) are errors naming the file; a stop
// asked through `progress` leaves it cancelled.
TableText readNfcapd(const QString &path, const ProgressCallback &progress = {});

} // namespace tideline
