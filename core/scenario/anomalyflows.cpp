#include "anomalyflows.h"

#include "common/portablerandom.h"
#include "scenario/payloads.h"
#include "scenario/scenarionetwork.h"
#include "scenario/tcpplanner.h"

#include <algorithm>
#include <array>

namespace tideline {

namespace {

constexpr std::string_view kAmplifiedName = "txt-heavy.dnsamp.example";
constexpr std::array<std::uint16_t, 3> kOpenPorts{22, 80, 443};
constexpr std::array<std::uint16_t, 4> kFloodWindows{512, 1024, 5840, 64240};

TimeNs nextArrival(PortableRandom &random, TimeNs t, double perSecond)
{
    return t + std::max<TimeNs>(1, TimeNs(random.exponential(1.0 / perSecond) * 1e9));
}

} // namespace

SynFloodFlow::SynFloodFlow(int owner, const Endpoint &target, TimeNs start, TimeNs end,
                           double packetsPerSecond)
    : ScenarioFlow(owner)
    , m_target(target)
    , m_time(start)
    , m_end(end)
    , m_packetsPerSecond(packetsPerSecond)
{}

void SynFloodFlow::step(FlowContext &context)
{
    PortableRandom &random = context.random();
    const IpAddress source = context.network().randomPublicIpv4(random);
    const std::uint64_t bits = random.next();
    PacketBuilder &builder = context.builder();
    builder.begin({context.network().routerMac(), m_target.mac, 0}, source, m_target.address,
                  ipproto::Tcp, std::uint8_t(30 + bits % 200), std::uint32_t(bits >> 8));
    TcpHeader header;
    header.sourcePort = std::uint16_t(1024 + (bits >> 24) % 64512);
    header.destinationPort = m_target.port;
    header.seq = std::uint32_t(bits >> 32);
    header.flags = tcpflag::Syn;
    header.window = kFloodWindows[(bits >> 40) % kFloodWindows.size()];
    builder.tcp(header);
    context.emitFrame(m_time, owner(), builder.finish());
    m_time = nextArrival(random, m_time, m_packetsPerSecond);
}

PortScanFlow::PortScanFlow(int owner, const Endpoint &scanner, const Endpoint &target, TimeNs start,
                           TimeNs end, double probesPerSecond, TimeNs rtt, std::uint16_t firstPort)
    : ScenarioFlow(owner)
    , m_scanner(scanner)
    , m_target(target)
    , m_time(start)
    , m_end(end)
    , m_probesPerSecond(probesPerSecond)
    , m_rtt(rtt)
    , m_firstPort(firstPort)
{}

void PortScanFlow::step(FlowContext &context)
{
    PortableRandom &random = context.random();
    // Stepping by a number coprime to 65535 visits every port once, in a scrambled order.
    const auto port = std::uint16_t(1 + (m_firstPort + std::uint64_t(m_probe++) * 7919) % 65535);
    const bool open = std::find(kOpenPorts.begin(), kOpenPorts.end(), port) != kOpenPorts.end();

    std::vector<TcpStep> steps;
    TcpStep syn;
    syn.time = m_time;
    syn.seq = std::uint32_t(random.next());
    syn.flags = tcpflag::Syn;
    syn.options = TcpOptions::Mss;
    syn.window = 1024;
    steps.push_back(syn);
    TcpStep answer;
    answer.time = m_time + random.between(20 * kNsPerUs, 150 * kNsPerUs);
    answer.fromClient = false;
    answer.ack = syn.seq + 1;
    if (open) {
        answer.seq = std::uint32_t(random.next());
        answer.flags = tcpflag::Syn | tcpflag::Ack;
        answer.options = TcpOptions::Mss;
        answer.window = 65160;
        steps.push_back(answer);
        TcpStep reset; // the scanner never completes the handshake
        reset.time = answer.time + m_rtt;
        reset.seq = syn.seq + 1;
        reset.flags = tcpflag::Rst;
        steps.push_back(reset);
    } else {
        answer.flags = tcpflag::Rst | tcpflag::Ack;
        steps.push_back(answer);
    }
    std::erase_if(steps, [&](const TcpStep &s) { return s.time >= m_end; });

    Endpoint target = m_target;
    target.port = port;
    context.spawn(std::make_unique<TcpFlow>(owner(), m_scanner, target, std::uint16_t(0),
                                            std::string_view(), std::move(steps), random.next()));
    m_time = nextArrival(random, m_time, m_probesPerSecond);
}

AmplificationFlow::AmplificationFlow(int owner, const Endpoint &victim,
                                     std::vector<IpAddress> reflectors, TimeNs start, TimeNs end,
                                     double packetsPerSecond)
    : ScenarioFlow(owner)
    , m_victim(victim)
    , m_reflectors(std::move(reflectors))
    , m_time(start)
    , m_end(end)
    , m_packetsPerSecond(packetsPerSecond)
{}

void AmplificationFlow::step(FlowContext &context)
{
    PortableRandom &random = context.random();
    const IpAddress &reflector = m_reflectors[random.below(m_reflectors.size())];
    const bool dns = random.chance(0.75);
    const std::uint64_t bits = random.next();
    const auto ttl = std::uint8_t(60 - reflector.bytes[3] % 24);
    PacketBuilder &builder = context.builder();
    builder.begin({context.network().routerMac(), m_victim.mac, 0}, reflector, m_victim.address,
                  ipproto::Udp, ttl, std::uint32_t(bits));
    builder.udp(dns ? 53 : 123, std::uint16_t(1024 + (bits >> 16) % 64512));
    if (dns) {
        // Up to 1472 bytes: the largest answer that still fits a 1500-byte MTU unfragmented.
        const std::size_t size = 1100 + std::size_t((bits >> 32) % 373);
        payloads::writeDnsAnyResponse(builder.payload(size), std::uint16_t(bits >> 48),
                                      kAmplifiedName, bits);
    } else {
        payloads::writeNtpMonlist(builder.payload(payloads::kNtpMonlistLength),
                                  std::uint8_t(m_sent), bits);
    }
    ++m_sent;
    context.emitFrame(m_time, owner(), builder.finish());
    m_time = nextArrival(random, m_time, m_packetsPerSecond);
}

ExfiltrationFlow::ExfiltrationFlow(int owner, const Endpoint &client, const Endpoint &server,
                                   std::uint16_t vlan, TimeNs start, TimeNs end,
                                   double bytesPerSecond, TimeNs rtt)
    : ScenarioFlow(owner)
    , m_client(client)
    , m_server(server)
    , m_vlan(vlan)
    , m_time(start)
    , m_end(end)
    , m_bytesPerSecond(bytesPerSecond)
    , m_rtt(rtt)
{}

void ExfiltrationFlow::step(FlowContext &context)
{
    PortableRandom &random = context.random();
    const TimeNs connectionEnd =
        std::min(m_time + random.between(45, 75) * kNsPerSecond, m_end - kNsPerSecond);

    TcpConversation c;
    c.client = m_client;
    c.client.port = std::uint16_t(32768 + random.below(28232));
    c.server = m_server;
    c.start = m_time;
    c.rtt = m_rtt;
    c.clientBitsPerSecond = 4e6;
    c.serverBitsPerSecond = 20e6;
    c.deadline = m_end;
    c.closeGap = random.between(200 * kNsPerMs, kNsPerSecond);

    TcpExchange hello;
    hello.gapBefore = random.between(50 * kNsPerUs, kNsPerMs);
    hello.requestBytes = std::uint32_t(517 + random.below(300));
    hello.responseBytes = std::uint32_t(3000 + random.below(1500));
    c.exchanges.push_back(hello);
    // A chunk about every four seconds, whatever the rate: steady, never a burst.
    TimeNs t = m_time + 3 * m_rtt;
    while (t < connectionEnd - 2 * kNsPerSecond) {
        TcpExchange chunk;
        const double bytes =
            std::clamp(m_bytesPerSecond * 4.0 * random.uniform(0.7, 1.3), 8e3, 4e6);
        const double interval = bytes / m_bytesPerSecond;
        const double upload = bytes * 8.0 * 1.25 / c.clientBitsPerSecond;
        chunk.gapBefore = TimeNs(std::max(interval - upload, 0.05) * 1e9);
        chunk.requestBytes = std::uint32_t(bytes);
        chunk.responseBytes = std::uint32_t(100 + random.below(200));
        chunk.serverDelay = random.between(2 * kNsPerMs, 20 * kNsPerMs);
        c.exchanges.push_back(chunk);
        t += chunk.gapBefore + TimeNs(upload * 1e9) + m_rtt + chunk.serverDelay;
    }
    const std::uint64_t salt = random.next();
    context.spawn(std::make_unique<TcpFlow>(owner(), c.client, c.server, m_vlan, std::string_view(),
                                            planTcp(random, c), salt));
    m_time = std::max(t, connectionEnd) + random.between(kNsPerSecond, 4 * kNsPerSecond);
}

} // namespace tideline
