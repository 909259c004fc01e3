#include "tcpplanner.h"

#include "common/portablerandom.h"

#include <algorithm>
#include <limits>

namespace tideline {

namespace {

constexpr std::uint32_t kMinTail = 32;

struct Planner
{
    Planner(PortableRandom &r, const TcpConversation &conversation)
        : random(r)
        , c(conversation)
    {}

    PortableRandom &random;
    const TcpConversation &c;
    std::vector<TcpStep> steps;
    std::uint32_t next[2] = {0, 0}; // next sequence number of client (0) and server (1)
    TimeNs lastSent[2] = {std::numeric_limits<TimeNs>::min(), std::numeric_limits<TimeNs>::min()};
    bool timestamps = false;

    // How long until a packet that `replier` sends in answer shows up at the capture point.
    TimeNs replyDelay(const Endpoint &replier)
    {
        if (replier.nearCapture)
            return random.between(20 * kNsPerUs, 150 * kNsPerUs);
        return c.rtt + random.between(0, 300 * kNsPerUs);
    }

    // Each side's packets leave in sequence order, so a packet never goes out before one its
    // own side planned earlier (an ACK held back by the delayed-ACK timer, say).
    TcpStep &add(TimeNs time, bool fromClient, std::uint8_t flags)
    {
        const int side = fromClient ? 0 : 1;
        if (lastSent[side] != std::numeric_limits<TimeNs>::min())
            time = std::max(time, lastSent[side] + kNsPerUs);
        lastSent[side] = time;
        TcpStep s;
        s.time = time;
        s.fromClient = fromClient;
        s.flags = flags;
        s.seq = next[side];
        s.ack = (flags & tcpflag::Ack) ? next[1 - side] : 0;
        s.window = (fromClient ? c.client : c.server).window;
        s.options = timestamps ? TcpOptions::Timestamps : TcpOptions::None;
        steps.push_back(s);
        return steps.back();
    }

    TimeNs handshake(TimeNs t)
    {
        TcpStep &syn = add(t, true, tcpflag::Syn);
        syn.options = c.client.windows ? TcpOptions::SynWindows : TcpOptions::SynLinux;
        syn.window = 64240;
        next[0] += 1;
        TcpStep &synAck = add(t + replyDelay(c.server), false, tcpflag::Syn | tcpflag::Ack);
        synAck.options = timestamps ? TcpOptions::SynLinux : TcpOptions::SynWindows;
        synAck.window = c.server.windows ? 65535 : 65160;
        next[1] += 1;
        return add(synAck.time + replyDelay(c.client), true, tcpflag::Ack).time;
    }

    // Sends `bytes` from one side; the receiver ACKs every second segment, and the last one
    // too unless an answer will carry the ACK. Returns the time of the last segment.
    TimeNs transfer(TimeNs t, bool fromClient, std::uint32_t bytes, TcpContent content,
                    bool ackLast)
    {
        const std::uint32_t mss = segmentPayload(c);
        const Endpoint &receiver = fromClient ? c.server : c.client;
        const double bitsPerSecond = fromClient ? c.clientBitsPerSecond : c.serverBitsPerSecond;
        std::uint32_t offset = 0;
        TimeNs last = t;
        for (int segment = 0; offset < bytes; ++segment) {
            std::uint32_t length = std::min(mss, bytes - offset);
            // Leave no runt at the end: a 1-to-5-byte segment cannot even hold a TLS record
            // header, and stacks rarely send one.
            if (const std::uint32_t rest = bytes - offset - length; rest > 0 && rest < kMinTail)
                length -= kMinTail - rest;
            const bool final = offset + length == bytes;
            TcpStep &s = add(t, fromClient, tcpflag::Ack | (final ? tcpflag::Psh : 0));
            s.payload = std::uint16_t(length);
            s.content = content;
            s.messageOffset = offset;
            s.messageSize = bytes;
            next[fromClient ? 0 : 1] += length;
            offset += length;
            last = s.time;
            if (segment % 2 == 1 || (final && ackLast)) {
                TimeNs ackAt = last + replyDelay(receiver);
                if (segment % 2 == 0) // a lone segment waits for the delayed-ACK timer
                    ackAt += random.between(kNsPerMs / 5, 40 * kNsPerMs);
                add(ackAt, !fromClient, tcpflag::Ack);
            }
            const double seconds = double(length + 78) * 8.0 / bitsPerSecond;
            t = last +
                std::max<TimeNs>(TimeNs(seconds * random.uniform(0.8, 1.6) * 1e9), 2 * kNsPerUs);
        }
        return last;
    }

    void teardown(TimeNs t)
    {
        if (c.close == TcpConversation::Close::None)
            return;
        if (c.close == TcpConversation::Close::Reset) {
            add(t, true, tcpflag::Rst | tcpflag::Ack).window = 0;
            return;
        }
        const TimeNs fin = add(t, true, tcpflag::Fin | tcpflag::Ack).time;
        next[0] += 1;
        const TimeNs finAck =
            add(fin + replyDelay(c.server), false, tcpflag::Fin | tcpflag::Ack).time;
        next[1] += 1;
        add(finAck + replyDelay(c.client), true, tcpflag::Ack);
    }
};

} // namespace

std::uint32_t segmentPayload(const TcpConversation &conversation)
{
    const bool timestamps = !conversation.client.windows && !conversation.server.windows;
    const std::uint32_t mss = conversation.client.address.version == 6 ? 1440 : 1460;
    return timestamps ? mss - 12 : mss;
}

std::vector<TcpStep> planTcp(PortableRandom &random, const TcpConversation &conversation)
{
    Planner p(random, conversation);
    p.timestamps = !conversation.client.windows && !conversation.server.windows;
    p.next[0] = std::uint32_t(random.next());
    p.next[1] = std::uint32_t(random.next());

    // A far client answers what it receives a round trip after the capture point saw it.
    const TimeNs clientTurn = conversation.client.nearCapture ? 0 : conversation.rtt;
    TimeNs last = p.handshake(conversation.start);
    bool serverSpokeLast = false;
    for (const TcpExchange &exchange : conversation.exchanges) {
        const TimeNs t = last + (serverSpokeLast ? clientTurn : 0) + exchange.gapBefore;
        last = t;
        if (exchange.requestBytes > 0) {
            last = p.transfer(t, true, exchange.requestBytes, exchange.requestContent,
                              exchange.responseBytes == 0);
            serverSpokeLast = false;
        }
        if (exchange.responseBytes > 0) {
            last = p.transfer(last + p.replyDelay(conversation.server) + exchange.serverDelay,
                              false, exchange.responseBytes, exchange.responseContent, true);
            serverSpokeLast = true;
        }
    }
    p.teardown(last + (serverSpokeLast ? clientTurn : 0) + conversation.closeGap);

    std::stable_sort(p.steps.begin(), p.steps.end(),
                     [](const TcpStep &a, const TcpStep &b) { return a.time < b.time; });
    const auto cut = std::find_if(p.steps.begin(), p.steps.end(), [&](const TcpStep &s) {
        return s.time >= conversation.deadline;
    });
    p.steps.erase(cut, p.steps.end());
    return std::move(p.steps);
}

} // namespace tideline
