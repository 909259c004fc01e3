#include "scenarionetwork.h"

#include "common/portablerandom.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tideline {

namespace {

constexpr std::array<std::array<std::uint8_t, 3>, 8> kVendorPrefixes{{{0x3c, 0xec, 0xef},
                                                                      {0xf8, 0x75, 0xa4},
                                                                      {0xa4, 0x83, 0xe7},
                                                                      {0x00, 0x50, 0x56},
                                                                      {0xdc, 0xa6, 0x32},
                                                                      {0x48, 0x21, 0x0b},
                                                                      {0x8c, 0x16, 0x45},
                                                                      {0x00, 0x1b, 0x21}}};

// Prefixes of large hosting and CDN networks, for the IPv6 servers.
constexpr std::array<std::array<std::uint8_t, 6>, 5> kIpv6Prefixes{{
    {0x2a, 0x00, 0x14, 0x50, 0x40, 0x01},
    {0x26, 0x06, 0x47, 0x00, 0x30, 0x30},
    {0x26, 0x20, 0x01, 0xec, 0x00, 0x21},
    {0x2a, 0x03, 0x28, 0x80, 0xf1, 0x2c},
    {0x26, 0x00, 0x90, 0x00, 0x22, 0x4b},
}};

constexpr std::array<const char *, 24> kSubdomains{
    "www",       "api",   "cdn",  "static", "img",   "login", "auth",   "updates",
    "telemetry", "mail",  "chat", "media",  "files", "sync",  "assets", "edge",
    "push",      "video", "maps", "news",   "shop",  "docs",  "status", "metrics"};
constexpr std::array<const char *, 20> kSyllables{"lu",  "mo",  "ra",  "ne",  "ta",  "vi",  "zo",
                                                  "ka",  "pe",  "fli", "qua", "bel", "dor", "fin",
                                                  "gra", "hex", "jun", "kel", "sor", "tem"};
constexpr std::array<const char *, 8> kTopLevel{"com",   "net", "org", "io",
                                                "cloud", "dev", "de",  "co.uk"};

// Service ports of Internet servers and how common they are.
constexpr std::array<std::pair<std::uint16_t, int>, 7> kServerPorts{
    {{443, 720}, {80, 120}, {993, 40}, {8443, 30}, {8080, 30}, {22, 30}, {5223, 30}}};

IpAddress ipv4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
{
    IpAddress address;
    address.version = 4;
    address.bytes[0] = a;
    address.bytes[1] = b;
    address.bytes[2] = c;
    address.bytes[3] = d;
    return address;
}

MacAddress randomMac(PortableRandom &random)
{
    const auto &prefix = kVendorPrefixes[random.below(kVendorPrefixes.size())];
    const std::uint64_t r = random.next();
    return {prefix[0],
            prefix[1],
            prefix[2],
            std::uint8_t(r),
            std::uint8_t(r >> 8),
            std::uint8_t(r >> 16)};
}

bool isPublicFirstOctet(int octet)
{
    // Skip this network, loopback, private, shared, link-local, the documentation and
    // benchmarking blocks' /8s, and multicast and beyond.
    switch (octet) {
    case 0:
    case 10:
    case 100:
    case 127:
    case 169:
    case 172:
    case 192:
    case 198:
    case 203:
        return false;
    default:
        return octet >= 1 && octet < 224;
    }
}

std::string randomDomain(PortableRandom &random)
{
    std::string name;
    const int syllables = int(random.between(2, 3));
    for (int i = 0; i < syllables; ++i)
        name += kSyllables[random.below(kSyllables.size())];
    name += '.';
    name += kTopLevel[random.below(kTopLevel.size())];
    return name;
}

} // namespace

ScenarioNetwork::ScenarioNetwork(PortableRandom &random)
{
    m_routerMac = {0x00, 0x1b, 0x17, 0x00, 0x01, 0x01};
    for (int i = 0; i < kReservedCount; ++i)
        m_reserved.push_back(randomPublicIpv4(random));

    m_resolver = makeHost(random, 0, 53);
    m_resolver.windows = false;
    m_webServer = makeHost(random, 10, 5);
    m_mailServer = makeHost(random, 10, 25);
    m_sshServer = makeHost(random, 10, 22);
    for (InternalHost *server : {&m_resolver, &m_webServer, &m_mailServer, &m_sshServer}) {
        server->windows = false;
        server->vlan = 0;
    }

    const int clientCount = 50 + int(random.below(151));
    std::vector<bool> used(4 * 256, false);
    double total = 0.0;
    while (int(m_clients.size()) < clientCount) {
        const auto subnet = std::uint8_t(1 + random.below(4));
        const auto host = std::uint8_t(10 + random.below(240));
        const std::size_t slot = std::size_t(subnet - 1) * 256 + host;
        if (used[slot])
            continue;
        used[slot] = true;
        m_clients.push_back(makeHost(random, subnet, host));
        total += random.logNormal(1.0, 1.2);
        m_clientWeights.push_back(total);
    }

    std::vector<std::string> domains(120);
    for (std::string &domain : domains)
        domain = randomDomain(random);
    const int servers4 = 800 + int(random.below(1200));
    for (int i = 0; i < servers4; ++i)
        m_servers4.push_back(makeServer(random, false, domains));
    const int servers6 = 150 + int(random.below(250));
    for (int i = 0; i < servers6; ++i)
        m_servers6.push_back(makeServer(random, true, domains));
}

InternalHost ScenarioNetwork::makeHost(PortableRandom &random, std::uint8_t subnet,
                                       std::uint8_t host) const
{
    InternalHost h;
    h.ipv4 = ipv4(10, 0, subnet, host);
    h.mac = randomMac(random);
    h.vlan = subnet == 4 ? 40 : 0;
    h.windows = random.chance(0.4);
    h.clockOffset = std::uint32_t(random.next());
    if (random.chance(0.3)) {
        h.ipv6.version = 6;
        const std::array<std::uint8_t, 8> prefix{0x20, 0x01, 0x0d, 0xb8, 0x00, 0x10, 0x00, subnet};
        std::copy(prefix.begin(), prefix.end(), h.ipv6.bytes.begin());
        const std::uint64_t iid = random.next();
        for (std::size_t b = 0; b < 8; ++b)
            h.ipv6.bytes[8 + b] = std::uint8_t(iid >> (8 * b));
    }
    return h;
}

RemoteServer ScenarioNetwork::makeServer(PortableRandom &random, bool ipv6,
                                         const std::vector<std::string> &domains) const
{
    RemoteServer s;
    if (ipv6) {
        s.address.version = 6;
        const auto &prefix = kIpv6Prefixes[random.below(kIpv6Prefixes.size())];
        std::copy(prefix.begin(), prefix.end(), s.address.bytes.begin());
        const std::uint64_t r = random.next();
        s.address.bytes[6] = std::uint8_t(r);
        s.address.bytes[7] = std::uint8_t(r >> 8);
        s.address.bytes[15] = std::uint8_t(1 + random.below(254));
        s.address.bytes[14] = std::uint8_t(r >> 16);
    } else {
        s.address = randomPublicIpv4(random);
    }
    int pick = int(random.below(1000));
    for (const auto &[port, share] : kServerPorts) {
        s.port = port;
        if ((pick -= share) < 0)
            break;
    }
    const std::string &domain = domains[random.below(domains.size())];
    s.name = std::string(kSubdomains[random.below(kSubdomains.size())]) + '.' + domain;
    s.rtt = std::clamp(TimeNs(random.logNormal(25.0, 0.8) * double(kNsPerMs)), kNsPerMs,
                       400 * kNsPerMs);
    s.windows = random.chance(0.2);
    const int initialTtl = s.windows ? 128 : (random.chance(0.85) ? 64 : 255);
    s.ttl = std::uint8_t(initialTtl - random.between(6, 24));
    return s;
}

const InternalHost &ScenarioNetwork::pickClient(PortableRandom &random) const
{
    const double target = random.uniform() * m_clientWeights.back();
    const auto it = std::upper_bound(m_clientWeights.begin(), m_clientWeights.end(), target);
    const std::size_t index =
        std::min(std::size_t(it - m_clientWeights.begin()), m_clients.size() - 1);
    return m_clients[index];
}

const RemoteServer &ScenarioNetwork::pickServer(PortableRandom &random, bool ipv6) const
{
    const std::vector<RemoteServer> &servers = ipv6 ? m_servers6 : m_servers4;
    // P(index < k) = (k/n)^(1/3): the top 1% of servers get a fifth of the connections.
    const double u = random.uniform();
    const std::size_t index =
        std::min(std::size_t(double(servers.size()) * u * u * u), servers.size() - 1);
    return servers[index];
}

IpAddress ScenarioNetwork::randomPublicIpv4(PortableRandom &random) const
{
    for (;;) {
        const std::uint64_t r = random.next();
        const int first = int(r % 224);
        if (!isPublicFirstOctet(first))
            continue;
        const IpAddress address = ipv4(std::uint8_t(first), std::uint8_t(r >> 8),
                                       std::uint8_t(r >> 16), std::uint8_t(1 + (r >> 24) % 254));
        if (std::find(m_reserved.begin(), m_reserved.end(), address) == m_reserved.end())
            return address;
    }
}

Endpoint ScenarioNetwork::local(const InternalHost &host, bool ipv6, std::uint16_t port) const
{
    Endpoint e;
    e.address = ipv6 && host.ipv6.isValid() ? host.ipv6 : host.ipv4;
    e.mac = host.mac;
    e.port = port;
    e.ttl = host.windows ? 128 : 64;
    e.nearCapture = true;
    e.windows = host.windows;
    e.window = host.windows ? 1026 : 502;
    e.clockOffset = host.clockOffset;
    return e;
}

Endpoint ScenarioNetwork::remote(const RemoteServer &server) const
{
    Endpoint e;
    e.address = server.address;
    e.mac = m_routerMac;
    e.port = server.port;
    e.ttl = server.ttl;
    e.nearCapture = false;
    e.windows = server.windows;
    e.window = server.windows ? 1026 : 501;
    e.clockOffset = std::uint32_t(server.rtt * 2654435761u);
    return e;
}

Endpoint ScenarioNetwork::remoteHost(const IpAddress &address, std::uint16_t port,
                                     PortableRandom &random) const
{
    Endpoint e;
    e.address = address;
    e.mac = m_routerMac;
    e.port = port;
    e.windows = random.chance(0.5);
    e.ttl = std::uint8_t((e.windows ? 128 : 64) - random.between(8, 26));
    e.nearCapture = false;
    e.window = e.windows ? 1026 : 502;
    e.clockOffset = std::uint32_t(random.next());
    return e;
}

} // namespace tideline
