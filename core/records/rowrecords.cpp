#include "rowrecords.h"

#include "common/csvtokenizer.h"

#include <utility>

namespace tideline {

RowRecords::RowRecords(QStringList names, int label, char delimiter)
    : m_names(std::move(names))
    , m_label(label < m_names.size() ? label : -1)
    , m_delimiter(delimiter)
{}

void RowRecords::add(std::string_view row)
{
    while (!row.empty() && (row.back() == '\n' || row.back() == '\r'))
        row.remove_suffix(1);
    m_text.append(row);
    m_ends.push_back(m_text.size());
}

QStringList RowRecords::fields(std::size_t i) const
{
    QStringList out;
    if (i >= m_ends.size())
        return out;
    const std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
    CsvTokenizer tokenizer(std::string_view(m_text).substr(begin, m_ends[i] - begin), m_delimiter);
    if (tokenizer.next()) {
        for (std::string_view field : tokenizer.fields())
            out << QString::fromUtf8(field.data(), qsizetype(field.size())).trimmed();
    }
    while (out.size() < m_names.size())
        out << QString();
    return out;
}

QString RowRecords::label(std::size_t i) const
{
    if (m_label < 0 || i >= m_ends.size())
        return QString();
    return fields(i).value(m_label);
}

} // namespace tideline
