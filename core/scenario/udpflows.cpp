#include "udpflows.h"

#include "scenario/payloads.h"

#include <algorithm>

namespace tideline {

namespace {

std::uint32_t ipId(TimeNs t, const Endpoint &from)
{
    // Cheap per-packet identification that still varies like a real counter.
    return std::uint32_t(t / kNsPerUs) ^ from.clockOffset;
}

} // namespace

DnsFlow::DnsFlow(int owner, const Endpoint &client, const Endpoint &resolver, std::uint16_t vlan,
                 std::string_view name, const IpAddress *answer, TimeNs start, TimeNs delay,
                 std::uint16_t id)
    : ScenarioFlow(owner)
    , m_client(client)
    , m_resolver(resolver)
    , m_vlan(vlan)
    , m_name(name)
    , m_answer(answer)
    , m_start(start)
    , m_delay(delay)
    , m_id(id)
{}

void DnsFlow::step(FlowContext &context)
{
    const bool response = m_sent == 1;
    const Endpoint &from = response ? m_resolver : m_client;
    const Endpoint &to = response ? m_client : m_resolver;
    const TimeNs t = time();
    payloads::DnsMessage message;
    message.id = m_id;
    message.name = m_name;
    message.type = m_answer && m_answer->version == 6 ? 28 : 1;
    message.response = response;
    message.answer = m_answer;
    message.ttl = 60 + (m_id % 3540);

    PacketBuilder &builder = context.builder();
    builder.begin({from.mac, to.mac, m_vlan}, from.address, to.address, ipproto::Udp, from.ttl,
                  ipId(t, from));
    builder.udp(from.port, to.port);
    payloads::writeDns(builder.payload(payloads::dnsLength(message)), message);
    context.emitFrame(t, owner(), builder.finish());
    ++m_sent;
}

NtpFlow::NtpFlow(int owner, const Endpoint &client, const Endpoint &server, std::uint16_t vlan,
                 TimeNs start, TimeNs delay)
    : ScenarioFlow(owner)
    , m_client(client)
    , m_server(server)
    , m_vlan(vlan)
    , m_start(start)
    , m_delay(delay)
{}

void NtpFlow::step(FlowContext &context)
{
    const bool response = m_sent == 1;
    const Endpoint &from = response ? m_server : m_client;
    const Endpoint &to = response ? m_client : m_server;
    const TimeNs t = time();
    PacketBuilder &builder = context.builder();
    builder.begin({from.mac, to.mac, m_vlan}, from.address, to.address, ipproto::Udp, from.ttl,
                  ipId(t, from));
    builder.udp(from.port, to.port);
    const std::span<std::uint8_t> out = builder.payload(payloads::kNtpLength);
    if (response)
        payloads::writeNtpServer(out, m_start, t - m_delay / 2);
    else
        payloads::writeNtpClient(out, t);
    context.emitFrame(t, owner(), builder.finish());
    ++m_sent;
}

PingFlow::PingFlow(int owner, const Endpoint &client, const Endpoint &server, std::uint16_t vlan,
                   TimeNs start, TimeNs rtt, int count, std::uint16_t identifier)
    : ScenarioFlow(owner)
    , m_client(client)
    , m_server(server)
    , m_vlan(vlan)
    , m_start(start)
    , m_rtt(std::min(rtt, 900 * kNsPerMs)) // each reply comes before the next request
    , m_count(count)
    , m_identifier(identifier)
{}

TimeNs PingFlow::time() const
{
    return m_start + (m_sent / 2) * kNsPerSecond + (m_sent % 2) * m_rtt;
}

void PingFlow::step(FlowContext &context)
{
    const bool reply = m_sent % 2 == 1;
    const Endpoint &from = reply ? m_server : m_client;
    const Endpoint &to = reply ? m_client : m_server;
    const TimeNs t = time();
    const std::uint8_t protocol = from.address.version == 6 ? ipproto::Icmpv6 : ipproto::Icmp;
    PacketBuilder &builder = context.builder();
    builder.begin({from.mac, to.mac, m_vlan}, from.address, to.address, protocol, from.ttl,
                  ipId(t, from));
    builder.icmpEcho(reply, m_identifier, std::uint16_t(1 + m_sent / 2));
    const TimeNs sent = m_start + (m_sent / 2) * kNsPerSecond;
    payloads::writePingPayload(builder.payload(payloads::pingPayloadLength(m_client.windows)),
                               m_client.windows, sent);
    context.emitFrame(t, owner(), builder.finish());
    ++m_sent;
}

} // namespace tideline
