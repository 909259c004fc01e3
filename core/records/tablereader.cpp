#include "tablereader.h"

#include "common/csvtokenizer.h"
#include "common/throttledprogress.h"
#include "common/translate.h"
#include "numberparse.h"
#include "tablehead.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

namespace tideline {

namespace {

constexpr std::size_t kSampleRows = 1000;
// The sample also stops at this many fields: wide tables are sampled on fewer rows.
constexpr std::size_t kSampleFields = 1'000'000;
constexpr qint64 kProgressEveryRows = 4096;
// A text column is a category (a protocol, a service, a state) when its sample holds at most
// this many distinct values, each seen twice on average: addresses and free text are not.
constexpr std::size_t kMostSampleCategories = 200;

// Messages are written QCoreApplication::translate("tideline", "…") where they are used, so
// lupdate files them under the context tideline::tr() reads: it extracts nothing from a literal
// inside tr(QT_TRANSLATE_NOOP(…)), and a literal kept apart (`message`) is marked
// QT_TRANSLATE_NOOP("tideline", …).

// A field as it may appear in a message: at most 40 characters.
QString shown(std::string_view value)
{
    constexpr std::size_t kMax = 40;
    QString text = QString::fromUtf8(value.data(), qsizetype(std::min(value.size(), kMax)));
    if (value.size() > kMax)
        text += QStringLiteral("…");
    return text;
}

// Why the tokenizer stopped before the end, or empty when it did not.
QString limitProblem(const CsvTokenizer &tokenizer)
{
    switch (tokenizer.limitReached()) {
    case CsvTokenizer::Limit::None:
        return QString();
    case CsvTokenizer::Limit::RecordBytes:
        return QCoreApplication::translate("tideline", "line %1: a row (or header) longer than "
                                                       "%2 MB, the most Tideline reads")
            .arg(tokenizer.line())
            .arg(CsvTokenizer::kMaxRecordBytes / (1024 * 1024));
    case CsvTokenizer::Limit::Fields:
        return QCoreApplication::translate("tideline", "line %1: a row (or header) with more "
                                                       "than %2 fields, the most Tideline reads")
            .arg(tokenizer.line())
            .arg(CsvTokenizer::kMaxFields);
    }
    return QString();
}

std::vector<ColumnSample> sampleColumns(const QStringList &names, const std::vector<TableRow> &rows,
                                        bool decimalComma)
{
    std::vector<ColumnSample> columns(std::size_t(names.size()));
    for (std::size_t i = 0; i < columns.size(); ++i) {
        ColumnSample &c = columns[i];
        c.name = names[qsizetype(i)];
        c.key = normaliseHeader(c.name.toStdString());
        std::size_t nonEmpty = 0, numbers = 0;
        for (const TableRow &row : rows) {
            if (i >= row.size())
                continue;
            c.values.push_back(row[i]);
            if (trimField(row[i]).empty())
                continue;
            ++nonEmpty;
            numbers += parseNumber(row[i], decimalComma) ? 1 : 0;
        }
        // Mostly numbers: a number column whose odd values are reported as bad rows.
        c.numeric = numbers * 2 > nonEmpty;
    }
    return columns;
}

// The start of a table as its reader sees it: the delimiter, the first row and a sample of the
// rows after it, which decide the header, the column types and the flavour.
struct TableStart
{
    char delimiter = ',';
    bool separatorLine = false; // Excel's "sep=;" line, skipped
    bool decimalComma = false;
    bool hasRows = false;
    TableRow first;
    std::vector<TableRow> sample;
    qint64 sampledBytes = 0; // where the sample ends
    QString limit;           // a record of the sample passed the tokenizer's limits
};

TableStart readStart(std::string_view bytes)
{
    TableStart start;
    start.separatorLine = excelSeparatorLine(bytes, start.delimiter);
    if (!start.separatorLine)
        start.delimiter = sniffDelimiter(bytes.substr(bomLength(bytes), kTableHeadBytes));
    start.decimalComma = start.delimiter != ',';
    CsvTokenizer sampler(bytes, start.delimiter);
    if (start.separatorLine)
        sampler.skipLine();
    start.hasRows = sampler.next();
    if (!start.hasRows) {
        start.limit = limitProblem(sampler);
        return start;
    }
    start.first.assign(sampler.fields().begin(), sampler.fields().end());
    std::size_t fields = start.first.size();
    while (start.sample.size() < kSampleRows && fields < kSampleFields && sampler.next()) {
        start.sample.emplace_back(sampler.fields().begin(), sampler.fields().end());
        fields += start.sample.back().size();
    }
    start.limit = limitProblem(sampler);
    start.sampledBytes = sampler.position();
    return start;
}

// A text column whose sample repeats a few values, read for the supervised detectors.
bool isCategory(const ColumnSample &sample)
{
    std::set<std::string_view> distinct;
    std::size_t nonEmpty = 0;
    for (const std::string &value : sample.values) {
        const std::string_view field = trimField(value);
        if (field.empty())
            continue;
        ++nonEmpty;
        distinct.insert(field);
        if (distinct.size() > kMostSampleCategories)
            return false;
    }
    return !distinct.empty() && distinct.size() * 2 <= nonEmpty;
}

void assignStorage(std::vector<TableColumn> &columns, const std::vector<ColumnSample> &samples,
                   const FlavourDetection &detection)
{
    using Storage = TableColumn::Storage;
    const TableRoles &roles = detection.roles;
    const auto set = [&](int index, Storage storage) {
        if (index >= 0)
            columns[std::size_t(index)].storage = storage;
    };
    if (detection.layout == TableLayout::Binned) {
        for (int index : {roles.packets, roles.packetsReverse, roles.bytes, roles.bytesReverse,
                          roles.sourcePackets, roles.sourceBytes, roles.duration, roles.syn,
                          roles.synNoAck, roles.ack, roles.rst, roles.fin})
            set(index, Storage::Number);
        for (int index : {roles.protocol, roles.source, roles.destination, roles.sourcePort,
                          roles.destinationPort})
            set(index, Storage::Text);
        set(roles.end, Storage::Time);
        for (int index : {roles.sourcePackets, roles.sourceBytes, roles.duration, roles.ack,
                          roles.rst, roles.fin, roles.end}) {
            if (index >= 0)
                columns[std::size_t(index)].lenient = true;
        }
        set(roles.synInfo, Storage::SynFlag);
    } else {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const bool excluded = std::find(roles.excluded.begin(), roles.excluded.end(), int(i)) !=
                                  roles.excluded.end();
            if (columns[i].numeric && !excluded)
                columns[i].storage = Storage::Number;
            else if (!excluded && int(i) != roles.time && isCategory(samples[i]))
                columns[i].storage = Storage::Text;
        }
    }
    set(roles.time, Storage::Time);
    set(roles.label, Storage::Text);
}

// Reads the rows after the header into the stored columns.
class RowReader
{
public:
    RowReader(TableReadResult &result, const TableOptions &options, bool decimalComma)
        : m_result(result)
        , m_options(options)
        , m_decimalComma(decimalComma)
        , m_dictionaries(result.table.columns.size())
    {
        for (std::size_t i = 0; i < result.table.columns.size(); ++i) {
            if (result.table.columns[i].storage != TableColumn::Storage::Unused)
                m_stored.push_back(i);
        }
        m_pending.resize(m_stored.size());
        m_keepExtents =
            result.table.layout == TableLayout::Rows ||
            (result.table.layout == TableLayout::Binned && result.table.roles.hasEndpoints());
    }

    // Growing a million-row column by doubling costs more than reading it.
    void reserve(std::size_t rows)
    {
        Table &table = m_result.table;
        table.lines.reserve(rows);
        if (m_keepExtents)
            table.extents.reserve(rows);
        for (std::size_t i : m_stored) {
            TableColumn &column = table.columns[i];
            switch (column.storage) {
            case TableColumn::Storage::Number:
            case TableColumn::Storage::SynFlag:
                column.numbers.reserve(rows);
                break;
            case TableColumn::Storage::Time:
                column.times.reserve(rows);
                break;
            case TableColumn::Storage::Text:
                column.codes.reserve(rows);
                break;
            case TableColumn::Storage::Unused:
                break;
            }
        }
    }

    // False when the load must stop (policy Stop). `extent`: where the row lies in the bytes.
    bool addRow(const std::vector<std::string_view> &fields, qint64 line, bool unterminated,
                std::pair<qint64, qint64> extent)
    {
        Table &table = m_result.table;
        const std::size_t expected = table.columns.size();
        ++m_result.summary.rows;
        if (unterminated)
            return problem(
                line, int(fields.size()),
                QCoreApplication::translate(
                    "tideline", "a quoted field is not closed before the end of the file"));
        const bool trailingEmpty =
            fields.size() == expected + 1 && trimField(fields.back()).empty();
        if (fields.size() != expected && !trailingEmpty) {
            const int column = int(std::min(fields.size(), expected)) + 1;
            return problem(line, column,
                           QCoreApplication::translate("tideline", "expected %1 fields, found %2")
                               .arg(expected)
                               .arg(fields.size()));
        }
        for (std::size_t k = 0; k < m_stored.size(); ++k) {
            const std::size_t i = m_stored[k];
            if (!parseField(table.columns[i], i, fields[i], m_pending[k], line))
                return m_options.badRows == BadRowPolicy::Skip;
        }
        for (std::size_t k = 0; k < m_stored.size(); ++k) {
            TableColumn &column = table.columns[m_stored[k]];
            switch (column.storage) {
            case TableColumn::Storage::Number:
            case TableColumn::Storage::SynFlag:
                column.numbers.push_back(m_pending[k].number);
                break;
            case TableColumn::Storage::Time:
                column.times.push_back(m_pending[k].time);
                break;
            case TableColumn::Storage::Text:
                column.codes.push_back(m_pending[k].code);
                break;
            case TableColumn::Storage::Unused:
                break;
            }
        }
        table.lines.push_back(line);
        if (m_keepExtents)
            table.extents.push_back(extent);
        return true;
    }

private:
    struct Value
    {
        double number = 0.0;
        TimeNs time = 0;
        std::uint32_t code = 0;
    };

    bool parseField(TableColumn &column, std::size_t index, std::string_view field, Value &value,
                    qint64 line)
    {
        switch (column.storage) {
        case TableColumn::Storage::Number:
            if (readNumber(field, value.number, m_decimalComma))
                return true;
            if (column.lenient || isMissingValue(field)) {
                value.number = std::numeric_limits<double>::quiet_NaN();
                return true;
            }
            problem(
                line, int(index) + 1,
                QCoreApplication::translate("tideline", "\"%1\" is not a number (column \"%2\")")
                    .arg(shown(field), column.name));
            return false;
        case TableColumn::Storage::SynFlag:
            value.number = field.find("[SYN]") != std::string_view::npos ? 1.0 : 0.0;
            return true;
        case TableColumn::Storage::Time:
            if (const std::optional<TimeNs> t = parseTime(field, m_result.table.roles.timeFormat)) {
                value.time = *t;
                return true;
            }
            if (column.lenient) {
                value.time = std::numeric_limits<TimeNs>::min();
                return true;
            }
            if (outOfRangeTime(field, m_result.table.roles.timeFormat)) {
                problem(line, int(index) + 1,
                        QCoreApplication::translate("tideline",
                                                    "\"%1\" lies outside the years 1678 to 2262, "
                                                    "which Tideline cannot represent")
                            .arg(shown(field)));
                return false;
            }
            problem(line, int(index) + 1,
                    QCoreApplication::translate(
                        "tideline", "\"%1\" is not a time in the form of this column (%2)")
                        .arg(shown(field), timeFormatName(m_result.table.roles.timeFormat)));
            return false;
        case TableColumn::Storage::Text: {
            auto &dictionary = m_dictionaries[index];
            m_key.assign(trimField(field));
            auto it = dictionary.find(m_key);
            if (it == dictionary.end()) {
                it = dictionary.emplace(m_key, std::uint32_t(column.dictionary.size())).first;
                column.dictionary.push_back(m_key);
            }
            value.code = it->second;
            return true;
        }
        case TableColumn::Storage::Unused:
            return true;
        }
        return true;
    }

    // Records a row that cannot be read; false when the load must stop.
    bool problem(qint64 line, int column, const QString &message)
    {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.file = m_result.table.source;
        d.record = line;
        d.column = column;
        d.message = message;
        ++m_result.summary.problems;
        if (m_options.badRows == BadRowPolicy::Stop) {
            m_result.error = d;
            return false;
        }
        ++m_result.summary.skippedRows;
        if (m_result.summary.problems <= m_options.maxDiagnostics)
            m_result.diagnostics.push_back(d);
        return true;
    }

    TableReadResult &m_result;
    const TableOptions &m_options;
    bool m_decimalComma;
    std::vector<std::size_t> m_stored;
    bool m_keepExtents = false;
    std::vector<Value> m_pending;
    std::vector<std::unordered_map<std::string, std::uint32_t>> m_dictionaries;
    std::string m_key;
};

// Rows in the file, from the bytes the sample took (a little over, so it rarely grows).
std::size_t estimateRows(std::size_t totalBytes, qint64 sampledBytes, qint64 sampledRows)
{
    if (sampledRows <= 0 || sampledBytes <= 0)
        return 0;
    const double perRow = double(sampledBytes) / double(sampledRows + 1); // with the header
    return std::size_t(double(totalBytes) / perRow * 1.05) + 16;
}

void fillSummary(TableReadResult &result, const QStringList &names)
{
    TableSummary &s = result.summary;
    const Table &table = result.table;
    s.flavour = table.flavour;
    s.columns = int(names.size());
    s.columnNames = names;
    s.loadedRows = table.rowCount();
    if (table.roles.label >= 0)
        s.labelColumn = names[table.roles.label];
    if (table.roles.time >= 0) {
        s.timeColumn = names[table.roles.time];
        s.timeFormat = table.roles.timeFormat;
        const auto &times = table.columns[std::size_t(table.roles.time)].times;
        if (!times.empty()) {
            const auto [low, high] = std::minmax_element(times.begin(), times.end());
            s.firstTime = *low;
            s.lastTime = *high;
        }
    }
    // Category columns are read, but only the supervised detectors use them.
    if (table.layout != TableLayout::Binned) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const int index = int(i);
            if (table.columns[i].storage != TableColumn::Storage::Number &&
                index != table.roles.label && index != table.roles.time)
                s.ignoredColumns << names[qsizetype(i)];
        }
    }
}

} // namespace

QStringList knownHeaderlessNames(std::string_view bytes)
{
    TableStart start = readStart(bytes);
    if (!start.hasRows || looksLikeHeader(start.first, start.sample, start.decimalComma))
        return {};
    start.sample.insert(start.sample.begin(), start.first);
    return knownHeaderlessNames(sampleColumns(QStringList(qsizetype(start.first.size()), QString()),
                                              start.sample, start.decimalComma));
}

TableReadResult readTable(std::string_view bytes, const QString &source,
                          const TableOptions &options, const ProgressCallback &progress)
{
    TableReadResult result;
    result.table.source = source;
    result.summary.file = source;
    const auto fail = [&](const QString &message) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Error;
        d.file = source;
        d.message = message;
        result.error = d;
        return result;
    };

    if (bytes.size() <= bomLength(bytes))
        return fail(QCoreApplication::translate("tideline", "the file is empty"));
    if (const QString problem = notATextTable(bytes); !problem.isEmpty())
        return fail(QCoreApplication::translate("tideline", "the file %1").arg(problem));

    TableStart start = readStart(bytes);
    const char delimiter = start.delimiter;
    const bool decimalComma = start.decimalComma;
    result.summary.delimiter = delimiter;
    if (!start.limit.isEmpty())
        return fail(start.limit);
    if (!start.hasRows)
        return fail(
            QCoreApplication::translate("tideline", "the file holds no rows, only blank lines"));
    const TableRow &first = start.first;
    std::vector<TableRow> &sample = start.sample;

    const bool header = looksLikeHeader(first, sample, decimalComma);
    result.summary.header = header;
    QStringList names;
    if (header) {
        if (sample.empty())
            return fail(
                QCoreApplication::translate("tideline", "the file has a header but no data rows"));
        names = headerNames(first, result.summary.warnings);
    } else {
        sample.insert(sample.begin(), first);
    }
    std::vector<ColumnSample> samples = sampleColumns(
        header ? names : QStringList(qsizetype(first.size()), QString()), sample, decimalComma);
    if (!header) {
        names = knownHeaderlessNames(samples);
        if (names.isEmpty()) {
            for (std::size_t i = 0; i < first.size(); ++i)
                names << QStringLiteral("column%1").arg(i + 1);
        }
        for (std::size_t i = 0; i < samples.size(); ++i) {
            samples[i].name = names[qsizetype(i)];
            samples[i].key = normaliseHeader(samples[i].name.toStdString());
        }
    }

    FlavourDetection detection = detectFlavour(samples, options.flavour);
    if (!detection.error.isEmpty())
        return fail(detection.error);
    if (!options.labelColumn.isEmpty()) {
        const auto named = std::find_if(samples.begin(), samples.end(), [&](const ColumnSample &c) {
            return c.name.compare(options.labelColumn, Qt::CaseInsensitive) == 0;
        });
        if (named == samples.end())
            return fail(tr(QT_TRANSLATE_NOOP("tideline", "no column named \"%1\" (the label "
                                                         "column asked for)"))
                            .arg(options.labelColumn));
        const int index = int(named - samples.begin());
        if (index == detection.roles.time)
            return fail(
                tr(QT_TRANSLATE_NOOP("tideline", "\"%1\" holds the times: it cannot be the label"))
                    .arg(options.labelColumn));
        detection.roles.label = index;
        if (std::find(detection.roles.excluded.begin(), detection.roles.excluded.end(), index) ==
            detection.roles.excluded.end())
            detection.roles.excluded.push_back(index);
    }
    if (options.perRow && detection.layout == TableLayout::Binned) {
        TableRoles rows;
        rows.label = detection.roles.label;
        rows.excluded = detection.roles.excluded;
        detection.roles = rows;
        detection.layout = TableLayout::Rows;
    }
    result.summary.warnings << detection.warnings;

    Table &table = result.table;
    table.flavour = detection.flavour;
    table.layout = detection.layout;
    table.roles = detection.roles;
    table.columns.resize(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        table.columns[i].name = samples[i].name;
        table.columns[i].numeric = samples[i].numeric;
    }
    assignStorage(table.columns, samples, detection);
    if (table.layout != TableLayout::Binned &&
        std::none_of(table.columns.begin(), table.columns.end(), [](const TableColumn &c) {
            return c.storage == TableColumn::Storage::Number;
        }))
        return fail(QCoreApplication::translate(
            "tideline", "the file has no numeric column to analyse (is it a CSV table?)"));

    CsvTokenizer tokenizer(bytes, delimiter);
    if (start.separatorLine)
        tokenizer.skipLine();
    if (header)
        tokenizer.next();
    RowReader reader(result, options, decimalComma);
    reader.reserve(estimateRows(bytes.size(), start.sampledBytes, qint64(sample.size())));
    ThrottledProgress throttle(progress, 0);
    qint64 rows = 0;
    while (tokenizer.next()) {
        if (!reader.addRow(tokenizer.fields(), tokenizer.line(), tokenizer.unterminatedQuote(),
                           {tokenizer.recordOffset(), tokenizer.position()})) {
            fillSummary(result, names);
            return result; // Stop: `error` names the row
        }
        if (++rows % kProgressEveryRows == 0 &&
            !throttle.update(rows, double(tokenizer.position()) / double(bytes.size()))) {
            result.cancelled = true;
            break;
        }
    }

    if (const QString limit = limitProblem(tokenizer); !limit.isEmpty()) {
        fillSummary(result, names);
        return fail(limit);
    }
    fillSummary(result, names);
    if (table.rowCount() == 0 && !result.cancelled) {
        const QString firstProblem =
            result.diagnostics.empty() ? QString() : result.diagnostics.front().toString();
        return fail(QCoreApplication::translate("tideline",
                                                "no data row could be read; the first problem: %1")
                        .arg(firstProblem));
    }
    for (const QString &warning : result.summary.warnings) {
        Diagnostic d;
        d.file = source;
        d.message = warning;
        result.diagnostics.push_back(d);
    }
    return result;
}

} // namespace tideline
