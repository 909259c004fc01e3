#include "nfdumpjson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace tideline {

NfdumpJson::NfdumpJson()
{
    m_text.syntax = QStringLiteral("nfdump");
    appendCsvLine(m_text.csv,
                  {QStringLiteral("first_seen"), QStringLiteral("last_seen"),
                   QStringLiteral("src_addr"), QStringLiteral("dst_addr"),
                   QStringLiteral("src_port"), QStringLiteral("dst_port"), QStringLiteral("proto"),
                   QStringLiteral("in_pkts"), QStringLiteral("in_bytes"),
                   QStringLiteral("out_pkts"), QStringLiteral("out_bytes"),
                   QStringLiteral("tcp_flags"), QStringLiteral("src2dst_syn_packets")});
}

bool NfdumpJson::feed(QByteArrayView bytes)
{
    // Each top-level object is cut out of the stream as it arrives.
    for (const char c : bytes) {
        if (!m_problem.isEmpty())
            return false;
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
    return m_problem.isEmpty();
}

void NfdumpJson::take(const QByteArray &json)
{
    ++m_records;
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject()) {
        m_problem =
            QCoreApplication::translate("tideline", "nfdump's JSON record %1 cannot be read: %2")
                .arg(m_records)
                .arg(parsed.errorString());
        return;
    }
    const QJsonObject flow = document.object();
    const QString type = flow.value(QStringLiteral("type")).toString();
    if (!type.isEmpty() && type != u"FLOW") {
        ++m_otherRecords[type];
        return;
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
        return;
    }
    const QString flags = text("tcp_flags");
    const bool synWithoutAck =
        flags.contains(QLatin1Char('S')) && !flags.contains(QLatin1Char('A'));
    const QString packets = text("in_packets");
    appendCsvLine(m_text.csv,
                  {text("first"), text("last"), either("src4_addr", "src6_addr"),
                   either("dst4_addr", "dst6_addr"), text("src_port"), text("dst_port"),
                   text("proto"), packets, text("in_bytes"), text("out_packets"), text("out_bytes"),
                   flags, synWithoutAck ? packets : QStringLiteral("0")});
    m_text.lines.push_back(m_records);
}

TableText NfdumpJson::finish(const QString &path)
{
    QString problem = m_problem;
    if (problem.isEmpty() && m_depth > 0)
        problem =
            QCoreApplication::translate("tideline", "nfdump's JSON output ends inside a record");
    if (problem.isEmpty()) {
        noteLeftOut(path);
        if (m_text.lines.empty())
            problem = QCoreApplication::translate("tideline", "the nfcapd file holds no flows");
    }
    TableText text = std::move(m_text);
    if (!problem.isEmpty()) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.file = path;
        d.message = problem;
        text.error = d;
    }
    return text;
}

// Warnings for what was left out: flows without a time, and the records other than flows.
void NfdumpJson::noteLeftOut(const QString &path)
{
    if (m_untimed > 0) {
        Diagnostic d;
        d.file = path;
        d.message =
            QCoreApplication::translate(
                "tideline", "%1 flows without a time (first seen 0), %2 packets, were left out")
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
    d.message =
        QCoreApplication::translate("tideline", "%1 records other than flows were left out: %2")
            .arg(total)
            .arg(counts.join(QStringLiteral(", ")));
    m_text.diagnostics.push_back(d);
}

} // namespace tideline
