#include "nfdumpfile.h"

#include "common/translate.h"
#include "nfdumpjson.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

namespace tideline {

namespace {

constexpr quint16 kMagic = 0xA50C;
// nfdump prints as it reads; this long without a byte from it means it hangs.
constexpr int kSilenceMs = 60'000;
// What of nfdump's stderr a message quotes.
constexpr qsizetype kMaxQuotedError = 600;

Diagnostic failure(const QString &path, const QString &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.message = message;
    return d;
}

void startNfdump(QProcess &process, const QStringList &arguments)
{
    // nfdump writes times in local time, without a zone: make local time UTC.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("nfdump"), arguments, QIODevice::ReadOnly);
}

// Why nfdump gave nothing usable, or empty when it ran and exited with 0.
QString processProblem(QProcess &process)
{
    if (process.error() == QProcess::FailedToStart)
        return tr("cannot run nfdump, through which Tideline reads nfcapd files (install "
                  "Debian's nfdump package): %1")
            .arg(process.errorString());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString stderrText = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        stderrText.replace(QLatin1Char('\n'), QStringLiteral("; "));
        if (stderrText.size() > kMaxQuotedError)
            stderrText = stderrText.left(kMaxQuotedError) + QStringLiteral("…");
        const QString how = process.exitStatus() != QProcess::NormalExit
                                ? tr("nfdump stopped abnormally")
                                : tr("nfdump failed (exit status %1)").arg(process.exitCode());
        return stderrText.isEmpty() ? how : QStringLiteral("%1: %2").arg(how, stderrText);
    }
    return {};
}

// The number of flows `nfdump -I` counts in the file, for progress; 0 when unknown.
qint64 flowsInFile(const QString &path, QString &problem)
{
    QProcess process;
    startNfdump(process, {QStringLiteral("-I"), QStringLiteral("-r"), path});
    if (!process.waitForFinished(kSilenceMs) && process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        problem = tr("nfdump -I gave no answer in %1 s").arg(kSilenceMs / 1000);
        return 0;
    }
    problem = processProblem(process);
    static const QRegularExpression flows(QStringLiteral("^Flows: (\\d+)$"),
                                          QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match =
        flows.match(QString::fromLatin1(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

} // namespace

bool looksLikeNfcapd(std::string_view bytes)
{
    if (bytes.size() < 4)
        return false;
    const auto byte = [&bytes](std::size_t i) {
        return quint16(static_cast<unsigned char>(bytes[i]));
    };
    const quint16 little = quint16(byte(0) | byte(1) << 8);
    const quint16 big = quint16(byte(0) << 8 | byte(1));
    const quint16 versionLittle = quint16(byte(2) | byte(3) << 8);
    const quint16 versionBig = quint16(byte(2) << 8 | byte(3));
    return (little == kMagic && (versionLittle == 1 || versionLittle == 2)) ||
           (big == kMagic && (versionBig == 1 || versionBig == 2));
}

TableText readNfcapd(const QString &path, const ProgressCallback &progress)
{
    QString problem;
    const qint64 total = flowsInFile(path, problem);
    if (!problem.isEmpty()) {
        TableText result;
        result.syntax = QStringLiteral("nfdump");
        result.error = failure(path, problem);
        return result;
    }

    QProcess process;
    startNfdump(process, {QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("json"),
                          QStringLiteral("-r"), path});
    NfdumpJson output;
    bool readable = true;
    bool cancelled = false;
    while (readable && process.state() != QProcess::NotRunning) {
        if (!process.waitForReadyRead(kSilenceMs) && process.state() != QProcess::NotRunning) {
            problem = tr("nfdump printed nothing for %1 s").arg(kSilenceMs / 1000);
            break;
        }
        readable = output.feed(process.readAllStandardOutput());
        Progress p;
        p.items = output.records();
        p.fraction = total > 0 ? std::min(1.0, double(output.records()) / double(total)) : -1.0;
        if (!reportProgress(progress, p)) {
            cancelled = true;
            break;
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    } else if (readable) {
        output.feed(process.readAllStandardOutput());
        problem = processProblem(process);
    }
    TableText result = output.finish(path);
    if (cancelled) {
        result.cancelled = true;
        result.error.reset();
    } else if (!problem.isEmpty()) {
        // What went wrong with nfdump itself comes before what its output lacks.
        result.error = failure(path, problem);
    }
    return result;
}

} // namespace tideline
