#include "scenarioscript.h"

#include "common/portablerandom.h"
#include "scenario/anomalyflows.h"
#include "scenario/scenarionetwork.h"

#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// Whole milliseconds, so the truth file's ISO times read back exactly.
TimeNs at(TimeNs start, TimeNs duration, double fraction)
{
    return start + std::llround(double(duration) * fraction / double(kNsPerMs)) * kNsPerMs;
}

QString endpointText(const IpAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char(':') + QString::number(port);
}

} // namespace

std::vector<ScriptedAnomaly> scriptAnomalies(PortableRandom &random, const ScenarioNetwork &network,
                                             TimeNs start, TimeNs duration, double ratePps,
                                             double attackSeconds, double intensity)
{
    std::vector<ScriptedAnomaly> script;
    // `brief`: an attack that --attack-seconds may shorten (not the slow exfiltration).
    auto add = [&](double from, double to, const QString &kind,
                   bool brief = true) -> ScenarioAnomaly & {
        ScriptedAnomaly anomaly;
        anomaly.truth.start = at(start, duration, from);
        anomaly.truth.end = at(start, duration, to);
        const TimeNs fixedLength = std::llround(attackSeconds * 1e3) * kNsPerMs;
        if (brief && fixedLength > 0)
            anomaly.truth.end =
                std::min(anomaly.truth.end, anomaly.truth.start + std::max(fixedLength, kNsPerMs));
        anomaly.truth.kind = kind;
        script.push_back(std::move(anomaly));
        return script.back().truth;
    };
    const int scanOwner = 0, floodOwner = 1, exfiltrationOwner = 2, amplificationOwner = 3;

    // Descriptions are data, not UI text: plain English so the file's bytes never depend on
    // the locale.
    {
        ScenarioAnomaly &truth = add(0.14, 0.19, QStringLiteral("port_scan"));
        const IpAddress &scanner = network.reserved(0);
        const Endpoint target = network.local(network.sshServer(), false, 0);
        truth.source = scanner;
        truth.destination = target.address;
        truth.description = QStringLiteral("SYN port scan from %1 across the ports of %2; "
                                           "closed ports answer RST, open ones SYN/ACK")
                                .arg(scanner.toString(), target.address.toString());
        const auto firstPort = std::uint16_t(random.below(65535));
        const auto sourcePort = std::uint16_t(40000 + random.below(20000));
        script.back().flow = std::make_unique<PortScanFlow>(
            scanOwner, network.remoteHost(scanner, sourcePort, random), target, truth.start,
            truth.end, intensity * ratePps, 30 * kNsPerMs, firstPort);
    }
    {
        ScenarioAnomaly &truth = add(0.33, 0.38, QStringLiteral("syn_flood"));
        const Endpoint target = network.local(network.webServer(), false, 443);
        truth.destination = target.address;
        truth.port = target.port;
        truth.description = QStringLiteral("SYN flood: spoofed pure SYNs from random sources to %1")
                                .arg(endpointText(target.address, target.port));
        script.back().flow = std::make_unique<SynFloodFlow>(floodOwner, target, truth.start,
                                                            truth.end, 4.0 * intensity * ratePps);
    }
    {
        ScenarioAnomaly &truth = add(0.46, 0.74, QStringLiteral("exfiltration"), false);
        const InternalHost &host = network.pickClient(random);
        const IpAddress &server = network.reserved(1);
        truth.source = host.ipv4;
        truth.destination = server;
        truth.description = QStringLiteral("slow exfiltration: %1 uploads steady chunks over TLS "
                                           "to never-before-seen %2")
                                .arg(host.ipv4.toString(), endpointText(server, 443));
        script.back().flow = std::make_unique<ExfiltrationFlow>(
            exfiltrationOwner, network.local(host, false, 0),
            network.remoteHost(server, 443, random), host.vlan, truth.start, truth.end,
            0.025 * ratePps * 1448.0, 90 * kNsPerMs);
    }
    {
        ScenarioAnomaly &truth = add(0.82, 0.86, QStringLiteral("udp_amplification"));
        const Endpoint victim = network.local(network.mailServer(), false, 0);
        std::vector<IpAddress> reflectors(std::size_t(150 + random.below(250)));
        for (IpAddress &reflector : reflectors)
            reflector = network.randomPublicIpv4(random);
        truth.destination = victim.address;
        truth.description =
            QStringLiteral("UDP amplification: DNS ANY (from port 53) and NTP monlist (from port "
                           "123) responses from %1 reflectors to %2")
                .arg(reflectors.size())
                .arg(victim.address.toString());
        script.back().flow =
            std::make_unique<AmplificationFlow>(amplificationOwner, victim, std::move(reflectors),
                                                truth.start, truth.end, 3.0 * intensity * ratePps);
    }
    return script;
}

} // namespace tideline
