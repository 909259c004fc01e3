#pragma once

#include <QString>

namespace tideline {

// The libpcap build in use, as it names itself ("libpcap version 1.10.3 (with TPACKET_V3)").
QString libpcapVersion();

} // namespace tideline
