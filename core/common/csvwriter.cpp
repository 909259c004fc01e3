#include "csvwriter.h"

#include <QCoreApplication>
#include <cmath>
#include <cstdio>

namespace tideline {

CsvWriter::CsvWriter(const QString &path)
    : m_path(path)
{
    QIODevice *device = nullptr;
    if (path == u"-") {
        m_stdout = std::make_unique<QFile>();
        if (m_stdout->open(stdout, QIODevice::WriteOnly))
            device = m_stdout.get();
        else
            m_error = m_stdout->errorString();
    } else {
        m_file = std::make_unique<QSaveFile>(path);
        if (m_file->open(QIODevice::WriteOnly))
            device = m_file.get();
        else
            m_error = QCoreApplication::translate("tideline", "cannot write %1: %2")
                          .arg(path, m_file->errorString());
    }
    if (device) {
        m_stream = std::make_unique<QTextStream>(device);
        m_stream->setEncoding(QStringConverter::Utf8);
    }
}

CsvWriter::~CsvWriter() = default;

void CsvWriter::writeRow(const QStringList &fields)
{
    if (!m_stream)
        return;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            *m_stream << ',';
        *m_stream << field(fields[i]);
    }
    *m_stream << "\r\n";
}

std::optional<QString> CsvWriter::commit()
{
    if (!m_stream)
        return m_error;
    m_stream->flush();
    if (m_stdout) {
        m_stdout->flush();
        return std::nullopt;
    }
    if (m_stream->status() != QTextStream::Ok || !m_file->commit()) {
        m_error = QCoreApplication::translate("tideline", "cannot write %1: %2")
                      .arg(m_path, m_file->errorString());
        return m_error;
    }
    return std::nullopt;
}

QString CsvWriter::field(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvWriter::number(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

} // namespace tideline
