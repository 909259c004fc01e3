#include "tcpflow.h"

#include "scenario/payloads.h"
#include "scenario/sshpayloads.h"

namespace tideline {

TcpFlow::TcpFlow(int owner, const Endpoint &client, const Endpoint &server, std::uint16_t vlan,
                 std::string_view host, std::vector<TcpStep> steps, std::uint64_t salt)
    : ScenarioFlow(owner)
    , m_client(client)
    , m_server(server)
    , m_vlan(vlan)
    , m_host(host)
    , m_steps(std::move(steps))
    , m_salt(salt)
    , m_ipId{std::uint32_t(salt), std::uint32_t(salt >> 32)}
{}

void TcpFlow::step(FlowContext &context)
{
    const TcpStep &s = m_steps[m_next++];
    const int side = s.fromClient ? 0 : 1;
    const Endpoint &from = s.fromClient ? m_client : m_server;
    const Endpoint &to = s.fromClient ? m_server : m_client;

    PacketBuilder &builder = context.builder();
    builder.begin({from.mac, to.mac, m_vlan}, from.address, to.address, ipproto::Tcp, from.ttl,
                  from.address.version == 6 ? (m_ipId[side] & 0xfffff) : m_ipId[side]++);
    TcpHeader header;
    header.sourcePort = from.port;
    header.destinationPort = to.port;
    header.seq = s.seq;
    header.ack = s.ack;
    header.flags = s.flags;
    header.window = s.window;
    header.options = s.options;
    header.mss = from.address.version == 6 ? 1440 : 1460;
    header.windowScale = from.windows ? 8 : 7;
    header.tsValue = from.clockOffset + std::uint32_t(s.time / kNsPerMs);
    header.tsEcho =
        (s.flags & tcpflag::Syn) && !(s.flags & tcpflag::Ack) ? 0 : m_lastTimestamp[1 - side];
    m_lastTimestamp[side] = header.tsValue;
    builder.tcp(header);
    if (s.payload > 0)
        writePayload(builder.payload(s.payload), s);
    context.emitFrame(s.time, owner(), builder.finish());
}

void TcpFlow::writePayload(std::span<std::uint8_t> out, const TcpStep &s) const
{
    const std::uint64_t salt = m_salt ^ (std::uint64_t(s.seq) * 0x9e3779b97f4a7c15ull);
    switch (s.content) {
    case TcpContent::None:
    case TcpContent::Opaque:
        payloads::fillOpaque(out, salt);
        break;
    case TcpContent::Tls:
        payloads::fillTls(out, salt);
        break;
    case TcpContent::HttpRequest:
        payloads::writeHttpRequest(out, m_host, salt);
        break;
    case TcpContent::HttpResponse:
        payloads::writeHttpResponse(out, s.messageOffset, s.messageSize);
        break;
    case TcpContent::SshBanner:
        payloads::writeSsh(out, payloads::SshMessage::Banner, s.fromClient, salt);
        break;
    case TcpContent::SshKexInit:
        payloads::writeSsh(out, payloads::SshMessage::KexInit, s.fromClient, salt);
        break;
    case TcpContent::SshEcdhInit:
        payloads::writeSsh(out, payloads::SshMessage::EcdhInit, s.fromClient, salt);
        break;
    case TcpContent::SshEcdhReply:
        payloads::writeSsh(out, payloads::SshMessage::EcdhReplyAndNewKeys, s.fromClient, salt);
        break;
    case TcpContent::SshNewKeys:
        payloads::writeSsh(out, payloads::SshMessage::NewKeys, s.fromClient, salt);
        break;
    }
}

} // namespace tideline
