#include "csvwriter.h"

#include "common/csv.h"

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
    if (m_stdout) {
        m_stdout->flush();
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

QString CsvWriter::number(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

} // namespace tideline
