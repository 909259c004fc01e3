#include "packet.h"

namespace tideline {

QString IpAddress::toString() const
{
    if (version == 4) {
        return QStringLiteral("%1.%2.%3.%4")
            .arg(bytes[0])
            .arg(bytes[1])
            .arg(bytes[2])
            .arg(bytes[3]);
    }
    if (version == 6) {
        // RFC 5952: lower-case hex groups, the longest run (>= 2) of zero groups becomes "::".
        std::array<int, 8> groups{};
        for (std::size_t i = 0; i < 8; ++i)
            groups[i] = (bytes[2 * i] << 8) | bytes[2 * i + 1];
        int bestStart = -1, bestLength = 1;
        for (int i = 0; i < 8;) {
            int j = i;
            while (j < 8 && groups[std::size_t(j)] == 0)
                ++j;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j > i ? j : i + 1;
        }
        QString text;
        for (int i = 0; i < 8; ++i) {
            if (i == bestStart) {
                text += QStringLiteral("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && !text.endsWith(QLatin1Char(':')))
                text += QLatin1Char(':');
            text += QString::number(groups[std::size_t(i)], 16);
        }
        return text;
    }
    return {};
}

} // namespace tideline
