#pragma once

// A flow table in Zeek conn.log's column names, written by hand for the tests: three clients
// fetching from five servers every second for ten minutes, and one port scan planted in it.

#include <QByteArray>
#include <QString>

namespace plantedflows {

constexpr qint64 kStart = 1'700'000'000; // seconds since the epoch, a multiple of 10
constexpr int kSeconds = 600;
constexpr int kScanAt = 400; // seconds after kStart; the scan lasts 4 s
constexpr int kScanPorts = 300;
inline const char *const kScanner = "10.66.6.6";
inline const char *const kVictim = "10.0.1.3";

inline QByteArray table()
{
    QByteArray out = "ts,id.orig_h,id.orig_p,id.resp_h,id.resp_p,proto,duration,orig_pkts,"
                     "resp_pkts,orig_ip_bytes,resp_ip_bytes,label\n";
    const auto row = [&out](double ts, const QString &client, int clientPort, const QString &server,
                            int serverPort, double duration, int sent, int received,
                            const char *label) {
        out += QStringLiteral("%1,%2,%3,%4,%5,tcp,%6,%7,%8,%9,%10,%11\n")
                   .arg(QString::number(double(kStart) + ts, 'f', 3), client)
                   .arg(clientPort)
                   .arg(server)
                   .arg(serverPort)
                   .arg(duration)
                   .arg(sent)
                   .arg(received)
                   .arg(sent * 80)
                   .arg(received * 900)
                   .arg(QLatin1String(label))
                   .toUtf8();
    };
    for (int s = 0; s < kSeconds; ++s) {
        for (int c = 1; c <= 3; ++c) {
            const int server = 1 + (s * 7 + c * 3) % 5;
            row(s + 0.1 * c, QStringLiteral("10.0.0.%1").arg(c), 30000 + (s * 3 + c) % 20000,
                QStringLiteral("10.0.1.%1").arg(server), 443, 0.4 + 0.01 * ((s + c) % 9),
                8 + (s + c) % 5, 10 + (s * c) % 7, "benign");
        }
        if (s == kScanAt) {
            for (int port = 1; port <= kScanPorts; ++port)
                row(s + 4.0 * port / kScanPorts, QLatin1String(kScanner), 45000,
                    QLatin1String(kVictim), port, 0.001, 1, 1, "portscan");
        }
    }
    return out;
}

} // namespace plantedflows
