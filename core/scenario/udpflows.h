#pragma once

#include "scenario/scenarioflow.h"

#include <string_view>

namespace tideline {

// A DNS lookup over UDP: the query and, after `delay`, its answer (or NXDOMAIN).
class DnsFlow : public ScenarioFlow
{
public:
    DnsFlow(int owner, const Endpoint &client, const Endpoint &resolver, std::uint16_t vlan,
            std::string_view name, const IpAddress *answer, TimeNs start, TimeNs delay,
            std::uint16_t id);

    bool finished() const override { return m_sent >= 2; }
    TimeNs time() const override { return m_sent == 0 ? m_start : m_start + m_delay; }
    void step(FlowContext &context) override;
    qint64 plannedPackets() const override { return 2; }

private:
    Endpoint m_client;
    Endpoint m_resolver;
    std::uint16_t m_vlan;
    std::string_view m_name;
    const IpAddress *m_answer; // owned by the network; null for NXDOMAIN
    TimeNs m_start;
    TimeNs m_delay;
    std::uint16_t m_id;
    int m_sent = 0;
};

// An NTP client's poll: mode 3 request, mode 4 answer a round trip later.
class NtpFlow : public ScenarioFlow
{
public:
    NtpFlow(int owner, const Endpoint &client, const Endpoint &server, std::uint16_t vlan,
            TimeNs start, TimeNs delay);

    bool finished() const override { return m_sent >= 2; }
    TimeNs time() const override { return m_sent == 0 ? m_start : m_start + m_delay; }
    void step(FlowContext &context) override;
    qint64 plannedPackets() const override { return 2; }

private:
    Endpoint m_client;
    Endpoint m_server;
    std::uint16_t m_vlan;
    TimeNs m_start;
    TimeNs m_delay;
    int m_sent = 0;
};

// ping: `count` echo requests a second apart, each answered a round trip later (ICMP or
// ICMPv6 by the address family).
class PingFlow : public ScenarioFlow
{
public:
    PingFlow(int owner, const Endpoint &client, const Endpoint &server, std::uint16_t vlan,
             TimeNs start, TimeNs rtt, int count, std::uint16_t identifier);

    bool finished() const override { return m_sent >= 2 * m_count; }
    TimeNs time() const override;
    void step(FlowContext &context) override;
    qint64 plannedPackets() const override { return 2 * m_count; }

private:
    Endpoint m_client;
    Endpoint m_server;
    std::uint16_t m_vlan;
    TimeNs m_start;
    TimeNs m_rtt;
    int m_count;
    std::uint16_t m_identifier;
    int m_sent = 0;
};

} // namespace tideline
