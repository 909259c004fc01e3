#pragma once

#include "live/livebinner.h"

#include <QString>
#include <atomic>
#include <functional>

namespace tideline {

// What a capture counted: packets handed on, and the drops libpcap reports (pcap_stats).
struct CaptureStats
{
    qint64 packets = 0;
    qint64 kernelDrops = 0;    // no room in the kernel's buffer
    qint64 interfaceDrops = 0; // dropped by the interface or its driver
};

// Feeds a capture file's packets to `sink` (a LivePipeline) paced by their own timestamps: `speed`
// times real time (0: as fast as it can), the sink's clock moving on through quiet stretches.
// Returns soon after `stop` turns true. An error names the file (it could not be opened, or was
// damaged after the packets already fed). Does not finish() the sink.
struct ReplayOptions
{
    QString path;
    double speed = 1.0;
};
QString replayCapture(const ReplayOptions &options, LiveSink &sink, const std::atomic<bool> &stop,
                      CaptureStats &stats);

// Captures on an interface with libpcap (not promiscuous), optionally through a BPF filter
// and into a ring of pcapng files in `ringDirectory` (`ringFiles` files of `ringFileBytes`, the
// oldest removed), feeding `sink` until `stop` turns true. `statsChanged` hears the counts
// about once a second. An error says what to do (the capability to capture, the filter's
// mistake, an unknown interface).
struct InterfaceOptions
{
    QString interface;
    QString filter;
    int snapLength = 65535; // the headers are what is binned; the ring keeps these bytes
    QString ringDirectory;  // empty: keep no packets
    int ringFiles = 10;
    qint64 ringFileBytes = 100'000'000;
    std::function<void(const CaptureStats &)> statsChanged;
};
QString captureInterface(const InterfaceOptions &options, LiveSink &sink,
                         const std::atomic<bool> &stop, CaptureStats &stats);

// Why `filter` is not a BPF filter for Ethernet frames (pcap_compile's words), or empty.
QString filterProblem(const QString &filter);

} // namespace tideline
