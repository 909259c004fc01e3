#include "captureinterfaces.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pcap/pcap.h>

namespace tideline {

namespace {

QString addressText(const sockaddr *address)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (address && address->sa_family == AF_INET &&
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(address)->sin_addr, text,
                  sizeof text))
        return QString::fromLatin1(text);
    if (address && address->sa_family == AF_INET6 &&
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(address)->sin6_addr, text,
                  sizeof text))
        return QString::fromLatin1(text);
    return {};
}

} // namespace

std::vector<CaptureInterface> captureInterfaces(QString *error)
{
    char errors[PCAP_ERRBUF_SIZE] = {};
    pcap_if_t *all = nullptr;
    if (pcap_findalldevs(&all, errors) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(errors);
        return {};
    }
    std::vector<CaptureInterface> interfaces;
    for (const pcap_if_t *device = all; device; device = device->next) {
        CaptureInterface &interface = interfaces.emplace_back();
        interface.name = QString::fromLocal8Bit(device->name);
        interface.description = QString::fromLocal8Bit(device->description);
        interface.up = device->flags & PCAP_IF_UP;
        interface.running = device->flags & PCAP_IF_RUNNING;
        interface.loopback = device->flags & PCAP_IF_LOOPBACK;
        for (const pcap_addr_t *address = device->addresses; address; address = address->next) {
            if (const QString text = addressText(address->addr); !text.isEmpty())
                interface.addresses << text;
        }
    }
    pcap_freealldevs(all);
    return interfaces;
}

} // namespace tideline
