#include "capturereader.h"

#include "capture/packetdecoder.h"
#include "common/throttledprogress.h"
#include "common/translate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <pcap/pcap.h>
#include <stdio_ext.h>

namespace tideline {

namespace {

constexpr qint64 kProgressEveryPackets = 65536;

// Stamps are clamped to the times every reader accepts, so bins of any width built on them start
// and end inside the range of TimeNs; with room for any fraction libpcap can hand us: a damaged
// pcap record can say ±2^31 "microseconds", ±2147 s once scaled to nanoseconds.
constexpr qint64 kMinSeconds = kEarliestTime / kNsPerSecond + 10000;
constexpr qint64 kMaxSeconds = kLatestTime / kNsPerSecond - 10000;
constexpr qint64 kMaxFractionNs = 10000 * kNsPerSecond;

// Messages are written QCoreApplication::translate("tideline", "…") where they are used, so
// lupdate files them under the context tideline::tr() reads: it extracts nothing from a literal
// inside tr(QT_TRANSLATE_NOOP(…)), and a literal kept apart (`message`) is marked
// QT_TRANSLATE_NOOP("tideline", …).

// What is wrong with a packet's timestamp, if anything.
enum class StampProblem { None, Fraction, Range };

// The file was opened with nanosecond precision, so tv_usec holds nanoseconds (negative or
// beyond a second in damaged files: kept as they add up, like tcpdump shows them). Seconds
// outside TimeNs (pcapng allows 64-bit stamps) are clamped instead of overflowing.
//
// A classic pcap record stores its seconds as an unsigned 32-bit number (good until 2106),
// but libpcap passes them through a signed one: from 2038 on they arrive negative, and are
// taken back round.
TimeNs toTimeNs(const timeval &ts, bool unsignedSeconds, StampProblem &problem)
{
    qint64 seconds = ts.tv_sec;
    if (unsignedSeconds && seconds < 0)
        seconds += qint64(1) << 32;
    qint64 fraction = ts.tv_usec;
    problem = StampProblem::None;
    if (fraction < 0 || fraction >= kNsPerSecond) {
        problem = StampProblem::Fraction;
        fraction = qBound(-kMaxFractionNs, fraction, kMaxFractionNs);
    }
    if (seconds > kMaxSeconds || seconds < kMinSeconds) {
        problem = StampProblem::Range;
        seconds = qBound(kMinSeconds, seconds, kMaxSeconds);
    }
    return seconds * kNsPerSecond + fraction;
}

QString linkTypeName(int dlt)
{
    if (const char *name = pcap_datalink_val_to_name(dlt))
        return QString::fromLatin1(name);
    return QStringLiteral("DLT %1").arg(dlt);
}

Diagnostic diagnostic(const QString &path, Diagnostic::Severity severity, const QString &message,
                      qint64 record = 0, qint64 offset = -1)
{
    Diagnostic d;
    d.severity = severity;
    d.file = path;
    d.record = record;
    d.offset = offset;
    d.message = message;
    return d;
}

// Where the next record starts in the file, for warnings and progress. A classic pcap record
// is a fixed-size header (16 bytes, 24 in the "modified" variant: measured on the first record)
// plus its captured bytes, so its offset is counted; pcapng blocks vary, and a record libpcap
// cut to the snapshot length took more bytes than it delivered, so there the stream is asked.
class RecordOffset
{
public:
    RecordOffset(FILE *stream, bool countable, bpf_u_int32 snapshot)
        : m_stream(stream)
        , m_countable(countable)
        , m_snapshot(snapshot)
        , m_next(std::ftell(stream))
    {
        // Seeking to where we are changes nothing for libpcap, but glibc then caches the
        // offset and ftell() needs no lseek() system call.
        std::fseek(stream, m_next, SEEK_SET);
    }

    long next() const { return m_next; }

    void advance(bpf_u_int32 capturedLength)
    {
        const bool whole = capturedLength < m_snapshot;
        if (m_headerBytes > 0 && whole) {
            m_next += m_headerBytes + long(capturedLength);
            return;
        }
        const long now = std::ftell(m_stream);
        if (m_countable && whole && now - m_next > long(capturedLength))
            m_headerBytes = now - m_next - long(capturedLength);
        m_next = now;
    }

private:
    FILE *m_stream;
    bool m_countable;
    bpf_u_int32 m_snapshot;
    long m_next;
    long m_headerBytes = 0; // 0 until measured, or for pcapng
};

// Closes the handle (and the stream it reads) however the read ends.
struct PcapCloser
{
    void operator()(pcap_t *handle) const { pcap_close(handle); }
};

// libpcap reads a capture through stdio, whose buffer is one 4 KB page by default: a read()
// system call every few packets. With 64 KB the calls are sixteen times fewer and the buffer
// still stays in the core's L2 cache (reading the 1.5 GB benchmark capture: 1.6 times as
// fast as with 4 KB; 256 KB and 1 MB buffers were slower than 4 KB).
constexpr std::size_t kStreamBuffer = 64 * 1024;

struct OpenedCapture
{
    std::unique_ptr<char[]> buffer; // outlives the handle, whose stream reads into it
    std::unique_ptr<pcap_t, PcapCloser> handle;
    QString error;
};

// libpcap recognises the format by its magic number, whatever the file's name says.
OpenedCapture openCapture(const QString &path)
{
    OpenedCapture opened;
    FILE *stream = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!stream) {
        opened.error = QCoreApplication::translate("tideline", "cannot open the file: %1")
                           .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return opened;
    }
    opened.buffer = std::make_unique_for_overwrite<char[]>(kStreamBuffer);
    std::setvbuf(stream, opened.buffer.get(), _IOFBF, kStreamBuffer);
    // Only the reading thread touches the stream, but once a process has a second thread
    // (the binner's worker) glibc locks the stream on every fread(), two per packet: without
    // the locks the reading thread's time for the benchmark capture fell from 0.85 to 0.75 s.
    __fsetlocking(stream, FSETLOCKING_BYCALLER);
    char errorBuffer[PCAP_ERRBUF_SIZE] = {};
    opened.handle.reset(
        pcap_fopen_offline_with_tstamp_precision(stream, PCAP_TSTAMP_PRECISION_NANO, errorBuffer));
    if (!opened.handle) {
        std::fclose(stream); // libpcap closes the stream only with a handle
        opened.error = QCoreApplication::translate("tideline", "not a capture libpcap can read: %1")
                           .arg(QString::fromLocal8Bit(errorBuffer));
    }
    return opened;
}

} // namespace

CaptureSummary readCapture(const QString &path, PacketSink *sink, const ProgressCallback &progress)
{
    CaptureSummary summary;
    summary.file = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        summary.error = diagnostic(path, Diagnostic::Severity::Error,
                                   QCoreApplication::translate("tideline", "no such file"));
        return summary;
    }
    summary.type = sniffCaptureFile(path);

    const OpenedCapture opened = openCapture(path);
    if (!opened.handle) {
        summary.error = diagnostic(path, Diagnostic::Severity::Error, opened.error);
        return summary;
    }
    pcap_t *const handle = opened.handle.get();

    const int dlt = pcap_datalink(handle);
    const bool classicPcap = summary.type.format == CaptureFormat::Pcap;
    const double fileSize = double(qMax<qint64>(1, info.size()));
    ThrottledProgress throttle(progress, 0);

    qint64 packets = 0, bytes = 0, capturedBytes = 0, decoded = 0, undecoded = 0, malformed = 0;
    qint64 backward = 0;
    TimeNs first = std::numeric_limits<TimeNs>::max();
    TimeNs last = std::numeric_limits<TimeNs>::min();
    TimeNs previous = std::numeric_limits<TimeNs>::min();
    bool reportedFraction = false, reportedRange = false;
    RecordOffset offset(pcap_file(handle), classicPcap, bpf_u_int32(pcap_snapshot(handle)));
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    int status = 0;
    while ((status = pcap_next_ex(handle, &header, &data)) == 1) {
        ++packets;
        StampProblem problem = StampProblem::None;
        const TimeNs time = toTimeNs(header->ts, classicPcap, problem);
        if (problem != StampProblem::None) {
            bool &reported = problem == StampProblem::Range ? reportedRange : reportedFraction;
            if (!reported) {
                reported = true;
                summary.warnings.push_back(diagnostic(
                    path, Diagnostic::Severity::Warning,
                    problem == StampProblem::Range
                        ? QCoreApplication::translate(
                              "tideline", "timestamp outside the years 1678 to 2262; clamped")
                        : QCoreApplication::translate(
                              "tideline", "timestamp with a fraction of a second out of range"),
                    packets, offset.next()));
            }
        }
        const Packet packet = decodePacket(dlt, data, header->caplen, header->len, time);
        bytes += header->len;
        capturedBytes += header->caplen;
        decoded += packet.decode == Packet::Decode::Ok;
        undecoded += packet.decode == Packet::Decode::Undecoded;
        malformed += packet.decode == Packet::Decode::Malformed;
        backward += time < previous;
        previous = time;
        first = qMin(first, time);
        last = qMax(last, time);
        if (sink)
            sink->addPacket(packet);
        offset.advance(header->caplen);

        if (packets % kProgressEveryPackets == 0 &&
            !throttle.update(packets, double(offset.next()) / fileSize)) {
            summary.cancelled = true;
            break;
        }
    }
    if (status == PCAP_ERROR) {
        // libpcap also stops at files it will not read on, such as a pcapng whose interfaces
        // have different link types: then its reason is the message, not "damaged".
        const QString reason = QString::fromLocal8Bit(pcap_geterr(handle));
        const char *message =
            reason.contains(QLatin1String("truncated"))
                ? QT_TRANSLATE_NOOP("tideline",
                                    "the file is truncated or damaged here; the packets before it "
                                    "are loaded (libpcap: %1)")
                : QT_TRANSLATE_NOOP("tideline",
                                    "libpcap stops reading the file here: %1; the packets before "
                                    "it are loaded");
        summary.warnings.push_back(diagnostic(path, Diagnostic::Severity::Warning,
                                              tr(message).arg(reason), packets + 1, offset.next()));
    }

    summary.linkTypes.push_back({dlt, linkTypeName(dlt), packets});
    summary.packets = packets;
    summary.bytes = bytes;
    summary.capturedBytes = capturedBytes;
    summary.decoded = decoded;
    summary.undecoded = undecoded;
    summary.malformed = malformed;
    summary.backwardTimestamps = backward;
    if (packets > 0) {
        summary.first = first;
        summary.last = last;
    }
    if (!summary.cancelled)
        throttle.force(packets, 1.0);
    return summary;
}

} // namespace tideline
