#include "nabwindows.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tideline {

namespace {

// How many keys an error lists before it counts the rest.
constexpr qsizetype kKeysShown = 8;

QString fileStem(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    if (name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        name.chop(4);
    return name;
}

bool isSeparator(QChar c)
{
    return c == u'.' || c == u'_' || c == u'-' || c == u' ';
}

Diagnostic error(const QString &path, const QString &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.message = message;
    return d;
}

QString listed(QStringList keys)
{
    keys.sort();
    if (keys.size() <= kKeysShown)
        return keys.join(QStringLiteral(", "));
    const qsizetype more = keys.size() - kKeysShown;
    keys.resize(kKeysShown);
    return QCoreApplication::translate("tideline", "%1 … and %2 more")
        .arg(keys.join(QStringLiteral(", ")))
        .arg(more);
}

// A window's [start, end] times; nullopt when it is not a pair of times in order.
std::optional<std::pair<TimeNs, TimeNs>> windowTimes(const QJsonValue &window)
{
    const QJsonArray pair = window.toArray();
    if (pair.size() != 2)
        return std::nullopt;
    const std::optional<TimeNs> start = parseIsoUtc(pair[0].toString());
    const std::optional<TimeNs> end = parseIsoUtc(pair[1].toString());
    if (!start || !end || *end < *start)
        return std::nullopt;
    return std::make_pair(*start, *end);
}

} // namespace

QString nabKeyFor(const QStringList &keys, const QString &series, bool *ambiguous)
{
    if (ambiguous)
        *ambiguous = false;
    QString name = series;
    name.replace(u'\\', u'/');
    if (keys.contains(name))
        return name;
    // A path to the data file itself: .../data/realKnownCause/nyc_taxi.csv.
    for (const QString &key : keys) {
        if (name.endsWith(u'/' + key))
            return key;
    }
    // The file's name, or a file named after it: the longest key name it starts with.
    const QString stem = fileStem(name);
    QStringList best;
    qsizetype bestLength = 0;
    for (const QString &key : keys) {
        const QString keyStem = fileStem(key);
        const bool names = stem == keyStem || (stem.startsWith(keyStem) && !keyStem.isEmpty() &&
                                               isSeparator(stem.at(keyStem.size())));
        if (!names || keyStem.size() < bestLength)
            continue;
        if (keyStem.size() > bestLength)
            best.clear();
        bestLength = keyStem.size();
        best << key;
    }
    if (best.size() == 1)
        return best.front();
    if (ambiguous)
        *ambiguous = best.size() > 1;
    return {};
}

std::optional<std::vector<TruthInterval>> readNabWindows(const QString &path, const QString &series,
                                                         Diagnostics &diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.push_back(error(path, file.errorString()));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Diagnostic d = error(path, parseError.errorString());
        d.offset = parseError.offset;
        diagnostics.push_back(d);
        return std::nullopt;
    }
    if (!document.isObject()) {
        diagnostics.push_back(
            error(path, QCoreApplication::translate(
                            "tideline", "not NAB windows: the file is not an object of series")));
        return std::nullopt;
    }
    const QJsonObject windows = document.object();
    bool ambiguous = false;
    const QString key = nabKeyFor(windows.keys(), series, &ambiguous);
    if (key.isEmpty()) {
        const QString message =
            ambiguous ? QCoreApplication::translate("tideline",
                                                    "several series match '%1'; name one of: %2")
                      : QCoreApplication::translate("tideline", "no series matches '%1'; name one "
                                                                "of: %2");
        diagnostics.push_back(error(path, message.arg(series, listed(windows.keys()))));
        return std::nullopt;
    }
    const QJsonValue value = windows.value(key);
    if (!value.isArray()) {
        diagnostics.push_back(error(
            path,
            QCoreApplication::translate("tideline", "the windows of %1 are not a list").arg(key)));
        return std::nullopt;
    }
    std::vector<TruthInterval> intervals;
    for (const QJsonValue &window : value.toArray()) {
        const std::optional<std::pair<TimeNs, TimeNs>> times = windowTimes(window);
        if (!times) {
            diagnostics.push_back(error(
                path, QCoreApplication::translate(
                          "tideline", "a window of %1 is not a [start, end] pair of times: %2")
                          .arg(key, QString::fromUtf8(QJsonDocument(QJsonArray{window})
                                                          .toJson(QJsonDocument::Compact)))));
            return std::nullopt;
        }
        // A window holds its last timestamp: the row there is labelled too.
        intervals.push_back({times->first, timeAfter(times->second, 1),
                             QStringLiteral("anomaly_window"),
                             QCoreApplication::translate("tideline", "NAB window of %1").arg(key)});
    }
    return intervals;
}

} // namespace tideline
