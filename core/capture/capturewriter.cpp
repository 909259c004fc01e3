#include "capturewriter.h"

#include "pcapngwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#include <cstdio>
#include <pcap/pcap.h>

namespace tideline {

namespace {

constexpr int kSnapLength = 262144;
constexpr std::size_t kBufferSize = 1 << 20;

QString writeError(int error)
{
    return QCoreApplication::translate("tideline", "cannot write the file: %1")
        .arg(qt_error_string(error));
}

// Classic pcap through pcap_dump on a stream we opened, so errors come with errno.
class PcapDumpWriter : public CaptureWriter
{
public:
    PcapDumpWriter(pcap_t *dead, pcap_dumper_t *dumper, std::unique_ptr<char[]> buffer)
        : m_dead(dead)
        , m_dumper(dumper)
        , m_file(pcap_dump_file(dumper))
        , m_buffer(std::move(buffer))
    {}
    ~PcapDumpWriter() override
    {
        if (m_dumper)
            pcap_dump_close(m_dumper);
        pcap_close(m_dead);
    }

    void write(TimeNs time, std::span<const std::uint8_t> frame) override
    {
        pcap_pkthdr header{};
        header.ts.tv_sec = time / kNsPerSecond;
        header.ts.tv_usec = suseconds_t(time % kNsPerSecond / kNsPerUs);
        header.caplen = bpf_u_int32(frame.size());
        header.len = bpf_u_int32(frame.size());
        errno = 0;
        pcap_dump(reinterpret_cast<u_char *>(m_dumper), &header, frame.data());
        // pcap_dump() returns nothing: catch the first failure while errno still says why.
        if (m_error == 0 && std::ferror(m_file))
            m_error = errno != 0 ? errno : EIO;
    }

    bool failed() const override { return m_error != 0; }

    std::optional<QString> finish() override
    {
        errno = 0;
        if (pcap_dump_flush(m_dumper) != 0 && m_error == 0)
            m_error = errno != 0 ? errno : EIO;
        // Closes the stream; after a successful flush there is nothing left that could fail.
        pcap_dump_close(m_dumper);
        m_dumper = nullptr;
        if (m_error != 0)
            return writeError(m_error);
        return std::nullopt;
    }

private:
    pcap_t *m_dead;
    pcap_dumper_t *m_dumper;
    std::FILE *m_file;
    std::unique_ptr<char[]> m_buffer; // the stream's buffer, freed after the stream
    int m_error = 0;                  // errno of the first failed write
};

} // namespace

BufferedFile openBuffered(const QString &path, QString &error)
{
    BufferedFile opened;
    errno = 0;
    opened.file = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!opened.file) {
        error = QCoreApplication::translate("tideline", "cannot create the file: %1")
                    .arg(qt_error_string(errno));
        return opened;
    }
    opened.buffer = std::make_unique<char[]>(kBufferSize);
    std::setvbuf(opened.file, opened.buffer.get(), _IOFBF, kBufferSize);
    return opened;
}

std::unique_ptr<CaptureWriter> CaptureWriter::create(const QString &path, CaptureFormat format,
                                                     QString &error)
{
    BufferedFile opened = openBuffered(path, error);
    if (!opened.file)
        return nullptr;
    std::FILE *file = opened.file;
    auto buffer = std::move(opened.buffer);
    if (format == CaptureFormat::PcapNg) {
        PcapngWriter::Interface ethernet;
        ethernet.snapLength = kSnapLength;
        return std::make_unique<PcapngWriter>(file, std::move(buffer), ethernet);
    }

    pcap_t *dead =
        pcap_open_dead_with_tstamp_precision(DLT_EN10MB, kSnapLength, PCAP_TSTAMP_PRECISION_MICRO);
    pcap_dumper_t *dumper = dead ? pcap_dump_fopen(dead, file) : nullptr;
    if (!dumper) {
        error = QCoreApplication::translate("tideline", "cannot start the capture file: %1")
                    .arg(dead ? QString::fromLocal8Bit(pcap_geterr(dead)) : QString());
        if (dead)
            pcap_close(dead);
        std::fclose(file);
        return nullptr;
    }
    return std::make_unique<PcapDumpWriter>(dead, dumper, std::move(buffer));
}

} // namespace tideline
