#include "packetsource.h"

#include "capture/packetdecoder.h"
#include "capture/pcapngwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <chrono>
#include <memory>
#include <optional>
#include <pcap/pcap.h>
#include <poll.h>
#include <thread>

namespace tideline {

namespace {

struct PcapCloser
{
    void operator()(pcap_t *handle) const { pcap_close(handle); }
};
using PcapHandle = std::unique_ptr<pcap_t, PcapCloser>;

// Handles are opened with nanosecond precision: tv_usec holds nanoseconds.
TimeNs stamp(const pcap_pkthdr &header)
{
    return TimeNs(header.ts.tv_sec) * kNsPerSecond + TimeNs(header.ts.tv_usec);
}

constexpr int kBufferBytes = 64 << 20;
constexpr int kBlockTimeoutMs = 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline", text);
}

// Writes the captured packets to ring files of pcapng, starting the next when one is full.
class Ring
{
public:
    Ring(pcap_t *handle, const InterfaceOptions &options)
        : m_handle(handle)
        , m_options(options)
    {}

    QString open()
    {
        if (!QDir().mkpath(m_options.ringDirectory))
            return tr("--ring: cannot create the folder %1").arg(m_options.ringDirectory);
        return next();
    }

    QString write(const pcap_pkthdr *header, const u_char *data)
    {
        m_writer->write(stamp(*header), {data, header->caplen}, header->len);
        if (m_writer->failed())
            return close();
        if (m_writer->written() < m_options.ringFileBytes)
            return {};
        return next();
    }

    QString close()
    {
        if (!m_writer)
            return {};
        const std::optional<QString> error = m_writer->finish();
        m_writer.reset();
        return error ? tr("--ring: %1: %2").arg(path(m_index), *error) : QString();
    }

private:
    QString path(qint64 index) const
    {
        return QDir(m_options.ringDirectory)
            .filePath(QStringLiteral("tideline-%1.pcapng").arg(index, 6, 10, QLatin1Char('0')));
    }

    QString next()
    {
        if (const QString error = close(); !error.isEmpty())
            return error;
        const QString file = path(++m_index);
        QString error;
        BufferedFile opened = openBuffered(file, error);
        if (!opened.file)
            return tr("--ring: %1: %2").arg(file, error);
        PcapngWriter::Interface interface;
        interface.linkType = pcap_datalink(m_handle);
        interface.snapLength = pcap_snapshot(m_handle);
        interface.nanoseconds = true;
        interface.name = m_options.interface.toUtf8();
        interface.application = QByteArrayLiteral("Tideline");
        m_writer = std::make_unique<PcapngWriter>(opened.file, std::move(opened.buffer), interface);
        if (m_index > m_options.ringFiles)
            QFile::remove(path(m_index - m_options.ringFiles));
        return {};
    }

    pcap_t *m_handle;
    const InterfaceOptions &m_options;
    std::unique_ptr<PcapngWriter> m_writer;
    qint64 m_index = 0;
};

struct CaptureContext
{
    int linkType = 0;
    LiveSink *sink = nullptr;
    Ring *ring = nullptr;
    CaptureStats *stats = nullptr;
    QString error;
};

void takePacket(u_char *user, const pcap_pkthdr *header, const u_char *data)
{
    auto *context = reinterpret_cast<CaptureContext *>(user);
    context->sink->addPacket(
        decodePacket(context->linkType, data, header->caplen, header->len, stamp(*header)));
    ++context->stats->packets;
    if (context->ring && context->error.isEmpty())
        context->error = context->ring->write(header, data);
}

QString activationError(pcap_t *handle, int status, const QString &interface)
{
    const QString reason = QString::fromLocal8Bit(pcap_geterr(handle));
    if (status == PCAP_ERROR_PERM_DENIED ||
        reason.contains(QLatin1String("Operation not permitted")))
        return tr("capturing on %1 is not permitted (%2). Give the program the capability once, "
                  "as root: setcap cap_net_raw,cap_net_admin=eip %3")
            .arg(interface, reason, QCoreApplication::applicationFilePath());
    if (status == PCAP_ERROR_NO_SUCH_DEVICE)
        return tr("there is no interface %1 (%2)").arg(interface, reason);
    return tr("cannot capture on %1: %2").arg(interface, reason);
}

} // namespace

QString replayCapture(const ReplayOptions &options, LiveSink &sink, const std::atomic<bool> &stop,
                      CaptureStats &stats)
{
    char errors[PCAP_ERRBUF_SIZE] = {};
    const PcapHandle handle(pcap_open_offline_with_tstamp_precision(
        QFile::encodeName(options.path).constData(), PCAP_TSTAMP_PRECISION_NANO, errors));
    if (!handle)
        return QStringLiteral("%1: %2").arg(options.path, QString::fromLocal8Bit(errors));
    const int linkType = pcap_datalink(handle.get());
    using Clock = std::chrono::steady_clock;
    const Clock::time_point started = Clock::now();
    TimeNs first = 0;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    int status = 0;
    while (!stop.load(std::memory_order_relaxed) &&
           (status = pcap_next_ex(handle.get(), &header, &data)) == 1) {
        const TimeNs time = stamp(*header);
        if (stats.packets == 0)
            first = time;
        if (options.speed > 0.0) {
            // Wait until the packet's time has come, moving the sink's clock on meanwhile.
            const auto due =
                started + std::chrono::nanoseconds(qint64(double(time - first) / options.speed));
            for (Clock::time_point now = Clock::now(); now < due && !stop; now = Clock::now()) {
                std::this_thread::sleep_for(
                    std::min<Clock::duration>(due - now, std::chrono::milliseconds(20)));
                const auto elapsed =
                    std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started);
                // Never past the packet waited for: a bin it belongs to must not close first.
                sink.advanceTo(
                    std::min(time, first + TimeNs(double(elapsed.count()) * options.speed)));
            }
        }
        sink.addPacket(decodePacket(linkType, data, header->caplen, header->len, time));
        ++stats.packets;
    }
    if (status == PCAP_ERROR)
        return tr("%1: stopped after packet %2: %3")
            .arg(options.path)
            .arg(stats.packets)
            .arg(QString::fromLocal8Bit(pcap_geterr(handle.get())));
    return {};
}

QString captureInterface(const InterfaceOptions &options, LiveSink &sink,
                         const std::atomic<bool> &stop, CaptureStats &stats)
{
    char errors[PCAP_ERRBUF_SIZE] = {};
    const PcapHandle handle(pcap_create(options.interface.toLocal8Bit().constData(), errors));
    if (!handle)
        return tr("cannot capture on %1: %2")
            .arg(options.interface, QString::fromLocal8Bit(errors));
    pcap_t *const pcap = handle.get();
    pcap_set_snaplen(pcap, options.snapLength);
    pcap_set_promisc(pcap, 0);
    // Not immediate mode: then each packet would take a slot of the snap length in the
    // kernel's ring (64 KB on lo), and a burst of a thousand would overflow it. Packed into
    // blocks instead, a block reaches us when full or after this many milliseconds.
    pcap_set_timeout(pcap, kBlockTimeoutMs);
    pcap_set_buffer_size(pcap, kBufferBytes);
    pcap_set_tstamp_precision(pcap, PCAP_TSTAMP_PRECISION_NANO);
    if (const int status = pcap_activate(pcap); status < 0)
        return activationError(pcap, status, options.interface);
    if (!options.filter.isEmpty()) {
        bpf_program program{};
        if (pcap_compile(pcap, &program, options.filter.toUtf8().constData(), 1,
                         PCAP_NETMASK_UNKNOWN) != 0)
            return tr("--filter '%1': %2")
                .arg(options.filter, QString::fromLocal8Bit(pcap_geterr(pcap)));
        const int set = pcap_setfilter(pcap, &program);
        pcap_freecode(&program);
        if (set != 0)
            return tr("--filter '%1': %2")
                .arg(options.filter, QString::fromLocal8Bit(pcap_geterr(pcap)));
    }
    if (pcap_setnonblock(pcap, 1, errors) != 0)
        return tr("cannot capture on %1: %2")
            .arg(options.interface, QString::fromLocal8Bit(errors));
    std::optional<Ring> ring;
    if (!options.ringDirectory.isEmpty()) {
        ring.emplace(pcap, options);
        if (const QString error = ring->open(); !error.isEmpty())
            return error;
    }
    CaptureContext context;
    context.linkType = pcap_datalink(pcap);
    context.sink = &sink;
    context.ring = ring ? &*ring : nullptr;
    context.stats = &stats;
    pollfd descriptor{pcap_get_selectable_fd(pcap), POLLIN, 0};
    TimeNs lastStats = wallClock();
    // Packets reach us a little after their stamps: a bin closes on the clock only once
    // this much later, so its last packets are not counted in the next one.
    constexpr TimeNs kLateness = 50 * kNsPerMs;
    // On a quiet interface the clock alone closes bins: look at it this often.
    constexpr int kPollMs = 20;
    while (!stop.load(std::memory_order_relaxed)) {
        poll(&descriptor, 1, kPollMs);
        const int count = pcap_dispatch(pcap, -1, takePacket, reinterpret_cast<u_char *>(&context));
        if (count == PCAP_ERROR)
            return tr("capture on %1 failed: %2")
                .arg(options.interface, QString::fromLocal8Bit(pcap_geterr(pcap)));
        if (!context.error.isEmpty())
            return context.error;
        const TimeNs now = wallClock();
        sink.advanceTo(now - kLateness);
        if (now - lastStats >= kNsPerSecond) {
            lastStats = now;
            pcap_stat counts{};
            if (pcap_stats(pcap, &counts) == 0) {
                stats.kernelDrops = counts.ps_drop;
                stats.interfaceDrops = counts.ps_ifdrop;
            }
            if (options.statsChanged)
                options.statsChanged(stats);
        }
    }
    pcap_stat counts{};
    if (pcap_stats(pcap, &counts) == 0) {
        stats.kernelDrops = counts.ps_drop;
        stats.interfaceDrops = counts.ps_ifdrop;
    }
    return ring ? ring->close() : QString();
}

QString filterProblem(const QString &filter)
{
    const PcapHandle dead(pcap_open_dead(DLT_EN10MB, 262144));
    bpf_program program{};
    if (pcap_compile(dead.get(), &program, filter.toUtf8().constData(), 1, PCAP_NETMASK_UNKNOWN) !=
        0)
        return QString::fromLocal8Bit(pcap_geterr(dead.get()));
    pcap_freecode(&program);
    return {};
}

} // namespace tideline
