#pragma once

#include "scenario/scenarioflow.h"

#include <string>
#include <vector>

namespace tideline {

class PortableRandom;

// A machine on the local network, where the capture is taken.
struct InternalHost
{
    IpAddress ipv4;
    IpAddress ipv6; // invalid when the host has no IPv6
    MacAddress mac{};
    std::uint16_t vlan = 0;
    bool windows = false;
    std::uint32_t clockOffset = 0;
};

// A server on the Internet, with the name DNS gives it and how far away it is.
struct RemoteServer
{
    IpAddress address;
    std::uint16_t port = 443;
    std::string name;
    TimeNs rtt = 0;
    std::uint8_t ttl = 50; // as it arrives at the capture point
    bool windows = false;
};

// The simulated site: 50–200 clients in 10.0.1–4.0/24 (10.0.4.0/24 behind VLAN 40), a few
// servers, a resolver, a router, and a few thousand Internet servers of uneven popularity.
class ScenarioNetwork
{
public:
    explicit ScenarioNetwork(PortableRandom &random);

    // A client, the busy ones more often.
    const InternalHost &pickClient(PortableRandom &random) const;
    // An Internet server, the popular ones far more often.
    const RemoteServer &pickServer(PortableRandom &random, bool ipv6) const;

    const InternalHost &resolver() const { return m_resolver; }
    const InternalHost &webServer() const { return m_webServer; }
    const InternalHost &mailServer() const { return m_mailServer; }
    const InternalHost &sshServer() const { return m_sshServer; }
    const MacAddress &routerMac() const { return m_routerMac; }

    // A public IPv4 address that is none of the reserved ones.
    IpAddress randomPublicIpv4(PortableRandom &random) const;
    // Public addresses no background traffic ever uses (attackers, exfiltration servers).
    const IpAddress &reserved(int index) const { return m_reserved[std::size_t(index)]; }
    static constexpr int kReservedCount = 2;

    // A local host as the capture sees it (its own MAC, its initial TTL).
    Endpoint local(const InternalHost &host, bool ipv6, std::uint16_t port) const;
    // An Internet server as the capture sees it (the router's MAC, TTL after the hops).
    Endpoint remote(const RemoteServer &server) const;
    // A random Internet host as a client or attacker, `hops` away.
    Endpoint remoteHost(const IpAddress &address, std::uint16_t port, PortableRandom &random) const;

private:
    InternalHost makeHost(PortableRandom &random, std::uint8_t subnet, std::uint8_t host) const;
    RemoteServer makeServer(PortableRandom &random, bool ipv6,
                            const std::vector<std::string> &domains) const;

    MacAddress m_routerMac{};
    std::vector<IpAddress> m_reserved;
    std::vector<InternalHost> m_clients;
    std::vector<double> m_clientWeights; // cumulative
    InternalHost m_resolver;
    InternalHost m_webServer;
    InternalHost m_mailServer;
    InternalHost m_sshServer;
    std::vector<RemoteServer> m_servers4;
    std::vector<RemoteServer> m_servers6;
};

} // namespace tideline
