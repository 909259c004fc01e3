#include "csvtable.h"

#include <QCoreApplication>
#include <utility>

namespace tideline {

CsvTable::CsvTable(const QString &path, Diagnostics &diagnostics)
    : m_path(path)
    , m_diagnostics(diagnostics)
    , m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_diagnostics.push_back(csvError(m_path, 0, 0, m_file.errorString()));
        return;
    }
    // Mapping keeps a large file out of our own memory; pipes (and empty files, which cannot be
    // mapped) are read.
    const qint64 size = m_file.size();
    std::string_view data;
    if (const uchar *mapped = size > 0 ? m_file.map(0, size) : nullptr) {
        data = std::string_view(reinterpret_cast<const char *>(mapped), std::size_t(size));
    } else {
        m_copy = m_file.readAll();
        if (m_file.error() != QFileDevice::NoError) {
            m_diagnostics.push_back(csvError(m_path, 0, 0, m_file.errorString()));
            return;
        }
        data = std::string_view(m_copy.constData(), std::size_t(m_copy.size()));
    }
    m_tokenizer.emplace(data, ',');
    const bool header = m_tokenizer->next();
    if (!header && m_tokenizer->limitReached() == CsvTokenizer::Limit::None) {
        m_diagnostics.push_back(
            csvError(m_path, 1, 0, QCoreApplication::translate("tideline", "the file is empty")));
        return;
    }
    if (!header || m_tokenizer->unterminatedQuote()) {
        reportStop();
        return;
    }
    m_headerLine = m_tokenizer->line();
    for (const std::string_view name : m_tokenizer->fields())
        m_header << QString::fromUtf8(name.data(), qsizetype(name.size()));
    m_open = true;
}

int CsvTable::column(QStringView name) const
{
    return csvColumn(m_header, name);
}

int CsvTable::firstColumn(std::initializer_list<QStringView> names) const
{
    for (const QStringView name : names) {
        const int found = column(name);
        if (found >= 0)
            return found;
    }
    return -1;
}

bool CsvTable::nameColumns(const QStringList &names)
{
    if (m_started || names.isEmpty() || names.size() != m_header.size())
        return false;
    m_header = names;
    m_headerIsData = true;
    return true;
}

void CsvTable::headerError(const QString &message)
{
    m_diagnostics.push_back(csvError(m_path, m_headerLine, 0, message));
}

bool CsvTable::next()
{
    if (!m_open || m_atEnd)
        return false;
    m_started = true;
    if (std::exchange(m_headerIsData, false))
        return true;
    if (m_tokenizer->next() && !m_tokenizer->unterminatedQuote())
        return true;
    m_atEnd = true;
    reportStop();
    return false;
}

void CsvTable::reportStop()
{
    QString message;
    switch (m_tokenizer->limitReached()) {
    case CsvTokenizer::Limit::None:
        if (!m_tokenizer->unterminatedQuote())
            return;
        message = QCoreApplication::translate("tideline", "a quoted field starting on line %1 is "
                                                          "never closed")
                      .arg(m_tokenizer->line());
        break;
    case CsvTokenizer::Limit::RecordBytes:
        message = QCoreApplication::translate("tideline", "a row (or header) longer than %1 MB, "
                                                          "the most Tideline reads")
                      .arg(CsvTokenizer::kMaxRecordBytes / (1024 * 1024));
        break;
    case CsvTokenizer::Limit::Fields:
        message = QCoreApplication::translate("tideline", "a row (or header) with more than %1 "
                                                          "fields, the most Tideline reads")
                      .arg(CsvTokenizer::kMaxFields);
        break;
    }
    m_diagnostics.push_back(csvError(m_path, m_tokenizer->line(), 0, message));
}

std::string_view CsvTable::bytes(int column) const
{
    if (!m_open || column < 0)
        return {};
    const std::vector<std::string_view> &fields = m_tokenizer->fields();
    return std::size_t(column) < fields.size() ? fields[std::size_t(column)] : std::string_view();
}

QString CsvTable::field(int column) const
{
    const std::string_view value = bytes(column);
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

QString CsvTable::text(int column) const
{
    return field(column).trimmed();
}

void CsvTable::error(int column, const QString &message)
{
    m_diagnostics.push_back(
        csvError(m_path, m_tokenizer ? m_tokenizer->line() : 0, column + 1, message));
}

int csvColumn(const QStringList &header, QStringView name)
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (QStringView(header[i]).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

Diagnostic csvError(const QString &path, qint64 line, int column, const QString &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.record = line;
    d.column = column;
    d.message = message;
    return d;
}

} // namespace tideline
