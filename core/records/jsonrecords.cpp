#include "jsonrecords.h"

#include "common/csvtokenizer.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMap>
#include <algorithm>
#include <charconv>
#include <cmath>

namespace tideline {

namespace {

// QJsonDocument holds a whole document in memory at several times its size: past this, JSON
// lines (one record per line) keep memory to one record.
constexpr std::size_t kMaxDocumentBytes = 256 * 1024 * 1024;

std::string_view withoutBom(std::string_view bytes)
{
    return bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
}

// 1-based lines and columns of ascending byte offsets, counting each byte once.
class LineCounter
{
public:
    explicit LineCounter(std::string_view bytes)
        : m_bytes(bytes)
    {}

    std::pair<qint64, int> at(std::size_t offset)
    {
        offset = std::min(offset, m_bytes.size());
        for (; m_counted < offset; ++m_counted) {
            if (m_bytes[m_counted] == '\n') {
                ++m_line;
                m_lineStart = m_counted + 1;
            }
        }
        return {m_line, int(offset - m_lineStart) + 1};
    }

private:
    std::string_view m_bytes;
    std::size_t m_counted = 0;
    std::size_t m_lineStart = 0;
    qint64 m_line = 1;
};

QByteArrayView view(std::string_view bytes)
{
    return {bytes.data(), qsizetype(bytes.size())};
}

QString numberText(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == std::trunc(value) && std::abs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? QString::fromLatin1(buffer, end - buffer) : QString();
}

// The dotted names of an object's scalar and array members in the order the text writes them
// (QJsonObject sorts its keys). `text` starts at the object's '{' and is valid JSON; a key with
// an escape is skipped here and takes its place among the sorted rest.
QStringList namesInTextOrder(std::string_view text)
{
    QStringList names;
    std::vector<QString> path; // the key of each open object below the record
    std::vector<char> open;    // '{' or '[' for each open container
    QString key;
    bool expectKey = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t begin = i + 1;
            bool escaped = false;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\') {
                    escaped = true;
                    ++i;
                }
            }
            if (expectKey && open.back() == '{')
                key = escaped ? QString() : QString::fromUtf8(text.substr(begin, i - begin));
            expectKey = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == ':') {
            // A member's value starts: an object opens a level, anything else is a column.
            std::size_t next = text.find_first_not_of(" \t\r\n", i + 1);
            if (next != std::string_view::npos && text[next] == '{') {
                path.push_back(key);
            } else if (!key.isEmpty() && open.size() == path.size() + 1) {
                QStringList parts(path.begin(), path.end());
                parts << key;
                names << parts.join(QLatin1Char('.'));
            }
            continue;
        }
        if (c == '{' || c == '[') {
            open.push_back(c);
            expectKey = c == '{';
        } else if (c == '}' || c == ']') {
            open.pop_back();
            if (c == '}' && !open.empty() && !path.empty() && open.size() == path.size())
                path.pop_back();
            if (open.empty())
                break;
        } else if (c == ',') {
            expectKey = open.back() == '{';
        }
    }
    return names;
}

// One record's fields by column, as the CSV line will hold them.
using Fields = std::vector<std::pair<int, QString>>;

class Flattener
{
public:
    // False when a record brings more columns than a table may have. `text` is the record's
    // JSON, whose order new columns take.
    bool add(const QJsonObject &record, std::string_view text, Fields &fields)
    {
        fields.clear();
        for (const QString &name : namesInTextOrder(text)) {
            if (columnOf(name) < 0)
                return false;
        }
        return addObject(record, QString(), fields);
    }

    const QStringList &names() const { return m_names; }

private:
    bool addObject(const QJsonObject &object, const QString &prefix, Fields &fields)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString name = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
            const QJsonValue value = it.value();
            if (value.isObject()) {
                if (!addObject(value.toObject(), name, fields))
                    return false;
                continue;
            }
            const int column = columnOf(name);
            if (column < 0)
                return false;
            fields.emplace_back(column, text(value));
        }
        return true;
    }

    int columnOf(const QString &name)
    {
        const auto found = m_columns.constFind(name);
        if (found != m_columns.constEnd())
            return *found;
        if (std::size_t(m_names.size()) >= CsvTokenizer::kMaxFields)
            return -1;
        m_columns.insert(name, int(m_names.size()));
        m_names << name;
        return int(m_names.size()) - 1;
    }

    static QString text(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Bool:
            return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
        case QJsonValue::Double:
            return numberText(value.toDouble());
        case QJsonValue::String:
            return value.toString();
        case QJsonValue::Array:
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        default:
            return {};
        }
    }

    QHash<QString, int> m_columns;
    QStringList m_names;
};

Diagnostic diagnosticAt(const QString &source, qint64 line, int column, const QString &message,
                        Diagnostic::Severity severity)
{
    Diagnostic d;
    d.severity = severity;
    d.file = source;
    d.record = line;
    d.column = column;
    d.message = message;
    return d;
}

// The byte offsets at which the elements of the records array start, read from valid JSON:
// the top-level array's elements, or those of the array under `key` in the top-level object.
std::vector<std::size_t> elementStarts(std::string_view bytes, const QString &key)
{
    const QByteArray wanted = key.toUtf8();
    std::vector<std::size_t> starts;
    int depth = 0;
    int recordsDepth = key.isEmpty() ? 1 : -1; // depth inside the records array
    bool expectElement = false;
    std::string_view lastKey;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '"') {
            const std::size_t begin = i + 1;
            for (++i; i < bytes.size() && bytes[i] != '"'; ++i) {
                if (bytes[i] == '\\')
                    ++i;
            }
            if (depth == recordsDepth && expectElement)
                starts.push_back(begin - 1);
            expectElement = false;
            if (depth == 1)
                lastKey = bytes.substr(begin, i - begin);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (depth == recordsDepth && expectElement)
            starts.push_back(i);
        expectElement = false;
        if (c == '{' || c == '[') {
            ++depth;
            if (c == '[' && recordsDepth < 0 && depth == 2 &&
                lastKey == std::string_view(wanted.constData(), std::size_t(wanted.size())))
                recordsDepth = 2;
            if (depth == recordsDepth)
                expectElement = true;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == recordsDepth) {
            expectElement = true;
        }
    }
    return starts;
}

// The records array of a top-level object: "data" when it is an array, else the first member
// that is an array of objects. Empty `key` when there is none.
QJsonArray recordsOf(const QJsonObject &object, QString &key)
{
    if (object.value(QStringLiteral("data")).isArray()) {
        key = QStringLiteral("data");
        return object.value(key).toArray();
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isArray() && !it.value().toArray().isEmpty() &&
            it.value().toArray().first().isObject()) {
            key = it.key();
            return it.value().toArray();
        }
    }
    key.clear();
    return {};
}

class Reader
{
public:
    Reader(std::string_view bytes, const QString &source, const TableOptions &options)
        : m_bytes(bytes)
        , m_source(source)
        , m_options(options)
    {}

    TableText read()
    {
        QJsonParseError parsed;
        const QJsonDocument document =
            m_bytes.size() <= kMaxDocumentBytes
                ? QJsonDocument::fromJson(view(m_bytes).toByteArray(), &parsed)
                : QJsonDocument();
        if (m_bytes.size() <= kMaxDocumentBytes && parsed.error == QJsonParseError::NoError)
            readDocument(document);
        else if (firstLineIsAnObject())
            readLines();
        else if (m_bytes.size() > kMaxDocumentBytes)
            fail(1, 1,
                 QCoreApplication::translate(
                     "tideline",
                     "a JSON document larger than %1 MB, the most Tideline reads at once; write "
                     "one record per line (JSON lines)")
                     .arg(kMaxDocumentBytes / (1024 * 1024)));
        else
            failAt(std::size_t(parsed.offset), parsed.errorString());
        if (!m_result.error && !m_otherEvents.isEmpty())
            noteOtherEvents();
        if (!m_result.error && m_flattener.names().isEmpty())
            fail(1, 1,
                 QCoreApplication::translate("tideline",
                                             "no record has a key: there are no columns to read"));
        if (!m_result.error)
            writeCsv();
        return std::move(m_result);
    }

private:
    bool firstLineIsAnObject() const
    {
        const std::size_t end = m_bytes.find('\n');
        const std::string_view first = m_bytes.substr(0, end);
        QJsonParseError parsed;
        const QJsonDocument line = QJsonDocument::fromJson(view(first).toByteArray(), &parsed);
        return parsed.error == QJsonParseError::NoError && line.isObject();
    }

    void readDocument(const QJsonDocument &document)
    {
        m_result.syntax = QStringLiteral("json");
        QString key;
        const QJsonArray records =
            document.isArray() ? document.array() : recordsOf(document.object(), key);
        // One eve.json event alone in its file is JSON lines of one line.
        if (document.isObject() && key.isEmpty() &&
            document.object().contains(QStringLiteral("event_type")))
            return readLines();
        if (document.isObject() && key.isEmpty())
            return fail(1, 1,
                        QCoreApplication::translate(
                            "tideline",
                            "no array of records in this JSON object (expected {\"data\": [{…}, "
                            "…]}, an array of objects, or one object per line)"));
        const std::vector<std::size_t> starts = elementStarts(m_bytes, key);
        LineCounter lines(m_bytes);
        for (qsizetype i = 0; i < records.size(); ++i) {
            const std::size_t offset = std::size_t(i) < starts.size() ? starts[std::size_t(i)] : 0;
            const auto [line, column] = lines.at(offset);
            if (!records[i].isObject())
                return fail(
                    line, column,
                    QCoreApplication::translate("tideline", "record %1 is not a JSON object")
                        .arg(i + 1));
            const std::string_view text =
                std::size_t(i) < starts.size() ? m_bytes.substr(offset) : std::string_view();
            if (!add(records[i].toObject(), text, line, column))
                return;
        }
    }

    void readLines()
    {
        m_result.syntax = QStringLiteral("json lines");
        qint64 line = 0;
        for (std::size_t begin = 0; begin < m_bytes.size();) {
            ++line;
            std::size_t end = m_bytes.find('\n', begin);
            if (end == std::string_view::npos)
                end = m_bytes.size();
            const std::string_view text = m_bytes.substr(begin, end - begin);
            begin = end + 1;
            if (text.find_first_not_of(" \t\r") == std::string_view::npos)
                continue;
            if (text.size() > CsvTokenizer::kMaxRecordBytes)
                return fail(line, 1,
                            QCoreApplication::translate(
                                "tideline", "a line longer than %1 MB, the most Tideline reads")
                                .arg(CsvTokenizer::kMaxRecordBytes / (1024 * 1024)));
            QJsonParseError parsed;
            const QJsonDocument record = QJsonDocument::fromJson(view(text).toByteArray(), &parsed);
            QString problem;
            int column = 1;
            if (parsed.error != QJsonParseError::NoError) {
                problem = parsed.errorString();
                column = parsed.offset + 1;
            } else if (!record.isObject()) {
                problem = QCoreApplication::translate("tideline", "not a JSON object");
            }
            if (!problem.isEmpty()) {
                if (m_options.badRows == BadRowPolicy::Stop)
                    return fail(line, column, problem);
                ++m_result.unreadRows;
                m_result.diagnostics.push_back(
                    diagnosticAt(m_source, line, column, problem, Diagnostic::Severity::Warning));
                continue;
            }
            if (!add(record.object(), text, line, 1))
                return;
        }
    }

    bool add(const QJsonObject &record, std::string_view text, qint64 line, int column)
    {
        // Suricata's eve.json: one file for every kind of event; its flows are the table.
        if (m_records.empty() && m_otherEvents.isEmpty())
            m_eve = record.contains(QStringLiteral("event_type"));
        if (m_eve) {
            const QString type = record.value(QStringLiteral("event_type")).toString();
            if (type != u"flow") {
                ++m_otherEvents[type];
                return true;
            }
        }
        Fields fields;
        if (!m_flattener.add(record, text, fields)) {
            fail(line, column,
                 QCoreApplication::translate("tideline",
                                             "more than %1 columns, the most Tideline reads")
                     .arg(CsvTokenizer::kMaxFields));
            return false;
        }
        m_records.push_back(std::move(fields));
        m_result.lines.push_back(line);
        return true;
    }

    void noteOtherEvents()
    {
        QStringList counts;
        qint64 total = 0;
        for (auto it = m_otherEvents.cbegin(); it != m_otherEvents.cend(); ++it) {
            counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            total += it.value();
        }
        if (m_records.empty())
            return fail(1, 1,
                        QCoreApplication::translate(
                            "tideline", "no flow events (event_type \"flow\") among %1 events: %2")
                            .arg(total)
                            .arg(counts.join(QStringLiteral(", "))));
        m_result.diagnostics.push_back(diagnosticAt(
            m_source, 0, 0,
            QCoreApplication::translate("tideline", "%1 events other than flows were left out: %2")
                .arg(total)
                .arg(counts.join(QStringLiteral(", "))),
            Diagnostic::Severity::Warning));
    }

    void writeCsv()
    {
        const QStringList &names = m_flattener.names();
        appendCsvLine(m_result.csv, names);
        QStringList row;
        for (const Fields &fields : m_records) {
            row.fill(QString(), names.size());
            for (const auto &[column, text] : fields)
                row[column] = text;
            appendCsvLine(m_result.csv, row);
        }
        m_records.clear();
    }

    void failAt(std::size_t offset, const QString &message)
    {
        const auto [line, column] = LineCounter(m_bytes).at(offset);
        fail(line, column, message);
    }

    void fail(qint64 line, int column, const QString &message)
    {
        m_result.error = diagnosticAt(m_source, line, column, message, Diagnostic::Severity::Error);
    }

    std::string_view m_bytes;
    QString m_source;
    TableOptions m_options;
    Flattener m_flattener;
    std::vector<Fields> m_records;
    bool m_eve = false;
    QMap<QString, qint64> m_otherEvents; // by event_type, in eve.json
    TableText m_result;
};

} // namespace

bool looksLikeJson(std::string_view bytes)
{
    bytes = withoutBom(bytes);
    const std::size_t first = bytes.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (bytes[first] == '{' || bytes[first] == '[');
}

TableText readJsonRecords(std::string_view bytes, const QString &source,
                          const TableOptions &options)
{
    return Reader(withoutBom(bytes), source, options).read();
}

} // namespace tideline
