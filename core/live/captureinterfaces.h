#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace tideline {

// One interface libpcap can capture on, as pcap_findalldevs lists it.
struct CaptureInterface
{
    QString name;          // what captureInterface() takes: "eth0", "lo", "any"
    QString description;   // libpcap's, often empty on Linux
    QStringList addresses; // IPv4 and IPv6, as text
    bool up = false;
    bool running = false; // up, and with a link (carrier)
    bool loopback = false;
};

// The interfaces to offer for capturing, in libpcap's order (the most useful first); empty
// with `error` set when libpcap could not list them. Listing needs no permission to capture.
std::vector<CaptureInterface> captureInterfaces(QString *error = nullptr);

} // namespace tideline
