#include "nfdumpfile.h"

#include "common/translate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
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

// nfdump's -o json: "[" then one object per flow, separated by ",". The scanner cuts each
// top-level object out of the stream as it arrives, so memory holds one object at a time.
class ObjectScanner
{
public:
    // Feeds `bytes`; calls `take` with each complete object's text.
    template <typename Take> void feed(const QByteArray &bytes, Take take)
    {
        for (const char c : bytes) {
            if (m_depth > 0)
                m_object += c;
            if (m_inString) {
                if (m_escaped)
                    m_escaped = false;
                else if (c == '\\')
                    m_escaped = true;
                else if (c == '"')
                    m_inString = false;
                continue;
            }
            if (c == '"' && m_depth > 0) {
                m_inString = true;
            } else if (c == '{') {
                if (m_depth++ == 0)
                    m_object = "{";
            } else if (c == '}' && m_depth > 0 && --m_depth == 0) {
                take(m_object);
                m_object.clear();
            }
        }
    }

    bool insideObject() const { return m_depth > 0; }

private:
    QByteArray m_object;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;
};

class FlowWriter
{
public:
    explicit FlowWriter(TableText &text)
        : m_text(text)
    {
        appendCsvLine(m_text.csv, {QStringLiteral("first_seen"), QStringLiteral("last_seen"),
                                   QStringLiteral("src_addr"), QStringLiteral("dst_addr"),
                                   QStringLiteral("src_port"), QStringLiteral("dst_port"),
                                   QStringLiteral("proto"), QStringLiteral("in_pkts"),
                                   QStringLiteral("in_bytes"), QStringLiteral("out_pkts"),
                                   QStringLiteral("out_bytes"), QStringLiteral("tcp_flags"),
                                   QStringLiteral("src2dst_syn_packets")});
    }

    // False when `json` is not an object (nfdump wrote something Tideline does not know).
    bool add(const QByteArray &json)
    {
        ++m_records;
        QJsonParseError parsed;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parsed);
        if (parsed.error != QJsonParseError::NoError || !document.isObject()) {
            m_problem = tr("nfdump's JSON record %1 cannot be read: %2")
                            .arg(m_records)
                            .arg(parsed.errorString());
            return false;
        }
        const QJsonObject flow = document.object();
        const QString type = flow.value(QStringLiteral("type")).toString();
        if (!type.isEmpty() && type != u"FLOW") {
            ++m_otherRecords[type];
            return true;
        }
        const auto text = [&flow](const char *name) {
            const QJsonValue value = flow.value(QLatin1String(name));
            return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
        };
        const auto either = [&text](const char *v4, const char *v6) {
            const QString address = text(v4);
            return address.isEmpty() ? text(v6) : address;
        };
        // An exporter that does not know a flow's time sends 0, which nfdump prints as 1970: such
        // a flow has no place on the time line.
        if (text("first").startsWith(u"1970-01-01T00:00:00")) {
            ++m_untimed;
            m_untimedPackets += flow.value(QStringLiteral("in_packets")).toInteger() +
                                flow.value(QStringLiteral("out_packets")).toInteger();
            return true;
        }
        const QString flags = text("tcp_flags");
        const bool synWithoutAck =
            flags.contains(QLatin1Char('S')) && !flags.contains(QLatin1Char('A'));
        const QString packets = text("in_packets");
        appendCsvLine(m_text.csv,
                      {text("first"), text("last"), either("src4_addr", "src6_addr"),
                       either("dst4_addr", "dst6_addr"), text("src_port"), text("dst_port"),
                       text("proto"), packets, text("in_bytes"), text("out_packets"),
                       text("out_bytes"), flags, synWithoutAck ? packets : QStringLiteral("0")});
        m_text.lines.push_back(m_records);
        return true;
    }

    qint64 records() const { return m_records; }
    const QString &problem() const { return m_problem; }

    // Warnings for what was left out: flows without a time, and the records other than flows
    // (NSEL / NEL events).
    void noteLeftOut(const QString &path)
    {
        if (m_untimed > 0) {
            Diagnostic d;
            d.file = path;
            d.message = tr("%1 flows without a time (first seen 0), %2 packets, were left out")
                            .arg(m_untimed)
                            .arg(m_untimedPackets);
            m_text.diagnostics.push_back(d);
            m_text.unreadRows += m_untimed;
        }
        if (m_otherRecords.isEmpty())
            return;
        QStringList counts;
        qint64 total = 0;
        for (auto it = m_otherRecords.cbegin(); it != m_otherRecords.cend(); ++it) {
            counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            total += it.value();
        }
        Diagnostic d;
        d.file = path;
        d.message = tr("%1 records other than flows were left out: %2")
                        .arg(total)
                        .arg(counts.join(QStringLiteral(", ")));
        m_text.diagnostics.push_back(d);
    }

private:
    TableText &m_text;
    qint64 m_records = 0;
    QString m_problem;
    qint64 m_untimed = 0;
    qint64 m_untimedPackets = 0;
    QMap<QString, qint64> m_otherRecords;
};

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
    TableText result;
    result.syntax = QStringLiteral("nfdump");
    QString problem;
    const qint64 total = flowsInFile(path, problem);
    if (!problem.isEmpty()) {
        result.error = failure(path, problem);
        return result;
    }

    QProcess process;
    startNfdump(process, {QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("json"),
                          QStringLiteral("-r"), path});
    ObjectScanner scanner;
    FlowWriter writer(result);
    bool readable = true;
    while (readable && process.state() != QProcess::NotRunning) {
        if (!process.waitForReadyRead(kSilenceMs) && process.state() != QProcess::NotRunning) {
            problem = tr("nfdump printed nothing for %1 s").arg(kSilenceMs / 1000);
            break;
        }
        scanner.feed(process.readAllStandardOutput(),
                     [&](const QByteArray &json) { readable = readable && writer.add(json); });
        Progress p;
        p.items = writer.records();
        p.fraction = total > 0 ? std::min(1.0, double(writer.records()) / double(total)) : -1.0;
        if (!reportProgress(progress, p)) {
            result.cancelled = true;
            break;
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    } else {
        scanner.feed(process.readAllStandardOutput(),
                     [&](const QByteArray &json) { readable = readable && writer.add(json); });
        if (problem.isEmpty())
            problem = processProblem(process);
    }
    if (result.cancelled)
        return result;
    if (problem.isEmpty() && !readable)
        problem = writer.problem();
    if (problem.isEmpty() && scanner.insideObject())
        problem = tr("nfdump's JSON output ends inside a record");
    if (!problem.isEmpty()) {
        result.error = failure(path, problem);
        return result;
    }
    writer.noteLeftOut(path);
    if (result.lines.empty())
        result.error = failure(path, tr("the nfcapd file holds no flows"));
    return result;
}

} // namespace tideline
