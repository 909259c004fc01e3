// libFuzzer target: bytes as the body of POST /api/detect → the JSON records read as a table →
// a detector trained and scored on them → the JSON reply. The last byte picks the detector and
// the threshold rule of the query; the row limit is kept low so each input stays fast.

#include "api/detectrequest.h"

#include <QCoreApplication>
#include <array>
#include <cstdint>

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static constexpr std::array<const char *, 4> kQueries = {
        "detector=robust_z&percentile=99",
        "detector=windowed_gaussian&false_alarms_per_day=1",
        "detector=knn&percentile=99.9&param.k=3",
        "detector=isolation_forest&percentile=95",
    };
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUrlQuery query(QString::fromLatin1(kQueries[size > 0 ? data[size - 1] % 4 : 0]));
    DetectLimits limits;
    limits.maxRows = 2'000;
    const DetectReply reply = detectRecords(body, query, limits);
    if (reply.status < 200 || reply.status >= 500)
        __builtin_trap(); // bad input is a 4xx, never a server error
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}
