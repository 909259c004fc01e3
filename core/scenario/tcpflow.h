#pragma once

#include "scenario/scenarioflow.h"

#include <string_view>
#include <vector>

namespace tideline {

// What a segment's payload looks like to a dissector.
enum class TcpContent : std::uint8_t {
    None,
    Opaque,
    Tls,
    HttpRequest,
    HttpResponse,
    SshBanner,
    SshKexInit,
    SshEcdhInit,
    SshEcdhReply, // with the server's NEWKEYS
    SshNewKeys,
};

// One planned segment of a connection, with its exact sequence numbers.
struct TcpStep
{
    TimeNs time = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint32_t messageOffset = 0; // where the payload starts in its application message
    std::uint32_t messageSize = 0;
    std::uint16_t payload = 0;
    std::uint16_t window = 0;
    std::uint8_t flags = 0;
    TcpOptions options = TcpOptions::None;
    TcpContent content = TcpContent::None;
    bool fromClient = true;
};

// A TCP connection (or a scanner's probe) replayed from its plan, one segment per event.
class TcpFlow : public ScenarioFlow
{
public:
    TcpFlow(int owner, const Endpoint &client, const Endpoint &server, std::uint16_t vlan,
            std::string_view host, std::vector<TcpStep> steps, std::uint64_t salt);

    bool finished() const override { return m_next >= m_steps.size(); }
    TimeNs time() const override { return m_steps[m_next].time; }
    void step(FlowContext &context) override;
    qint64 plannedPackets() const override { return qint64(m_steps.size()); }

private:
    void writePayload(std::span<std::uint8_t> out, const TcpStep &step) const;

    Endpoint m_client;
    Endpoint m_server;
    std::uint16_t m_vlan;
    std::string_view m_host; // the server's name, owned by the network
    std::vector<TcpStep> m_steps;
    std::size_t m_next = 0;
    std::uint64_t m_salt;
    std::uint32_t m_ipId[2];
    std::uint32_t m_lastTimestamp[2] = {0, 0};
};

} // namespace tideline
