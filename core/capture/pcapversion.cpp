#include "pcapversion.h"

#include <pcap/pcap.h>

namespace tideline {

QString libpcapVersion()
{
    return QString::fromLatin1(pcap_lib_version());
}

} // namespace tideline
