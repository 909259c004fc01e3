#include "addressparse.h"

#include "numberparse.h"

#include <arpa/inet.h>
#include <cstring>
#include <string>

namespace tideline {

int parseAddress(std::string_view text, std::array<std::uint8_t, 16> &bytes)
{
    text = trimField(text);
    // The longest IPv6 text, an IPv4 tail included, is 45 characters.
    if (text.empty() || text.size() > 45)
        return 0;
    const std::string copy(text);
    bytes.fill(0);
    if (text.find(':') == std::string_view::npos)
        return inet_pton(AF_INET, copy.c_str(), bytes.data()) == 1 ? 4 : 0;
    return inet_pton(AF_INET6, copy.c_str(), bytes.data()) == 1 ? 6 : 0;
}

} // namespace tideline
