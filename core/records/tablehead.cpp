#include "tablehead.h"

#include "common/csvtokenizer.h"
#include "common/translate.h"
#include "numberparse.h"
#include "timeparse.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <algorithm>

namespace tideline {

namespace {

bool isNumber(std::string_view value, bool decimalComma)
{
    return parseNumber(value, decimalComma).has_value();
}

} // namespace

QString notATextTable(std::string_view data)
{
    const std::string_view head = data.substr(0, kTableHeadBytes);
    const auto startsWith = [&](std::string_view magic) {
        return head.substr(0, magic.size()) == magic;
    };
    using namespace std::string_view_literals;
    if (startsWith("\xFF\xFE"sv) || startsWith("\xFE\xFF"sv))
        return tr("is UTF-16 text: save the table as UTF-8 CSV");
    for (std::string_view magic : {"\xD4\xC3\xB2\xA1"sv, "\xA1\xB2\xC3\xD4"sv, "\x4D\x3C\xB2\xA1"sv,
                                   "\xA1\xB2\x3C\x4D"sv, "\x0A\x0D\x0D\x0A"sv}) {
        if (startsWith(magic))
            return tr("is a packet capture, not a table");
    }
    if (startsWith("\x1F\x8B"sv))
        return tr("is gzip-compressed: unpack it first");
    if (startsWith("PK\x03\x04"sv))
        return tr("is a ZIP archive (a spreadsheet?): export it as CSV");
    std::size_t controls = 0;
    for (char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0)
            return tr("is neither a packet capture (no pcap or pcapng magic number) nor a text "
                      "table: it holds binary data");
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f')
            ++controls;
    }
    if (controls * 100 > head.size())
        return tr("is neither a packet capture (no pcap or pcapng magic number) nor a text "
                  "table: it holds binary data");
    return QString();
}

bool excelSeparatorLine(std::string_view data, char &delimiter)
{
    data.remove_prefix(bomLength(data));
    if (data.size() < 5 || data.substr(0, 4) != "sep=")
        return false;
    if (data.size() > 5 && data[5] != '\n' && data[5] != '\r')
        return false;
    delimiter = data[4];
    return delimiter != '"' && delimiter != '\n' && delimiter != '\r';
}

bool looksLikeHeader(const TableRow &first, const std::vector<TableRow> &rows, bool decimalComma)
{
    if (rows.empty())
        return std::any_of(first.begin(), first.end(), [&](const std::string &v) {
            return !trimField(v).empty() && !isNumber(v, decimalComma);
        });
    for (std::size_t i = 0; i < first.size(); ++i) {
        const std::string_view cell = trimField(first[i]);
        if (cell.empty() || isNumber(cell, decimalComma))
            continue;
        std::size_t numbers = 0, nonEmpty = 0;
        std::vector<std::string_view> values;
        for (const TableRow &row : rows) {
            if (i >= row.size() || trimField(row[i]).empty())
                continue;
            ++nonEmpty;
            numbers += isNumber(row[i], decimalComma) ? 1 : 0;
            values.push_back(row[i]);
        }
        if (numbers > 0 && numbers * 2 >= nonEmpty)
            return true;
        const TimeFormat format = detectTimeFormat(values);
        if (format != TimeFormat::None && !parseTime(cell, format))
            return true;
    }
    return false;
}

QStringList headerNames(const TableRow &first, QStringList &warnings)
{
    // Names seen so far in a hash set, and per repeated name the suffix it reached: linear in
    // the number of columns, however many repeat (a list search made 4,000 columns all named
    // "a" take a minute).
    constexpr qsizetype kNamedRepeats = 10;
    QStringList names;
    names.reserve(qsizetype(first.size()));
    QSet<QString> taken;
    taken.reserve(qsizetype(first.size()));
    QHash<QString, int> lastSuffix;
    qsizetype repeats = 0;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const std::string_view cell = trimField(first[i]);
        QString name = QString::fromUtf8(cell.data(), qsizetype(cell.size()));
        if (name.isEmpty())
            name = QStringLiteral("column%1").arg(i + 1);
        if (taken.contains(name)) {
            int &suffix = lastSuffix[name];
            QString unique;
            do
                unique = name + QLatin1Char('.') + QString::number(++suffix);
            while (taken.contains(unique));
            if (++repeats <= kNamedRepeats)
                warnings << tr("the column name \"%1\" appears more than once; column %2 is "
                               "called \"%3\"")
                                .arg(name)
                                .arg(i + 1)
                                .arg(unique);
            name = unique;
        }
        taken.insert(name);
        names << name;
    }
    if (repeats > kNamedRepeats)
        warnings << tr("%1 more repeated column names were made unique the same way")
                        .arg(repeats - kNamedRepeats);
    return names;
}

} // namespace tideline
