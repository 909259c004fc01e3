#pragma once

#include "scenario/scenarioflow.h"

#include <vector>

namespace tideline {

// The scripted attacks. Each emits only inside [start, end) so the truth file's interval holds
// every packet it made.

// Spoofed pure SYNs (no options, as flooding tools send them) from random sources to one port.
class SynFloodFlow : public ScenarioFlow
{
public:
    SynFloodFlow(int owner, const Endpoint &target, TimeNs start, TimeNs end,
                 double packetsPerSecond);

    bool finished() const override { return m_time >= m_end; }
    TimeNs time() const override { return m_time; }
    void step(FlowContext &context) override;

private:
    Endpoint m_target;
    TimeNs m_time;
    TimeNs m_end;
    double m_packetsPerSecond;
};

// A SYN scan from one address across the target's ports: RST from closed ports, SYN/ACK from open
// ones (which the scanner then resets). Each probe is its own small flow.
class PortScanFlow : public ScenarioFlow
{
public:
    PortScanFlow(int owner, const Endpoint &scanner, const Endpoint &target, TimeNs start,
                 TimeNs end, double probesPerSecond, TimeNs rtt, std::uint16_t firstPort);

    bool finished() const override { return m_time >= m_end; }
    TimeNs time() const override { return m_time; }
    void step(FlowContext &context) override;

private:
    Endpoint m_scanner;
    Endpoint m_target;
    TimeNs m_time;
    TimeNs m_end;
    double m_probesPerSecond;
    TimeNs m_rtt;
    std::uint32_t m_probe = 0;
    std::uint16_t m_firstPort;
};

// Reflected answers to spoofed queries: large DNS ANY responses (from port 53) and NTP monlist
// replies (from port 123) from many reflectors to one victim.
class AmplificationFlow : public ScenarioFlow
{
public:
    AmplificationFlow(int owner, const Endpoint &victim, std::vector<IpAddress> reflectors,
                      TimeNs start, TimeNs end, double packetsPerSecond);

    bool finished() const override { return m_time >= m_end; }
    TimeNs time() const override { return m_time; }
    void step(FlowContext &context) override;

private:
    Endpoint m_victim;
    std::vector<IpAddress> m_reflectors;
    TimeNs m_time;
    TimeNs m_end;
    double m_packetsPerSecond;
    std::uint32_t m_sent = 0;
};

// One local host uploading chunks at a steady rate over TLS to a server nobody talked to
// before, in a row of long connections: bytes rather than packets give it away.
class ExfiltrationFlow : public ScenarioFlow
{
public:
    ExfiltrationFlow(int owner, const Endpoint &client, const Endpoint &server, std::uint16_t vlan,
                     TimeNs start, TimeNs end, double bytesPerSecond, TimeNs rtt);

    bool finished() const override { return m_time >= m_end; }
    TimeNs time() const override { return m_time; }
    void step(FlowContext &context) override;

private:
    Endpoint m_client;
    Endpoint m_server;
    std::uint16_t m_vlan;
    TimeNs m_time;
    TimeNs m_end;
    double m_bytesPerSecond;
    TimeNs m_rtt;
};

} // namespace tideline
