// libFuzzer target: bytes as a table (CSV, Zeek's TSV logs, or JSON records and Suricata's
// eve.json read as the CSV they amount to) →
// delimiter, header and flavour detection → the rows read into columns → the series (time bins for
// flow and packet tables, rows for the others), then the same table binned at a width of its own
// and read one row per record.

#include "common/binwidth.h"
#include "series/tableloader.h"

#include <QCoreApplication>
#include <cstdint>

using namespace tideline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString name = QStringLiteral("fuzz.csv");
    const TableLoadResult loaded = loadTableData(bytes, name, TableOptions{});
    if (loaded.error || loaded.series.rowCount() == 0)
        return 0;
    const TableFlavour flavour = loaded.summary.flavour;
    if (flavour != TableFlavour::Nfstream && flavour != TableFlavour::CicFlowMeter &&
        flavour != TableFlavour::Wireshark && flavour != TableFlavour::Flows)
        return 0;
    // A width other than the chosen one (the last byte picks it from the nice widths), and the
    // flows one per row.
    TableOptions binned;
    binned.binWidth = loaded.series.binWidth * (1 + data[size - 1] % 4) * 5;
    if (binned.binWidth <= binwidth::kMaxWidth)
        (void)loadTableData(bytes, name, binned);
    TableOptions perRow;
    perRow.perRow = true;
    (void)loadTableData(bytes, name, perRow);
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}
