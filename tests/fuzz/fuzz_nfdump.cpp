// libFuzzer target: bytes as nfdump's `-o json` output (what Tideline reads of an nfcapd file)
// → the streaming record reader, fed in pieces whose size the first byte picks → the flow table
// → the series, binned by time like any flow table, then one row per flow.

#include "records/nfdumpjson.h"
#include "series/tableloader.h"

#include <QCoreApplication>
#include <cstdint>

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const auto piece = std::size_t(1 + data[0] % 64);
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    NfdumpJson output;
    for (qsizetype at = 0; at < bytes.size(); at += qsizetype(piece)) {
        if (!output.feed(bytes.sliced(at, std::min(qsizetype(piece), bytes.size() - at))))
            break;
    }
    const QString name = QStringLiteral("fuzz.nfcapd");
    TableText text = output.finish(name);
    if (text.error)
        return 0;
    const TableLoadResult loaded = loadTableText(text, name);
    if (loaded.error || loaded.series.rowCount() == 0)
        return 0;
    TableOptions perRow;
    perRow.perRow = true;
    (void)loadTableText(std::move(text), name, perRow);
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}
