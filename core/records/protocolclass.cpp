#include "protocolclass.h"

#include "numberparse.h"

#include <algorithm>
#include <array>
#include <string>

namespace tideline {

namespace {

// Wireshark dissector names (lower case) and the transport they run over. Prefix entries end
// in '*' ("tlsv1.2", "sshv2", "http/json").
constexpr std::array<std::string_view, 36> kTcpNames{
    "tcp",   "http*", "tls*",   "ssl*",  "ssh*", "ftp",   "ftp-data", "smtp",   "imap",
    "pop",   "pop3",  "telnet", "bgp",   "smb*", "nbss",  "ldap",     "mysql",  "pgsql",
    "tds",   "rdp",   "irc",    "xmpp*", "rtsp", "vnc",   "x11",      "dcerpc", "websocket",
    "imaps", "smpp",  "mongo",  "redis", "resp", "kafka", "amqp",     "mqtt",   "jabber"};
constexpr std::array<std::string_view, 32> kUdpNames{
    "udp",    "dns",    "mdns",  "llmnr", "nbns",   "nbdgm",  "browser",   "ssdp",
    "dhcp",   "dhcpv6", "bootp", "ntp",   "snmp",   "syslog", "tftp",      "rtp",
    "rtcp",   "stun",   "quic",  "gquic", "isakmp", "cldap",  "coap",      "cflow",
    "radius", "l2tp",   "rip",   "ripng", "vxlan",  "gtp*",   "wireguard", "openvpn"};

template <std::size_t N>
bool matches(const std::array<std::string_view, N> &names, std::string_view key)
{
    return std::any_of(names.begin(), names.end(), [&](std::string_view name) {
        if (name.back() == '*')
            return key.substr(0, name.size() - 1) == name.substr(0, name.size() - 1);
        return key == name;
    });
}

} // namespace

ProtocolClass classifyProtocol(std::string_view text)
{
    text = trimField(text);
    if (const std::optional<double> number = parseNumber(text)) {
        if (*number == 6)
            return ProtocolClass::Tcp;
        if (*number == 17)
            return ProtocolClass::Udp;
        if (*number == 1 || *number == 58)
            return ProtocolClass::Icmp;
        return ProtocolClass::Other;
    }
    std::string key(text);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    if (key == "icmp" || key == "icmpv6")
        return ProtocolClass::Icmp;
    if (matches(kTcpNames, key))
        return ProtocolClass::Tcp;
    if (matches(kUdpNames, key))
        return ProtocolClass::Udp;
    return ProtocolClass::Other;
}

} // namespace tideline
