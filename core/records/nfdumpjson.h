#pragma once

#include "tabletext.h"

#include <QByteArrayView>
#include <QMap>
#include <QString>

namespace tideline {

// nfdump's `-o json` output, read as it streams in: "[" then one object per record, separated by
// ",". Each flow record (no "type", or "FLOW") becomes a row of a flow table (TableText, syntax
// "nfdump") with the columns first_seen, last_seen, src_addr, dst_addr, src_port, dst_port,
// proto, in_pkts, in_bytes, out_pkts, out_bytes, tcp_flags and src2dst_syn_packets (the packets
// of a record whose flags have SYN without ACK), its line the record's number. Flows without a
// time (first seen 0, which nfdump prints as 1970) and records other than flows (NSEL / NEL
// events) are left out and counted. Memory holds the table and one record at a time.
class NfdumpJson
{
public:
    NfdumpJson();

    // Reads the next bytes of the output; false from the first record that is not a JSON
    // object on (what is wrong is in finish()'s error).
    bool feed(QByteArrayView bytes);
    qint64 records() const { return m_records; }

    // The table once the output has ended: an error naming `path` when a record could not be
    // read, the output ended inside a record or held no flows; else warnings for what was left
    // out.
    TableText finish(const QString &path);

private:
    void take(const QByteArray &json);
    void noteLeftOut(const QString &path);

    TableText m_text;
    // The record being cut out of the stream, and where the scanner is in it.
    QByteArray m_object;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;

    qint64 m_records = 0;
    QString m_problem;
    qint64 m_untimed = 0;
    qint64 m_untimedPackets = 0;
    QMap<QString, qint64> m_otherRecords;
};

} // namespace tideline
