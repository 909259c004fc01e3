#include "cli.h"
#include "commands.h"
#include "scenario/scenariogenerator.h"
#include "scenario/truthfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace tideline::cli {

namespace {

int failed(const Diagnostic &error)
{
    return inputError(
        QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(error.file), error.message));
}

} // namespace

int runGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "tideline::cli",
        "Write the sample scenario: a site's traffic with a port scan, a SYN flood, a slow "
        "exfiltration and a UDP amplification attack on top, and OUT.truth.csv listing them. "
        "The same arguments always give the same bytes."));
    const ScenarioOptions defaults;
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QCoreApplication::translate("tideline::cli", "Random seed (default 1)."),
        QStringLiteral("N"), QString::number(defaults.seed));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QCoreApplication::translate("tideline::cli",
                                    "Length of the capture in seconds (default 300)."),
        QStringLiteral("SECONDS"), QString::number(defaults.durationSeconds));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QCoreApplication::translate("tideline::cli",
                                    "Mean background packets per second (default 500)."),
        QStringLiteral("PPS"), QString::number(defaults.ratePps));
    const QCommandLineOption attackSeconds(
        QStringLiteral("attack-seconds"),
        QCoreApplication::translate(
            "tideline::cli",
            "Make the port scan, SYN flood and UDP amplification last this many seconds each "
            "(default: a share of the capture, 5 % for the scan)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption attackIntensity(
        QStringLiteral("attack-intensity"),
        QCoreApplication::translate(
            "tideline::cli", "Multiply the scan, flood and amplification rates (default 1)."),
        QStringLiteral("FACTOR"), QString::number(defaults.attackIntensity));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QCoreApplication::translate(
            "tideline::cli",
            "pcap or pcapng (default: pcapng when OUT ends in .pcapng, else pcap)."),
        QStringLiteral("FORMAT"));
    parser.addOptions({seed, duration, rate, attackSeconds, attackIntensity, format});
    parser.addPositionalArgument(
        QStringLiteral("OUT"),
        QCoreApplication::translate("tideline::cli", "The capture file to write."),
        QStringLiteral("OUT.pcap"));
    if (const auto status = parse(parser, arguments))
        return *status;
    QString path;
    if (!takeOnePositional(parser, path, QStringLiteral("OUT")))
        return UsageError;

    ScenarioOptions options;
    bool ok = false;
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usageError(QCoreApplication::translate(
            "tideline::cli", "--seed needs a whole number from 0 to 18446744073709551615"));
    options.durationSeconds = parser.value(duration).toDouble(&ok);
    if (!ok)
        return usageError(
            QCoreApplication::translate("tideline::cli", "--duration needs a number of seconds"));
    options.ratePps = parser.value(rate).toDouble(&ok);
    if (!ok)
        return usageError(QCoreApplication::translate(
            "tideline::cli", "--rate needs a number of packets per second"));
    if (parser.isSet(attackSeconds)) {
        options.attackSeconds = parser.value(attackSeconds).toDouble(&ok);
        if (!ok)
            return usageError(QCoreApplication::translate(
                "tideline::cli", "--attack-seconds needs a number of seconds"));
    }
    options.attackIntensity = parser.value(attackIntensity).toDouble(&ok);
    if (!ok)
        return usageError(
            QCoreApplication::translate("tideline::cli", "--attack-intensity needs a number"));
    const QString formatName = parser.isSet(format) ? parser.value(format).toLower()
                               : path.endsWith(u".pcapng", Qt::CaseInsensitive)
                                   ? QStringLiteral("pcapng")
                                   : QStringLiteral("pcap");
    if (formatName == u"pcap")
        options.format = CaptureFormat::Pcap;
    else if (formatName == u"pcapng")
        options.format = CaptureFormat::PcapNg;
    else
        return usageError(QCoreApplication::translate("tideline::cli",
                                                      "unknown --format '%1' (use pcap or pcapng)")
                              .arg(formatName));
    if (const auto problem = checkScenarioOptions(options))
        return usageError(*problem);

    const ScenarioResult result = generateScenario(path, options);
    if (result.error)
        return failed(*result.error);
    const QString truthPath = truthPathFor(path);
    if (const auto error = writeTruthFile(truthPath, result.anomalies))
        return failed(*error);
    out() << QCoreApplication::translate("tideline::cli",
                                         "wrote %1 packets, %2 bytes to %3; truth: %4")
                 .arg(result.packets)
                 .arg(result.bytes)
                 .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(truthPath))
          << Qt::endl;
    return Success;
}

} // namespace tideline::cli
