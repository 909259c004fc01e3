#include "casefile.h"

#include "case/casecodec.h"
#include "common/binwidth.h"
#include "detect/detectorregistry.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryFile>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <type_traits>

namespace tideline {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("tideline", text);
}

// "TDLN" in the SQLite header's application id: a case, not some other SQLite database.
constexpr quint32 kApplicationId = 0x54444c4e;

// A flow as cases of format 1 stored it, before flows counted the bytes from their client.
struct FlowBeforeUploads
{
    std::uint32_t client = 0;
    std::uint32_t server = 0;
    std::uint16_t clientPort = 0;
    std::uint16_t serverPort = 0;
    std::uint8_t protocol = 0;
    std::uint8_t tcpFlags = 0;
    TimeNs first = 0;
    TimeNs last = 0;
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    std::uint64_t packetsFromClient = 0;
};

// Raw arrays are stored as this machine lays them out; a case from another layout is refused
// rather than misread.
QString layout(std::size_t flowSize = sizeof(Flow))
{
    return QStringLiteral("bin=%1,tally=%2,flow=%3,address=%4,little-endian=%5")
        .arg(sizeof(traffic::BaseBin))
        .arg(sizeof(traffic::Tally))
        .arg(flowSize)
        .arg(sizeof(IpAddress))
        .arg(Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? 1 : 0);
}

// The anomaly table's columns beyond its position and origin: one line per Anomaly field, how
// it is stored and read back.
struct AnomalyColumn
{
    const char *name;
    QVariant (*value)(const Anomaly &);
    void (*set)(Anomaly &, const QVariant &);
};

template <typename T> QVariant optional(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

template <typename T> std::optional<T> optionalFrom(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<T>(value.value<T>());
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

const AnomalyColumn kAnomalyColumns[] = {
    {"start", [](const Anomaly &a) { return QVariant(a.start); },
     [](Anomaly &a, const QVariant &v) { a.start = v.toLongLong(); }},
    {"end", [](const Anomaly &a) { return QVariant(a.end); },
     [](Anomaly &a, const QVariant &v) { a.end = v.toLongLong(); }},
    {"peak_score", [](const Anomaly &a) { return QVariant(a.peakScore); },
     [](Anomaly &a, const QVariant &v) { a.peakScore = v.toDouble(); }},
    {"mean_score", [](const Anomaly &a) { return QVariant(a.meanScore); },
     [](Anomaly &a, const QVariant &v) { a.meanScore = v.toDouble(); }},
    {"threshold", [](const Anomaly &a) { return QVariant(a.threshold); },
     [](Anomaly &a, const QVariant &v) { a.threshold = v.toDouble(); }},
    {"detector", [](const Anomaly &a) { return QVariant(a.detector); },
     [](Anomaly &a, const QVariant &v) { a.detector = v.toString(); }},
    {"packets", [](const Anomaly &a) { return optional(a.packets); },
     [](Anomaly &a, const QVariant &v) { a.packets = optionalFrom<qint64>(v); }},
    {"bytes", [](const Anomaly &a) { return optional(a.bytes); },
     [](Anomaly &a, const QVariant &v) { a.bytes = optionalFrom<qint64>(v); }},
    {"top_source", [](const Anomaly &a) { return QVariant(a.topSource); },
     [](Anomaly &a, const QVariant &v) { a.topSource = v.toString(); }},
    {"top_destination_port", [](const Anomaly &a) { return optional(a.topDestinationPort); },
     [](Anomaly &a, const QVariant &v) { a.topDestinationPort = optionalFrom<int>(v); }},
    {"label", [](const Anomaly &a) { return QVariant(a.label); },
     [](Anomaly &a, const QVariant &v) { a.label = v.toString(); }},
    {"note", [](const Anomaly &a) { return QVariant(a.note); },
     [](Anomaly &a, const QVariant &v) { a.note = v.toString(); }},
    {"kind", [](const Anomaly &a) { return QVariant(a.kind); },
     [](Anomaly &a, const QVariant &v) { a.kind = v.toString(); }},
    {"summary", [](const Anomaly &a) { return QVariant(a.summary); },
     [](Anomaly &a, const QVariant &v) { a.summary = v.toString(); }},
    {"top_destination", [](const Anomaly &a) { return QVariant(a.topDestination); },
     [](Anomaly &a, const QVariant &v) { a.topDestination = v.toString(); }},
    {"distinct_sources", [](const Anomaly &a) { return optional(a.distinctSources); },
     [](Anomaly &a, const QVariant &v) { a.distinctSources = optionalFrom<qint64>(v); }},
    {"distinct_destinations", [](const Anomaly &a) { return optional(a.distinctDestinations); },
     [](Anomaly &a, const QVariant &v) { a.distinctDestinations = optionalFrom<qint64>(v); }},
    {"distinct_destination_ports",
     [](const Anomaly &a) { return optional(a.distinctDestinationPorts); },
     [](Anomaly &a, const QVariant &v) { a.distinctDestinationPorts = optionalFrom<qint64>(v); }},
    {"marked", [](const Anomaly &a) { return QVariant(a.marked); },
     [](Anomaly &a, const QVariant &v) { a.marked = v.toBool(); }},
    {"local_summary", [](const Anomaly &a) { return QVariant(a.localSummary); },
     [](Anomaly &a, const QVariant &v) { a.localSummary = v.toString(); }},
    {"evidence",
     [](const Anomaly &a) {
         return QVariant(
             json({{QStringLiteral("evidence"), QJsonArray::fromStringList(a.evidence)}}));
     },
     [](Anomaly &a, const QVariant &v) {
         a.evidence.clear();
         for (const QJsonValue &line : object(v).value(QStringLiteral("evidence")).toArray())
             a.evidence << line.toString();
     }},
};

// Who described the stored anomalies: by which rules (the version string may stay the same
// while they change), in which version and in which language (of their local summaries and
// evidence).
QString describedBy()
{
    return QStringLiteral("rules %1, Tideline %2, %3")
        .arg(IntervalDescriber::kRulesVersion)
        .arg(QStringLiteral(TIDELINE_VERSION), QLocale().name());
}

QString originName(InvestigationRow::Origin origin)
{
    switch (origin) {
    case InvestigationRow::Origin::Detected:
        return QStringLiteral("detected");
    case InvestigationRow::Origin::Manual:
        return QStringLiteral("manual");
    case InvestigationRow::Origin::Detached:
        return QStringLiteral("detached");
    }
    return {};
}

QString anomalyTableSql()
{
    QString sql = QStringLiteral("CREATE TABLE anomalies(position INTEGER PRIMARY KEY, origin "
                                 "TEXT, annotation INTEGER, first_row INTEGER, last_row INTEGER");
    for (const AnomalyColumn &column : kAnomalyColumns)
        sql += QStringLiteral(", \"%1\"").arg(QLatin1String(column.name));
    return sql + QLatin1Char(')');
}

QStringList schema()
{
    return {
        QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value)"),
        QStringLiteral("CREATE TABLE source(id INTEGER PRIMARY KEY CHECK (id = 1), path TEXT, "
                       "size INTEGER, sha256 TEXT, kind TEXT, load_options TEXT, summary TEXT)"),
        QStringLiteral("CREATE TABLE series(id INTEGER PRIMARY KEY CHECK (id = 1), axis INTEGER, "
                       "bin_width INTEGER, rows INTEGER, features TEXT, starts BLOB, "
                       "\"values\" BLOB, has_data BLOB)"),
        QStringLiteral("CREATE TABLE traffic(id INTEGER PRIMARY KEY CHECK (id = 1), base_width "
                       "INTEGER, first INTEGER, last INTEGER)"),
        QStringLiteral("CREATE TABLE arrays(name TEXT, part INTEGER, bytes BLOB, "
                       "PRIMARY KEY (name, part))"),
        QStringLiteral(
            "CREATE TABLE runs(id INTEGER PRIMARY KEY, detector TEXT, options TEXT, "
            "model_from TEXT, bin_width INTEGER, percentile REAL, threshold REAL, scores BLOB, "
            "training BLOB, eligible BLOB, training_scores BLOB, "
            "training_description TEXT, warnings TEXT)"),
        QStringLiteral("CREATE TABLE annotations(id INTEGER PRIMARY KEY, start INTEGER, \"end\" "
                       "INTEGER, detector TEXT, manual INTEGER, marked INTEGER, label TEXT, "
                       "note TEXT)"),
        anomalyTableSql(),
    };
}

// One Qt Sql connection, closed and removed with this object.
class Connection
{
public:
    Connection(const QString &path, bool readOnly)
        : m_name(QStringLiteral("tideline-case-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Read-only, unless a rollback journal lies beside the case: a case written before cases
    // were born in WAL mode, whose conversion to WAL was killed part-way. Only a connection
    // that may write rolls it back (which the case needs: it is what a kill left half-done);
    // a read-only one fails with "attempt to write a readonly database".
    static bool readOnlyWillDo(const QString &path)
    {
        return !QFileInfo::exists(path + QStringLiteral("-journal"));
    }

    bool isOpen() const { return m_open; }
    const QString &error() const { return m_error; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    QString takeName() { return std::exchange(m_name, QString()); }

private:
    static inline QAtomicInteger<quint64> s_counter;
    QString m_name;
    QString m_error;
    bool m_open = false;
};

// A statement that throws its error up as a message: the writers and readers below stop at the
// first failure and the transaction rolls back.
struct SqlFailure
{
    QString message;
};

QSqlQuery run(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw SqlFailure{query.lastError().text()};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        throw SqlFailure{query.lastError().text()};
    return query;
}

void setMeta(const QSqlDatabase &db, const QString &key, const QVariant &value)
{
    run(db, QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"), {key, value});
}

void writeSource(const QSqlDatabase &db, const SourceIdentity &source, const LoadOptions &load,
                 const LoadedInput &input)
{
    const bool capture = input.kind == LoadedInput::Kind::Capture;
    QJsonObject summary;
    if (input.capture)
        summary = casecodec::toJson(*input.capture);
    else if (input.table)
        summary = casecodec::toJson(*input.table);
    run(db,
        QStringLiteral("INSERT OR REPLACE INTO source(id, path, size, sha256, kind, load_options, "
                       "summary) VALUES (1, ?, ?, ?, ?, ?, ?)"),
        {source.path, source.size, QString::fromLatin1(source.sha256),
         capture ? QStringLiteral("capture") : QStringLiteral("table"),
         json(casecodec::toJson(load)), json(summary)});
}

void writeSeries(const QSqlDatabase &db, const Series &series)
{
    run(db,
        QStringLiteral("INSERT OR REPLACE INTO series(id, axis, bin_width, rows, features, starts, "
                       "\"values\", has_data) VALUES (1, ?, ?, ?, ?, ?, ?, ?)"),
        {int(series.axis), series.binWidth, qint64(series.rowCount()),
         json(casecodec::toJson(series.features, series.labels)),
         casecodec::toBlob(series.starts.data(), series.starts.size()),
         casecodec::toBlob(series.values.data(), std::size_t(series.values.size())),
         casecodec::toBlob(series.hasData)});
}

// The analyst re-binned: the source is to be loaded at the new width from now on.
void writeLoadWidth(const QSqlDatabase &db, TimeNs width)
{
    QSqlQuery query = run(db, QStringLiteral("SELECT load_options FROM source WHERE id = 1"));
    if (!query.next())
        throw SqlFailure{tr("it names no source")};
    LoadOptions load = casecodec::loadOptionsFromJson(object(query.value(0)));
    load.binWidth = width;
    run(db, QStringLiteral("UPDATE source SET load_options = ? WHERE id = 1"),
        {json(casecodec::toJson(load))});
}

// The drill-down tables are most of a case (100 MB for the benchmark's 2.59M-packet capture):
// they are stored in parts of about a megabyte. SQLite and then Qt Sql copy every blob they
// read; a megabyte's copies reuse the same memory, where one 40 MB blob is copied twice through
// pages the process touches for the first time.
constexpr std::size_t kPartBytes = std::size_t(1) << 20;

const char *const kTallyArrays[traffic::kDimensionCount] = {
    "traffic.sources", "traffic.destinations", "traffic.ports", "traffic.protocols"};

// Stores `count` elements, at(i) the i-th, as array `name`: parts of whole elements.
template <typename T, typename At>
void writeArray(const QSqlDatabase &db, const char *name, std::size_t count, At at)
{
    static_assert(std::is_trivially_copyable_v<T>);
    const QString key = QString::fromLatin1(name);
    run(db, QStringLiteral("DELETE FROM arrays WHERE name = ?"), {key});
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("INSERT INTO arrays(name, part, bytes) VALUES (?, ?, ?)")))
        throw SqlFailure{query.lastError().text()};
    const std::size_t perPart = std::max<std::size_t>(1, kPartBytes / sizeof(T));
    QByteArray bytes;
    for (std::size_t first = 0, part = 0; first < count; first += perPart, ++part) {
        const std::size_t n = std::min(perPart, count - first);
        bytes.resize(qsizetype(n * sizeof(T)));
        for (std::size_t i = 0; i < n; ++i)
            std::memcpy(bytes.data() + i * sizeof(T), &at(first + i), sizeof(T));
        query.addBindValue(key);
        query.addBindValue(qint64(part));
        query.addBindValue(bytes);
        if (!query.exec())
            throw SqlFailure{query.lastError().text()};
    }
}

template <typename List> void writeArray(const QSqlDatabase &db, const char *name, const List &list)
{
    using T = std::decay_t<decltype(list[0])>;
    writeArray<T>(db, name, list.size(), [&](std::size_t i) -> const T & { return list[i]; });
}

void writeTraffic(const QSqlDatabase &db, const Traffic &traffic)
{
    run(db,
        QStringLiteral("INSERT OR REPLACE INTO traffic(id, base_width, first, last) VALUES (1, ?, "
                       "?, ?)"),
        {traffic.baseWidth(), traffic.first(), traffic.last()});
    writeArray(db, "traffic.bins", traffic.bins());
    for (int d = 0; d < traffic::kDimensionCount; ++d)
        writeArray(db, kTallyArrays[d], traffic.tallyTables()[std::size_t(d)]);
    writeArray(db, "traffic.flows", traffic.flows());
    writeArray(db, "traffic.addresses", traffic.addresses());
}

void writeRun(const QSqlDatabase &db, const DetectorRun &detectorRun)
{
    const DetectionResult &result = *detectorRun.result;
    const std::vector<double> &training = result.model.trainingScores.sorted();
    run(db,
        QStringLiteral("INSERT OR REPLACE INTO runs(id, detector, options, model_from, bin_width, "
                       "percentile, threshold, scores, training, eligible, training_scores, "
                       "training_description, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?)"),
        {detectorRun.id, result.model.detector, json(casecodec::toJson(detectorRun.options)),
         detectorRun.modelFrom, detectorRun.binWidth, result.percentile, result.threshold,
         casecodec::toBlob(result.scores.data(), std::size_t(result.scores.size())),
         casecodec::toBlob(result.training), casecodec::toBlob(result.eligible),
         casecodec::toBlob(training.data(), training.size()), result.model.trainingDescription,
         json({{QStringLiteral("warnings"), QJsonArray::fromStringList(result.warnings)}})});
}

void writeThreshold(const QSqlDatabase &db, const DetectorRun &detectorRun)
{
    run(db,
        QStringLiteral("UPDATE runs SET options = ?, percentile = ?, threshold = ? WHERE id = ?"),
        {json(casecodec::toJson(detectorRun.options)), detectorRun.result->percentile,
         detectorRun.result->threshold, detectorRun.id});
}

void writeAnnotation(const QSqlDatabase &db, const Annotation &a)
{
    run(db,
        QStringLiteral("INSERT OR REPLACE INTO annotations(id, start, \"end\", detector, manual, "
                       "marked, label, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {a.id, a.start, a.end, a.detector, a.manual, a.marked, a.label, a.note});
}

void writeAnomalies(const QSqlDatabase &db, const std::vector<InvestigationRow> &rows)
{
    setMeta(db, QStringLiteral("described_by"), describedBy());
    run(db, QStringLiteral("DELETE FROM anomalies"));
    if (rows.empty())
        return;
    QString sql = QStringLiteral("INSERT INTO anomalies VALUES (?, ?, ?, ?, ?");
    for (std::size_t i = 0; i < std::size(kAnomalyColumns); ++i)
        sql += QStringLiteral(", ?");
    sql += QLatin1Char(')');
    QSqlQuery query(db);
    if (!query.prepare(sql))
        throw SqlFailure{query.lastError().text()};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const InvestigationRow &row = rows[i];
        query.addBindValue(qint64(i));
        query.addBindValue(originName(row.origin));
        query.addBindValue(row.annotation ? QVariant(row.annotation) : QVariant());
        query.addBindValue(qint64(row.firstRow));
        query.addBindValue(qint64(row.lastRow));
        for (const AnomalyColumn &column : kAnomalyColumns)
            query.addBindValue(column.value(row.anomaly));
        if (!query.exec())
            throw SqlFailure{query.lastError().text()};
    }
}

void writeAnnotations(const QSqlDatabase &db, const Investigation &investigation)
{
    run(db, QStringLiteral("DELETE FROM annotations"));
    for (const Annotation &annotation : investigation.annotations())
        writeAnnotation(db, annotation);
}

// Runs `work` in one transaction; false with the reason (and nothing written) on failure.
template <typename Work> bool transaction(const QSqlDatabase &db, QString *error, Work work)
{
    QSqlDatabase connection = db;
    if (!connection.transaction()) {
        *error = connection.lastError().text();
        return false;
    }
    try {
        work();
    } catch (const SqlFailure &failure) {
        connection.rollback();
        *error = failure.message;
        return false;
    }
    if (!connection.commit()) {
        *error = connection.lastError().text();
        connection.rollback();
        return false;
    }
    return true;
}

quint32 bigEndian32(const char *bytes)
{
    return quint32(quint8(bytes[0])) << 24 | quint32(quint8(bytes[1])) << 16 |
           quint32(quint8(bytes[2])) << 8 | quint32(quint8(bytes[3]));
}

// Refuses, from the header alone (so nothing can touch the file), what is not a case this
// version can read.
bool checkHeader(const QString &path, QString *error)
{
    const QString name = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(name, file.errorString());
        return false;
    }
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        *error = tr("%1 is not a Tideline case (not an SQLite file)").arg(name);
        return false;
    }
    if (bigEndian32(header.constData() + 68) != kApplicationId) {
        *error = tr("%1 is an SQLite database but not a Tideline case").arg(name);
        return false;
    }
    const quint32 version = bigEndian32(header.constData() + 60);
    if (version > quint32(CaseFile::kSchemaVersion)) {
        *error = tr("%1 was written by a newer Tideline (case format %2; this version reads up to "
                    "%3): open it with a newer Tideline")
                     .arg(name)
                     .arg(version)
                     .arg(CaseFile::kSchemaVersion);
        return false;
    }
    if (version == 0) {
        *error = tr("%1 is damaged: it has no case format").arg(name);
        return false;
    }
    return true;
}

// Reads array `name`: resize(count) with its element count, then put(index, bytes, n) for each
// part of n elements from element `index` on. False when a part is missing or it is not a
// whole number of elements.
template <typename T, typename Resize, typename Put>
bool readArray(const QSqlDatabase &db, const char *name, Resize resize, Put put)
{
    const QString key = QString::fromLatin1(name);
    QSqlQuery size = run(db,
                         QStringLiteral("SELECT coalesce(sum(length(bytes)), 0) FROM arrays "
                                        "WHERE name = ?"),
                         {key});
    if (!size.next() || size.value(0).toLongLong() % qint64(sizeof(T)) != 0)
        return false;
    const std::size_t count = std::size_t(size.value(0).toLongLong()) / sizeof(T);
    resize(count);
    QSqlQuery parts = run(
        db, QStringLiteral("SELECT part, bytes FROM arrays WHERE name = ? ORDER BY part"), {key});
    std::size_t index = 0;
    // A part missing would leave a table whole-looking but short.
    for (qint64 part = 0; parts.next(); ++part) {
        if (parts.value(0).toLongLong() != part)
            return false;
        const QByteArray bytes = parts.value(1).toByteArray();
        const std::size_t n = std::size_t(bytes.size()) / sizeof(T);
        if (n * sizeof(T) != std::size_t(bytes.size()) || index + n > count)
            return false;
        if (n > 0) // an empty part of an empty array: nothing to copy into nothing
            put(index, bytes.constData(), n);
        index += n;
    }
    return index == count;
}

// Into a list with contiguous elements.
template <typename List> bool readArray(const QSqlDatabase &db, const char *name, List &list)
{
    using T = std::decay_t<decltype(list[0])>;
    return readArray<T>(
        db, name, [&](std::size_t count) { list.resize(count); },
        [&](std::size_t index, const char *bytes, std::size_t n) {
            std::memcpy(list.data() + index, bytes, n * sizeof(T));
        });
}

// `uploads`: whether the flows count the bytes from their client (format 2 on); without, the
// largest upload of a re-binned series is 0.
std::shared_ptr<const Traffic> readTraffic(const QSqlDatabase &db, bool uploads)
{
    QSqlQuery query =
        run(db, QStringLiteral("SELECT base_width, first, last FROM traffic WHERE id = 1"));
    if (!query.next())
        return nullptr;
    const auto damaged = [] { return SqlFailure{tr("the drill-down tallies are damaged")}; };
    traffic::BinList bins;
    traffic::TallyTables tallies;
    std::vector<IpAddress> addresses;
    if (!readArray(db, "traffic.bins", bins) || !readArray(db, "traffic.addresses", addresses))
        throw damaged();
    for (int d = 0; d < traffic::kDimensionCount; ++d) {
        if (!readArray(db, kTallyArrays[d], tallies[std::size_t(d)]))
            throw damaged();
    }
    // Flows are kept in chunks, not one array: appended one by one.
    FlowList flows;
    const auto none = [](std::size_t) {};
    const bool whole =
        uploads
            ? readArray<Flow>(db, "traffic.flows", none,
                              [&](std::size_t, const char *bytes, std::size_t n) {
                                  for (std::size_t i = 0; i < n; ++i)
                                      std::memcpy(&flows.emplace_back(), bytes + i * sizeof(Flow),
                                                  sizeof(Flow));
                              })
            : readArray<FlowBeforeUploads>(
                  db, "traffic.flows", none, [&](std::size_t, const char *bytes, std::size_t n) {
                      for (std::size_t i = 0; i < n; ++i) {
                          FlowBeforeUploads old;
                          std::memcpy(&old, bytes + i * sizeof old, sizeof old);
                          flows.emplace_back() = {old.client,
                                                  old.server,
                                                  old.clientPort,
                                                  old.serverPort,
                                                  old.protocol,
                                                  old.tcpFlags,
                                                  old.first,
                                                  old.last,
                                                  old.packets,
                                                  old.bytes,
                                                  old.packetsFromClient};
                      }
                  });
    if (!whole)
        throw damaged();
    // The base width is one the binner keeps, and the bins ascend with every bin's start and
    // end a TimeNs: drill-down multiplies indexes by the width.
    const TimeNs baseWidth = query.value(0).toLongLong();
    const auto bases = binwidth::baseWidths();
    if (std::find(bases.begin(), bases.end(), baseWidth) == bases.end())
        throw damaged();
    const qint64 lowest = std::numeric_limits<TimeNs>::min() / baseWidth;
    const qint64 highest = std::numeric_limits<TimeNs>::max() / baseWidth - 1;
    for (std::size_t i = 0; i < bins.size(); ++i) {
        if (bins[i].index < lowest || bins[i].index > highest ||
            (i > 0 && bins[i].index <= bins[i - 1].index))
            throw damaged();
    }
    // Addresses are named by their index in the address table: flows and the tallies of sources
    // and destinations that name one past it would be read past it (and the describer sizes
    // its tables by the largest).
    const auto known = [&addresses](std::uint32_t id) { return id < addresses.size(); };
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (!known(flows[i].client) || !known(flows[i].server))
            throw damaged();
    }
    for (const traffic::Dimension d :
         {traffic::Dimension::Source, traffic::Dimension::Destination}) {
        const auto &table = tallies[std::size_t(d)];
        if (std::any_of(table.begin(), table.end(),
                        [&](const traffic::Tally &t) { return !known(t.key); }))
            throw damaged();
    }
    // Every tally range must lie inside its table, or drill-down would read past it.
    for (const traffic::BaseBin &bin : bins) {
        for (int d = 0; d < traffic::kDimensionCount; ++d) {
            if (std::uint64_t(bin.first[std::size_t(d)]) + bin.count[std::size_t(d)] >
                tallies[std::size_t(d)].size())
                throw damaged();
        }
    }
    return std::make_shared<const Traffic>(
        baseWidth, std::move(bins), std::move(tallies), std::move(flows), std::move(addresses),
        query.value(1).toLongLong(), query.value(2).toLongLong());
}

Series readSeries(const QSqlDatabase &db, const QString &source)
{
    QSqlQuery query = run(db, QStringLiteral("SELECT axis, bin_width, rows, features, starts, "
                                             "\"values\", has_data FROM series WHERE id = 1"));
    if (!query.next())
        throw SqlFailure{tr("it holds no series")};
    Series series;
    series.source = source;
    series.axis = Series::Axis(query.value(0).toInt());
    series.binWidth = query.value(1).toLongLong();
    const qint64 rows = query.value(2).toLongLong();
    casecodec::featuresFromJson(object(query.value(3)), series.features, series.labels);
    std::vector<double> values;
    if (!casecodec::fromBlob(query.value(4).toByteArray(), series.starts) ||
        !casecodec::fromBlob(query.value(5).toByteArray(), values) ||
        qint64(series.starts.size()) != rows ||
        values.size() != std::size_t(rows) * series.features.size())
        throw SqlFailure{tr("the series is damaged")};
    series.values = Eigen::Map<const Eigen::MatrixXd>(values.data(), Eigen::Index(rows),
                                                      Eigen::Index(series.features.size()));
    series.hasData = casecodec::flagsFromBlob(query.value(6).toByteArray());
    if (!series.hasData.empty() && qint64(series.hasData.size()) != rows)
        throw SqlFailure{tr("the series is damaged")};
    if (!series.labels.isEmpty() && series.labels.size() != rows)
        throw SqlFailure{tr("the series is damaged")};
    return series;
}

// A stored run as a result: scores, threshold and intervals as they were. The detector itself
// is not stored (retraining makes it again); the feature pipeline is refitted on the training
// rows when the run scored the series in the case, so feature contributions still work.
DetectorRun readRun(const QSqlQuery &query, const Series &series)
{
    DetectorRun detectorRun;
    detectorRun.id = query.value(0).toLongLong();
    detectorRun.options = casecodec::detectionOptionsFromJson(object(query.value(2)));
    detectorRun.binWidth = query.value(3).toLongLong();
    detectorRun.modelFrom = query.value(12).toString();
    auto result = std::make_shared<DetectionResult>();
    result->model.detector = query.value(1).toString();
    result->model.seed = detectorRun.options.seed;
    result->model.trainingDescription = query.value(10).toString();
    for (const QJsonValue &warning :
         object(query.value(11)).value(QStringLiteral("warnings")).toArray())
        result->warnings << warning.toString();
    std::vector<double> scores;
    std::vector<double> trainingScores;
    if (!casecodec::fromBlob(query.value(6).toByteArray(), scores) ||
        !casecodec::fromBlob(query.value(9).toByteArray(), trainingScores))
        throw SqlFailure{tr("run %1 is damaged").arg(detectorRun.id)};
    result->scores = Eigen::Map<const Eigen::VectorXd>(scores.data(), Eigen::Index(scores.size()));
    result->training = casecodec::flagsFromBlob(query.value(7).toByteArray());
    result->eligible = casecodec::flagsFromBlob(query.value(8).toByteArray());
    if (result->training.size() != scores.size() || result->eligible.size() != scores.size())
        throw SqlFailure{tr("run %1 is damaged").arg(detectorRun.id)};
    // The tail is fitted as the run fitted it: within the highest score its detector gives.
    const DetectorBuild build =
        createDetector(result->model.detector, detectorRun.options.parameters, result->model.seed);
    result->model.trainingScores = ScoreDistribution(
        Eigen::Map<const Eigen::VectorXd>(trainingScores.data(),
                                          Eigen::Index(trainingScores.size())),
        {}, ScoreDistribution::Outliers::Keep,
        build.detector ? build.detector->highestScore() : std::numeric_limits<double>::infinity());
    result->rowDuration = detectorRun.binWidth == series.binWidth
                              ? rowDuration(series)
                              : (series.axis == Series::Axis::Time ? detectorRun.binWidth : 0);
    result->rethreshold(detectorRun.options.threshold);

    const DetectorInfo *info = findDetector(result->model.detector);
    const bool trained =
        std::find(result->training.begin(), result->training.end(), true) != result->training.end();
    if (info && trained && detectorRun.binWidth == series.binWidth &&
        qsizetype(scores.size()) == series.rowCount()) {
        result->model.status = result->model.pipeline.fit(
            series.values, series.features, result->training,
            pipelineOptions(series, detectorRun.options, *info), rowTimes(series));
    }
    detectorRun.result = std::move(result);
    return detectorRun;
}

// The source's identity and load options; the query is left on its kind and summary.
QSqlQuery readSource(const QSqlDatabase &db, SourceIdentity &source, LoadOptions &load)
{
    QSqlQuery query = run(db, QStringLiteral("SELECT kind, summary, path, size, sha256, "
                                             "load_options FROM source WHERE id = 1"));
    if (!query.next())
        throw SqlFailure{tr("it names no source")};
    source.path = query.value(2).toString();
    source.size = query.value(3).toLongLong();
    source.sha256 = query.value(4).toString().toLatin1();
    load = casecodec::loadOptionsFromJson(object(query.value(5)));
    return query;
}

// The anomaly table as it was last shown.
std::vector<Anomaly> readDescribed(const QSqlDatabase &db)
{
    QString sql = QStringLiteral("SELECT ");
    for (const AnomalyColumn &column : kAnomalyColumns)
        sql += QStringLiteral("\"%1\", ").arg(QLatin1String(column.name));
    sql.chop(2);
    QSqlQuery query = run(db, sql + QStringLiteral(" FROM anomalies ORDER BY position"));
    std::vector<Anomaly> described;
    while (query.next()) {
        Anomaly &anomaly = described.emplace_back();
        for (std::size_t c = 0; c < std::size(kAnomalyColumns); ++c)
            kAnomalyColumns[c].set(anomaly, query.value(int(c)));
    }
    return described;
}

} // namespace

std::optional<CaseContents> CaseFile::read(const QString &path, QString *error)
{
    QString why;
    if (!checkHeader(path, &why)) {
        *error = why;
        return std::nullopt;
    }
    const QString name = QDir::toNativeSeparators(path);
    Connection connection(path, Connection::readOnlyWillDo(path));
    if (!connection.isOpen()) {
        *error = tr("%1 cannot be opened: %2").arg(name, connection.error());
        return std::nullopt;
    }
    const QSqlDatabase db = connection.database();
    CaseContents contents;
    try {
        // Blobs are copied straight out of the mapped file instead of read page by page.
        run(db, QStringLiteral("PRAGMA mmap_size = 4294967296"));
        // Every page, once (0.06 s for 96 MB): a damaged one makes the case read-only.
        QSqlQuery check = run(db, QStringLiteral("PRAGMA quick_check(1)"));
        if (!check.next() || check.value(0).toString() != QLatin1String("ok"))
            contents.damage =
                tr("the file is damaged (%1)")
                    .arg(check.isValid() ? check.value(0).toString() : tr("no answer to a check"));
        QSqlQuery meta = run(db, QStringLiteral("SELECT key, value FROM meta"));
        QString storedLayout;
        QString storedDescriber;
        while (meta.next()) {
            const QString key = meta.value(0).toString();
            if (key == QLatin1String("written_by"))
                contents.writtenBy = meta.value(1).toString();
            else if (key == QLatin1String("current_run"))
                contents.currentRun = meta.value(1).toLongLong();
            else if (key == QLatin1String("layout"))
                storedLayout = meta.value(1).toString();
            else if (key == QLatin1String("described_by"))
                storedDescriber = meta.value(1).toString();
        }
        const bool uploads = storedLayout == layout();
        if (!uploads && storedLayout != layout(sizeof(FlowBeforeUploads)))
            throw SqlFailure{tr("it was written on a machine with another memory layout (%1)")
                                 .arg(storedLayout)};

        QSqlQuery source = readSource(db, contents.source, contents.load);
        auto input = std::make_shared<LoadedInput>();
        input->path = contents.source.path;
        if (source.value(0).toString() == QLatin1String("capture")) {
            input->kind = LoadedInput::Kind::Capture;
            input->capture = casecodec::captureSummaryFromJson(object(source.value(1)));
        } else {
            input->kind = LoadedInput::Kind::Table;
            input->table = casecodec::tableSummaryFromJson(object(source.value(1)));
        }
        input->series = readSeries(db, contents.source.path);
        input->traffic = readTraffic(db, uploads);
        contents.input = input;

        QSqlQuery runs = run(db, QStringLiteral("SELECT id, detector, options, bin_width, "
                                                "percentile, threshold, scores, training, "
                                                "eligible, training_scores, "
                                                "training_description, warnings, model_from "
                                                "FROM runs ORDER BY id"));
        while (runs.next())
            contents.runs.push_back(readRun(runs, input->series));
        const auto current =
            std::find_if(contents.runs.begin(), contents.runs.end(),
                         [&](const DetectorRun &r) { return r.id == contents.currentRun; });
        if (current != contents.runs.end() &&
            current->result->scores.size() != input->series.rowCount())
            contents.currentRun = 0; // scores of other rows: not shown

        if (storedDescriber == describedBy())
            contents.described = readDescribed(db);

        QSqlQuery annotations = run(db, QStringLiteral("SELECT id, start, \"end\", detector, "
                                                       "manual, marked, label, note FROM "
                                                       "annotations ORDER BY id"));
        while (annotations.next()) {
            Annotation a;
            a.id = annotations.value(0).toLongLong();
            a.start = annotations.value(1).toLongLong();
            a.end = annotations.value(2).toLongLong();
            a.detector = annotations.value(3).toString();
            a.manual = annotations.value(4).toBool();
            a.marked = annotations.value(5).toBool();
            a.label = annotations.value(6).toString();
            a.note = annotations.value(7).toString();
            contents.annotations.push_back(std::move(a));
        }
    } catch (const SqlFailure &failure) {
        *error = tr("%1 is damaged: %2").arg(name, failure.message);
        return std::nullopt;
    }
    return contents;
}

std::optional<CaseRecipe> CaseFile::readRecipe(const QString &path, QString *error)
{
    QString why;
    if (!checkHeader(path, &why)) {
        *error = why;
        return std::nullopt;
    }
    const QString name = QDir::toNativeSeparators(path);
    Connection connection(path, Connection::readOnlyWillDo(path));
    if (!connection.isOpen()) {
        *error = tr("%1 cannot be opened: %2").arg(name, connection.error());
        return std::nullopt;
    }
    const QSqlDatabase db = connection.database();
    CaseRecipe recipe;
    try {
        QSqlQuery current =
            run(db, QStringLiteral("SELECT value FROM meta WHERE key = 'current_run'"));
        const qint64 currentRun = current.next() ? current.value(0).toLongLong() : 0;
        readSource(db, recipe.source, recipe.load);
        QSqlQuery series =
            run(db, QStringLiteral("SELECT bin_width, rows FROM series WHERE id = 1"));
        if (!series.next())
            throw SqlFailure{tr("it holds no series")};
        recipe.seriesBinWidth = series.value(0).toLongLong();
        const qint64 rows = series.value(1).toLongLong();
        // As read() takes it: the current run when it scored the series the case holds.
        QSqlQuery runs = run(db, QStringLiteral("SELECT id, options, model_from, bin_width, "
                                                "length(scores) FROM runs ORDER BY id"));
        std::optional<DetectorRun> last;
        while (runs.next()) {
            DetectorRun detectorRun;
            detectorRun.id = runs.value(0).toLongLong();
            detectorRun.options = casecodec::detectionOptionsFromJson(object(runs.value(1)));
            detectorRun.modelFrom = runs.value(2).toString();
            detectorRun.binWidth = runs.value(3).toLongLong();
            const bool isCurrent = detectorRun.id == currentRun &&
                                   runs.value(4).toLongLong() == rows * qint64(sizeof(double));
            if (isCurrent) {
                recipe.run = std::move(detectorRun);
                break;
            }
            last = std::move(detectorRun);
        }
        if (!recipe.run)
            recipe.run = std::move(last);
    } catch (const SqlFailure &failure) {
        *error = tr("%1 is damaged: %2").arg(name, failure.message);
        return std::nullopt;
    }
    return recipe;
}

bool CaseFile::write(const QString &path, const Investigation &investigation,
                     const SourceIdentity &source, const LoadOptions &load, QString *error)
{
    const QString name = QDir::toNativeSeparators(path);
    if (!investigation.input()) {
        *error = tr("%1: nothing to save").arg(name);
        return false;
    }
    // Written beside the target and renamed over it once complete.
    QTemporaryFile temporary(QFileInfo(path).absoluteFilePath() + QStringLiteral(".XXXXXX"));
    if (!temporary.open()) {
        *error = QStringLiteral("%1: %2").arg(name, temporary.errorString());
        return false;
    }
    temporary.close();
    QString why;
    bool written = false;
    {
        Connection connection(temporary.fileName(), false);
        if (!connection.isOpen()) {
            *error = QStringLiteral("%1: %2").arg(name, connection.error());
            return false;
        }
        const QSqlDatabase db = connection.database();
        try {
            run(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
            run(db, QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
            // Written with a rollback journal (the data goes once into the file, not through a
            // write-ahead log), and turned to WAL before the rename below.
            run(db, QStringLiteral("PRAGMA journal_mode = DELETE"));
            // Large pages: the blobs are most of a case, and read back in fewer, longer reads.
            run(db, QStringLiteral("PRAGMA page_size = 65536"));
        } catch (const SqlFailure &failure) {
            *error = QStringLiteral("%1: %2").arg(name, failure.message);
            return false;
        }
        written = transaction(db, &why, [&] {
            for (const QString &statement : schema())
                run(db, statement);
            setMeta(db, QStringLiteral("written_by"), QCoreApplication::applicationVersion());
            setMeta(db, QStringLiteral("layout"), layout());
            setMeta(db, QStringLiteral("current_run"),
                    investigation.currentRun() ? investigation.currentRun()->id : 0);
            const LoadedInput &input = *investigation.input();
            writeSource(db, source, load, input);
            writeSeries(db, input.series);
            if (input.traffic)
                writeTraffic(db, *input.traffic);
            for (const DetectorRun &detectorRun : investigation.runs())
                writeRun(db, detectorRun);
            writeAnnotations(db, investigation);
            writeAnomalies(db, investigation.rows());
        });
        // Born in WAL mode: attach() then has nothing to convert. Converting changes the header
        // through a rollback journal, and a kill during it left a hot journal beside the case,
        // which a read-only reader cannot roll back ("attempt to write a readonly database").
        try {
            if (written) {
                QSqlQuery mode = run(db, QStringLiteral("PRAGMA journal_mode = WAL"));
                if (!mode.next() || mode.value(0).toString() != QLatin1String("wal"))
                    throw SqlFailure{tr("the file system does not allow a write-ahead log")};
            }
        } catch (const SqlFailure &failure) {
            written = false;
            why = failure.message;
        }
    }
    if (!written) {
        *error = QStringLiteral("%1: %2").arg(name, why);
        return false;
    }
    // A journal left beside an older file of that name must not be replayed into this one.
    for (const char *journal : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(journal));
    if (std::rename(QFile::encodeName(temporary.fileName()).constData(),
                    QFile::encodeName(path).constData()) != 0) {
        *error = QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    temporary.setAutoRemove(false);
    return true;
}

std::unique_ptr<CaseFile> CaseFile::attach(const QString &path, QString *error)
{
    if (!checkHeader(path, error))
        return nullptr;
    auto connection = std::make_unique<Connection>(path, false);
    if (!connection->isOpen()) {
        *error =
            tr("%1 cannot be opened: %2").arg(QDir::toNativeSeparators(path), connection->error());
        return nullptr;
    }
    const QSqlDatabase db = connection->database();
    try {
        // WAL: a change is one append to the journal, and a kill never leaves a half-written
        // page in the case. NORMAL syncs at checkpoints: a killed process loses nothing
        // committed (only a power cut could lose the last changes).
        QSqlQuery mode = run(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!mode.next() || mode.value(0).toString() != QLatin1String("wal"))
            throw SqlFailure{tr("the file system does not allow a write-ahead log")};
        run(db, QStringLiteral("PRAGMA synchronous = NORMAL"));
        // The anomaly table is derived: made again when this version has other columns.
        const QSqlRecord record = db.record(QStringLiteral("anomalies"));
        if (record.count() != int(5 + std::size(kAnomalyColumns))) {
            run(db, QStringLiteral("DROP TABLE IF EXISTS anomalies"));
            run(db, anomalyTableSql());
        }
    } catch (const SqlFailure &failure) {
        *error =
            tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), failure.message);
        return nullptr;
    }
    return std::unique_ptr<CaseFile>(new CaseFile(path, connection->takeName()));
}

CaseFile::CaseFile(QString path, QString connection)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
{}

CaseFile::~CaseFile()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool CaseFile::record(const Investigation &investigation, Investigation::Change change, qint64 id)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    return transaction(db, &m_error, [&] {
        switch (change) {
        case Investigation::Change::Series:
            writeSeries(db, *investigation.series());
            writeLoadWidth(db, investigation.series()->binWidth);
            setMeta(db, QStringLiteral("current_run"), 0);
            break;
        case Investigation::Change::Run:
        case Investigation::Change::Threshold:
            for (const DetectorRun &detectorRun : investigation.runs()) {
                if (detectorRun.id != id)
                    continue;
                if (change == Investigation::Change::Run)
                    writeRun(db, detectorRun);
                else
                    writeThreshold(db, detectorRun);
            }
            setMeta(db, QStringLiteral("current_run"), id);
            break;
        case Investigation::Change::Annotation:
            if (const Annotation *annotation = investigation.annotation(id))
                writeAnnotation(db, *annotation);
            break;
        case Investigation::Change::AnnotationRemoved:
            run(db, QStringLiteral("DELETE FROM annotations WHERE id = ?"), {id});
            break;
        case Investigation::Change::Descriptions:
            break; // only the anomaly table below
        }
        writeAnomalies(db, investigation.rows());
    });
}

bool CaseFile::synchronize(const Investigation &investigation)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    return transaction(db, &m_error, [&] {
        QSqlQuery width =
            run(db, QStringLiteral("SELECT bin_width, rows FROM series WHERE id = 1"));
        const Series &series = *investigation.series();
        if (!width.next() || width.value(0).toLongLong() != series.binWidth ||
            width.value(1).toLongLong() != series.rowCount()) {
            writeSeries(db, series);
            writeLoadWidth(db, series.binWidth);
        }
        for (const DetectorRun &detectorRun : investigation.runs()) {
            QSqlQuery known =
                run(db, QStringLiteral("SELECT 1 FROM runs WHERE id = ?"), {detectorRun.id});
            if (known.next())
                writeThreshold(db, detectorRun);
            else
                writeRun(db, detectorRun);
        }
        setMeta(db, QStringLiteral("current_run"),
                investigation.currentRun() ? investigation.currentRun()->id : 0);
        writeAnnotations(db, investigation);
        writeAnomalies(db, investigation.rows());
    });
}

bool CaseFile::setSourcePath(const QString &path)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    return transaction(db, &m_error, [&] {
        run(db, QStringLiteral("UPDATE source SET path = ? WHERE id = 1"),
            {QFileInfo(path).absoluteFilePath()});
    });
}

} // namespace tideline
