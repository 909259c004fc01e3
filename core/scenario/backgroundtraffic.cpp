#include "backgroundtraffic.h"

#include "common/portablerandom.h"
#include "scenario/payloads.h"
#include "scenario/scenarionetwork.h"
#include "scenario/sshpayloads.h"
#include "scenario/tcpplanner.h"
#include "scenario/udpflows.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace tideline {

namespace {

constexpr std::array<std::string_view, 4> kUnknownNames{
    "wpad.corp.example", "_ldap._tcp.dc._msdcs.corp.example", "printer-3f.corp.example",
    "isatap.corp.example"};
constexpr std::string_view kSiteName = "www.tideline-sample.example";

TimeNs milliseconds(double ms)
{
    return TimeNs(ms * double(kNsPerMs));
}

std::uint16_t ephemeralPort(PortableRandom &random, bool windows)
{
    return windows ? std::uint16_t(49152 + random.below(16384))
                   : std::uint16_t(32768 + random.below(28232));
}

// Mostly small objects, some pages and images, a few downloads. The tail is kept short on
// purpose: one huge transfer would look like an attack in a one-second bin.
std::uint32_t responseBytes(PortableRandom &random)
{
    const double u = random.uniform();
    double bytes = 0;
    if (u < 0.62)
        bytes = std::clamp(random.logNormal(1500, 1.0), 60.0, 30000.0);
    else if (u < 0.96)
        bytes = std::clamp(random.logNormal(10000, 0.7), 2000.0, 80000.0);
    else
        bytes = std::clamp(random.logNormal(50000, 0.6), 20000.0, 200000.0);
    return std::uint32_t(bytes);
}

TcpExchange appExchange(PortableRandom &random, bool first, TcpContent content)
{
    TcpExchange e;
    e.gapBefore = first ? random.between(50 * kNsPerUs, kNsPerMs)
                        : std::min(TimeNs(random.exponential(0.4) * 1e9), 20 * kNsPerSecond);
    e.requestBytes = std::uint32_t(std::clamp(random.logNormal(450, 0.7), 60.0, 16000.0));
    e.responseBytes = responseBytes(random);
    e.requestContent = content;
    e.responseContent = content;
    e.serverDelay = std::min(milliseconds(random.logNormal(8, 1.0)), 500 * kNsPerMs);
    return e;
}

std::vector<TcpExchange> tlsExchanges(PortableRandom &random)
{
    std::vector<TcpExchange> exchanges;
    TcpExchange hello; // ClientHello; ServerHello, certificates
    hello.gapBefore = random.between(50 * kNsPerUs, kNsPerMs);
    hello.requestBytes = std::uint32_t(517 + random.below(1300));
    hello.responseBytes = std::uint32_t(2800 + random.below(3000));
    hello.serverDelay = random.between(200 * kNsPerUs, 5 * kNsPerMs);
    exchanges.push_back(hello);
    TcpExchange finished; // client Finished; session tickets
    finished.gapBefore = random.between(50 * kNsPerUs, kNsPerMs);
    finished.requestBytes = std::uint32_t(64 + random.below(100));
    finished.responseBytes = std::uint32_t(50 + random.below(500));
    exchanges.push_back(finished);
    const int rounds = 1 + int(random.poisson(1.5));
    for (int i = 0; i < rounds; ++i)
        exchanges.push_back(appExchange(random, i == 0, TcpContent::Tls));
    return exchanges;
}

std::vector<TcpExchange> httpExchanges(PortableRandom &random, std::string_view host)
{
    std::vector<TcpExchange> exchanges;
    const int rounds = 1 + int(random.poisson(1.2));
    for (int i = 0; i < rounds; ++i) {
        TcpExchange e = appExchange(random, i == 0, TcpContent::HttpRequest);
        e.requestBytes = std::uint32_t(payloads::httpRequestMinimum(host) + random.below(500));
        e.responseBytes = std::max<std::uint32_t>(e.responseBytes, payloads::kHttpResponseMinimum);
        e.responseContent = TcpContent::HttpResponse;
        exchanges.push_back(e);
    }
    return exchanges;
}

std::vector<TcpExchange> sshExchanges(PortableRandom &random)
{
    using payloads::sshLength;
    using payloads::SshMessage;
    std::vector<TcpExchange> exchanges;
    auto handshake = [&](SshMessage request, TcpContent requestContent, SshMessage response,
                         TcpContent responseContent) {
        TcpExchange e;
        e.gapBefore = random.between(50 * kNsPerUs, kNsPerMs);
        e.requestBytes = std::uint32_t(sshLength(request, true));
        e.responseBytes = std::uint32_t(sshLength(response, false));
        e.requestContent = requestContent;
        e.responseContent = responseContent;
        e.serverDelay = random.between(kNsPerMs, 8 * kNsPerMs);
        exchanges.push_back(e);
    };
    handshake(SshMessage::Banner, TcpContent::SshBanner, SshMessage::Banner, TcpContent::SshBanner);
    handshake(SshMessage::KexInit, TcpContent::SshKexInit, SshMessage::KexInit,
              TcpContent::SshKexInit);
    handshake(SshMessage::EcdhInit, TcpContent::SshEcdhInit, SshMessage::EcdhReplyAndNewKeys,
              TcpContent::SshEcdhReply);
    TcpExchange newKeys; // the client's NEWKEYS; from here on everything is encrypted
    newKeys.gapBefore = random.between(50 * kNsPerUs, kNsPerMs);
    newKeys.requestBytes = std::uint32_t(sshLength(SshMessage::NewKeys, true));
    newKeys.requestContent = TcpContent::SshNewKeys;
    exchanges.push_back(newKeys);
    const int keystrokes = 5 + int(random.poisson(20));
    for (int i = 0; i < keystrokes; ++i) {
        TcpExchange e;
        e.gapBefore = std::min(TimeNs(random.exponential(0.8) * 1e9), 10 * kNsPerSecond);
        e.requestBytes = std::uint32_t(36 + 16 * random.below(5));
        e.responseBytes = std::uint32_t(36 + 16 * random.below(40));
        e.requestContent = e.responseContent = TcpContent::Opaque;
        e.serverDelay = random.between(100 * kNsPerUs, 2 * kNsPerMs);
        exchanges.push_back(e);
    }
    return exchanges;
}

std::vector<TcpExchange> exchangesFor(PortableRandom &random, std::uint16_t port,
                                      std::string_view host)
{
    switch (port) {
    case 80:
    case 8080:
        return httpExchanges(random, host);
    case 22:
        return sshExchanges(random);
    default:
        return tlsExchanges(random);
    }
}

void finishConversation(PortableRandom &random, TcpConversation &c)
{
    c.clientBitsPerSecond = std::clamp(random.logNormal(20e6, 0.7), 1e6, 300e6);
    c.serverBitsPerSecond = std::clamp(random.logNormal(30e6, 0.8), 1e6, 300e6);
    c.close = random.chance(0.07) ? TcpConversation::Close::Reset : TcpConversation::Close::Fin;
    c.closeGap = std::min(TimeNs(random.exponential(2.0) * 1e9), 30 * kNsPerSecond);
}

void outboundConnection(PortableRandom &random, const ScenarioNetwork &network, TimeNs t,
                        std::vector<std::unique_ptr<ScenarioFlow>> &flows)
{
    const InternalHost &client = network.pickClient(random);
    const bool ipv6 = client.ipv6.isValid() && random.chance(0.4);
    const RemoteServer &server = network.pickServer(random, ipv6);
    if (random.chance(0.5)) { // look the name up first
        const TimeNs delay = random.chance(0.7) ? random.between(150 * kNsPerUs, 1500 * kNsPerUs)
                                                : milliseconds(random.logNormal(25, 0.7));
        const auto id = std::uint16_t(random.next());
        const std::uint16_t port = ephemeralPort(random, client.windows);
        flows.push_back(
            std::make_unique<DnsFlow>(ScenarioFlow::kBackground, network.local(client, false, port),
                                      network.local(network.resolver(), false, 53), client.vlan,
                                      server.name, &server.address, t, delay, id));
        t += delay + random.between(100 * kNsPerUs, 3 * kNsPerMs);
    }
    TcpConversation c;
    c.client = network.local(client, ipv6, ephemeralPort(random, client.windows));
    c.server = network.remote(server);
    c.start = t;
    c.rtt = server.rtt;
    c.exchanges = exchangesFor(random, server.port, server.name);
    finishConversation(random, c);
    const std::uint64_t salt = random.next();
    flows.push_back(std::make_unique<TcpFlow>(ScenarioFlow::kBackground, c.client, c.server,
                                              client.vlan, server.name, planTcp(random, c), salt));
}

void inboundConnection(PortableRandom &random, const ScenarioNetwork &network, TimeNs t,
                       std::vector<std::unique_ptr<ScenarioFlow>> &flows)
{
    const double u = random.uniform();
    const InternalHost &host = u < 0.6    ? network.webServer()
                               : u < 0.85 ? network.mailServer()
                                          : network.sshServer();
    std::uint16_t port = 22;
    if (&host == &network.webServer())
        port = random.chance(0.8) ? 443 : 80;
    else if (&host == &network.mailServer())
        port = random.chance(0.7) ? 993 : 443;
    TcpConversation c;
    c.client = network.remoteHost(network.randomPublicIpv4(random), 0, random);
    c.client.port = ephemeralPort(random, c.client.windows);
    c.server = network.local(host, false, port);
    c.start = t;
    c.rtt = std::clamp(milliseconds(random.logNormal(40, 0.6)), 2 * kNsPerMs, 400 * kNsPerMs);
    c.exchanges = exchangesFor(random, port, kSiteName);
    finishConversation(random, c);
    const std::uint64_t salt = random.next();
    flows.push_back(std::make_unique<TcpFlow>(ScenarioFlow::kBackground, c.client, c.server,
                                              host.vlan, kSiteName, planTcp(random, c), salt));
}

void lookup(PortableRandom &random, const ScenarioNetwork &network, TimeNs t,
            std::vector<std::unique_ptr<ScenarioFlow>> &flows)
{
    const InternalHost &client = network.pickClient(random);
    const Endpoint resolver = network.local(network.resolver(), false, 53);
    const Endpoint local = network.local(client, false, ephemeralPort(random, client.windows));
    const auto id = std::uint16_t(random.next());
    if (random.chance(0.04)) {
        const std::string_view name = kUnknownNames[random.below(kUnknownNames.size())];
        flows.push_back(std::make_unique<DnsFlow>(ScenarioFlow::kBackground, local, resolver,
                                                  client.vlan, name, nullptr, t,
                                                  milliseconds(random.uniform(0.2, 3)), id));
        return;
    }
    const RemoteServer &server =
        network.pickServer(random, client.ipv6.isValid() && random.chance(0.3));
    const TimeNs delay = random.chance(0.7) ? random.between(150 * kNsPerUs, 1500 * kNsPerUs)
                                            : milliseconds(random.logNormal(25, 0.7));
    flows.push_back(std::make_unique<DnsFlow>(ScenarioFlow::kBackground, local, resolver,
                                              client.vlan, server.name, &server.address, t, delay,
                                              id));
}

void ping(PortableRandom &random, const ScenarioNetwork &network, TimeNs t, bool ipv6,
          std::vector<std::unique_ptr<ScenarioFlow>> &flows)
{
    const InternalHost &client = network.pickClient(random);
    ipv6 = ipv6 && client.ipv6.isValid();
    const RemoteServer &server = network.pickServer(random, ipv6);
    const int count = client.windows ? 4 : int(random.between(3, 10));
    flows.push_back(std::make_unique<PingFlow>(
        ScenarioFlow::kBackground, network.local(client, ipv6, 0), network.remote(server),
        client.vlan, t, server.rtt, count, std::uint16_t(random.next())));
}

void ntpPoll(PortableRandom &random, const ScenarioNetwork &network, TimeNs t,
             std::vector<std::unique_ptr<ScenarioFlow>> &flows)
{
    const InternalHost &client = network.pickClient(random);
    const Endpoint server = network.remoteHost(network.randomPublicIpv4(random), 123, random);
    const TimeNs delay = milliseconds(random.uniform(8, 90));
    const std::uint16_t port = client.windows ? 123 : ephemeralPort(random, false);
    flows.push_back(std::make_unique<NtpFlow>(ScenarioFlow::kBackground,
                                              network.local(client, false, port), server,
                                              client.vlan, t, delay));
}

} // namespace

RateCurve::RateCurve(PortableRandom &random, TimeNs start, TimeNs duration)
    : m_start(start)
    , m_duration(std::max<TimeNs>(duration, 1))
{
    for (double &phase : m_phases)
        phase = random.uniform(0.0, 2.0 * std::numbers::pi);
}

double RateCurve::at(TimeNs t) const
{
    const double x = std::clamp(double(t - m_start) / double(m_duration), 0.0, 1.0);
    constexpr double tau = 2.0 * std::numbers::pi;
    return 1.0 + 0.28 * std::sin(tau * (x - 0.3)) + 0.06 * std::sin(tau * 5 * x + m_phases[0]) +
           0.05 * std::sin(tau * 11 * x + m_phases[1]) +
           0.04 * std::sin(tau * 23 * x + m_phases[2]);
}

void spawnBackgroundActivity(PortableRandom &random, const ScenarioNetwork &network, TimeNs t,
                             std::vector<std::unique_ptr<ScenarioFlow>> &flows)
{
    const double u = random.uniform();
    if (u < 0.56)
        outboundConnection(random, network, t, flows);
    else if (u < 0.62)
        inboundConnection(random, network, t, flows);
    else if (u < 0.91)
        lookup(random, network, t, flows);
    else if (u < 0.94)
        ntpPoll(random, network, t, flows);
    else
        ping(random, network, t, u >= 0.98, flows);
}

double meanActivityPackets(const ScenarioNetwork &network)
{
    PortableRandom random(0x5ca1ab1e);
    std::vector<std::unique_ptr<ScenarioFlow>> flows;
    constexpr int kSamples = 8000;
    qint64 packets = 0;
    for (int i = 0; i < kSamples; ++i) {
        flows.clear();
        spawnBackgroundActivity(random, network, 0, flows);
        for (const auto &flow : flows)
            packets += flow->plannedPackets();
    }
    return double(packets) / kSamples;
}

BackgroundSpawner::BackgroundSpawner(const RateCurve &curve, double packetsPerSecond,
                                     double packetsPerActivity, TimeNs start)
    : ScenarioFlow(kBackground)
    , m_curve(curve)
    , m_activitiesPerSecond(packetsPerSecond / std::max(packetsPerActivity, 1.0))
    , m_time(start)
{}

void BackgroundSpawner::step(FlowContext &context)
{
    m_started.clear();
    spawnBackgroundActivity(context.random(), context.network(), m_time, m_started);
    for (auto &flow : m_started)
        context.spawn(std::move(flow));
    const double rate = m_activitiesPerSecond * std::max(m_curve.at(m_time), 0.05);
    m_time += std::max<TimeNs>(1, TimeNs(context.random().exponential(1.0 / rate) * 1e9));
}

} // namespace tideline
