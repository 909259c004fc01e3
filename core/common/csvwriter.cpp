#include "csvwriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace tideline {

CsvWriter::CsvWriter(const QString &path)
    : m_path(path)
{
    QIODevice *device = nullptr;
    const QFileInfo target(path);
    if (path == u"-") {
        m_inPlace = std::make_unique<QFile>();
        if (m_inPlace->open(stdout, QIODevice::WriteOnly))
            device = m_inPlace.get();
        else
            m_error = m_inPlace->errorString();
    } else if (target.exists() && !target.isFile() && !target.isDir()) {
        // A device or a pipe (-o /dev/null, a FIFO) is written in place: replacing it with a
        // file, as an atomic save would, turns /dev/null into a file for the whole machine.
        m_inPlace = std::make_unique<QFile>(path);
        if (m_inPlace->open(QIODevice::WriteOnly))
            device = m_inPlace.get();
        else
            m_error = QCoreApplication::translate("tideline", "cannot write %1: %2")
                          .arg(path, m_inPlace->errorString());
    } else {
        m_file = std::make_unique<QSaveFile>(path);
        if (m_file->open(QIODevice::WriteOnly))
            device = m_file.get();
        else
            m_error = QCoreApplication::translate("tideline", "cannot write %1: %2")
                          .arg(path, m_file->errorString());
    }
    m_device = device;
}

CsvWriter::~CsvWriter() = default;

void CsvWriter::writeRow(const QStringList &fields)
{
    if (m_device)
        m_device->write(csvRecord(fields));
}

std::optional<QString> CsvWriter::commit()
{
    if (!m_device)
        return m_error;
    if (m_inPlace) {
        if (!m_inPlace->flush())
            return QCoreApplication::translate("tideline", "cannot write %1: %2")
                .arg(m_path, m_inPlace->errorString());
        return std::nullopt;
    }
    // Qt 6.4's commit() does not report a flush that fails as it closes (a full disk, a file
    // size limit) and would replace the earlier file with a truncated one: flush first.
    if (!m_file->flush() || !m_file->commit()) {
        m_error = QCoreApplication::translate("tideline", "cannot write %1: %2")
                      .arg(m_path, m_file->errorString());
        m_file->cancelWriting(); // after reading the reason: this sets its own
        return m_error;
    }
    return std::nullopt;
}

void CsvWriter::writeEncoded(QByteArrayView records)
{
    if (m_device)
        m_device->write(records.data(), records.size());
}

char *CsvWriter::writeNumber(char *out, double value)
{
    // Whole numbers below 1e15 as integers (a count of 1000000 is not "1e+06"); anything else
    // as the shortest text that reads back to the same double (0.17, not 0.17000000000000001).
    char *const end = out + kNumberRoom;
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15)
        return std::to_chars(out, end, qint64(value)).ptr;
    if (std::isnan(value)) // to_chars would write "-nan" for a NaN with its sign bit set
        return std::copy_n("nan", 3, out);
    return std::to_chars(out, end, value).ptr;
}

void CsvWriter::appendNumber(QByteArray &out, double value)
{
    std::array<char, kNumberRoom> text{};
    out.append(text.data(), writeNumber(text.data(), value) - text.data());
}

QString CsvWriter::number(double value)
{
    QByteArray text;
    appendNumber(text, value);
    return QString::fromLatin1(text);
}

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') ||
                             text.contains(u'\r') ||
                             (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!needsQuotes)
        return text;
    QString escaped = text;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray csvRecord(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += u',';
        line += csvField(fields[i]);
    }
    line += QStringLiteral("\r\n");
    return line.toUtf8();
}

} // namespace tideline
