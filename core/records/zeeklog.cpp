#include "zeeklog.h"

#include "common/csvtokenizer.h"

#include <QCoreApplication>
#include <QStringList>

namespace tideline {

namespace {

std::string_view lineAt(std::string_view bytes, std::size_t begin, std::size_t &next)
{
    std::size_t end = bytes.find('\n', begin);
    if (end == std::string_view::npos)
        end = bytes.size();
    next = end + 1;
    std::string_view line = bytes.substr(begin, end - begin);
    if (line.ends_with('\r'))
        line.remove_suffix(1);
    return line;
}

// "#separator \x09" → the byte it names.
char separatorOf(std::string_view value)
{
    if (value.size() == 4 && value.starts_with("\\x")) {
        unsigned byte = 0;
        for (const char c : value.substr(2)) {
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0)
                return '\t';
            byte = byte * 16 + unsigned(digit);
        }
        return char(byte);
    }
    return value.size() == 1 ? value.front() : '\t';
}

QStringList split(std::string_view line, char separator)
{
    QStringList fields;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = line.find(separator, begin);
        fields << QString::fromUtf8(line.substr(
            begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
        if (end == std::string_view::npos)
            return fields;
        begin = end + 1;
    }
}

} // namespace

bool looksLikeZeekLog(std::string_view bytes)
{
    return bytes.starts_with("#separator ");
}

TableText readZeekLog(std::string_view bytes, const QString &source)
{
    TableText result;
    result.syntax = QStringLiteral("zeek");
    char separator = '\t';
    QString unset = QStringLiteral("-");
    QString empty = QStringLiteral("(empty)");
    qsizetype columns = -1;
    qint64 line = 0;
    for (std::size_t begin = 0, next = 0; begin < bytes.size(); begin = next) {
        ++line;
        const std::string_view text = lineAt(bytes, begin, next);
        if (text.size() > CsvTokenizer::kMaxRecordBytes) {
            Diagnostic d;
            d.severity = Diagnostic::Severity::Error;
            d.file = source;
            d.record = line;
            d.message =
                QCoreApplication::translate(
                    "tideline", "a row (or header) longer than %1 MB, the most Tideline reads")
                    .arg(CsvTokenizer::kMaxRecordBytes / (1024 * 1024));
            result.error = d;
            return result;
        }
        if (text.starts_with('#')) {
            const std::size_t space = text.find_first_of(" \t");
            const std::string_view key = text.substr(0, space);
            const std::string_view value =
                space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
            if (key == "#separator") {
                separator = separatorOf(value);
            } else if (key == "#unset_field") {
                unset = QString::fromUtf8(value);
            } else if (key == "#empty_field") {
                empty = QString::fromUtf8(value);
            } else if (key == "#fields" && columns < 0) {
                const QStringList names = split(value, separator);
                columns = names.size();
                appendCsvLine(result.csv, names);
            }
            continue;
        }
        if (text.empty())
            continue;
        if (columns < 0) {
            Diagnostic d;
            d.severity = Diagnostic::Severity::Error;
            d.file = source;
            d.record = line;
            d.message = QCoreApplication::translate(
                "tideline", "a Zeek log without a #fields line before its first row");
            result.error = d;
            return result;
        }
        QStringList fields = split(text, separator);
        for (QString &field : fields) {
            if (field == unset || field == empty)
                field.clear();
        }
        appendCsvLine(result.csv, fields);
        result.lines.push_back(line);
    }
    return result;
}

} // namespace tideline
