#pragma once

#include "case/sourceidentity.h"
#include "investigation/investigation.h"

#include <QString>
#include <memory>
#include <optional>

namespace tideline {

// What a case file holds, read back: everything the window shows, without the source.
struct CaseContents
{
    SourceIdentity source;
    LoadOptions load;
    std::shared_ptr<LoadedInput> input; // series and drill-down tallies as they were saved
    std::vector<DetectorRun> runs;
    qint64 currentRun = 0;
    std::vector<Annotation> annotations;
    // The anomaly table as it was last shown, when this version in this language described it
    // (else empty): restoring takes descriptions from it instead of reading the traffic again.
    std::vector<Anomaly> described;
    QString writtenBy; // the Tideline version that created it
    // Why the case may be read but must not be written to: a damaged page that reading did not
    // need may be one that writing does, and SQLite would write through it and leave a case
    // that no longer opens. Empty when SQLite's quick check finds the file intact.
    QString damage;
};

// What re-running a case's run needs (`detect --case`): read without the series, the drill-down
// tallies, the scores or the anomaly table.
struct CaseRecipe
{
    SourceIdentity source;
    LoadOptions load;
    TimeNs seriesBinWidth = 0; // of the series the case holds
    // The current run, else the last (options, model file and bin width; no result); empty when
    // the case holds none.
    std::optional<DetectorRun> run;
};

// A case (*.tideline): one SQLite file holding the source's path, size and SHA-256, the load
// options, the binned series and drill-down tallies, the detector runs with their scores, the
// anomalies and the annotations.
//
// write() creates it whole and atomically; attach() then keeps it open in WAL mode and every
// change the investigation reports is its own transaction, so killing the program loses nothing
// it had shown. A file that is not a case, is damaged, or was written by a newer Tideline is
// refused and never written to.
class CaseFile
{
public:
    // 2: flows count the bytes from their client (format 1 is read with that count 0).
    static constexpr int kSchemaVersion = 2;
    static QString suffix() { return QStringLiteral("tideline"); }

    // Reads a case (any thread); nullopt with the reason when it is refused.
    static std::optional<CaseContents> read(const QString &path, QString *error);
    // Reads only what re-running the case's run needs (any thread).
    static std::optional<CaseRecipe> readRecipe(const QString &path, QString *error);
    // Writes `investigation` as a case at `path` (any thread). A file already there is replaced
    // only once the new one is complete; on failure it is left as it was.
    static bool write(const QString &path, const Investigation &investigation,
                      const SourceIdentity &source, const LoadOptions &load, QString *error);
    // Opens a case for journaling on the calling thread; null with the reason when refused.
    // Attach only a case read() found intact (CaseContents::damage empty): the check of every
    // page is read()'s, on its thread, not done again here.
    static std::unique_ptr<CaseFile> attach(const QString &path, QString *error);

    ~CaseFile();
    CaseFile(const CaseFile &) = delete;
    CaseFile &operator=(const CaseFile &) = delete;

    const QString &path() const { return m_path; }
    const QString &errorString() const { return m_error; }

    // Journals one change the investigation reported, in its own transaction.
    bool record(const Investigation &investigation, Investigation::Change change, qint64 id);
    // Brings the file up to `investigation` (what changed while write() ran elsewhere).
    bool synchronize(const Investigation &investigation);
    // The source was found at another path (the caller checked that it is the same file).
    bool setSourcePath(const QString &path);

private:
    explicit CaseFile(QString path, QString connection);

    QString m_path;
    QString m_connection;
    QString m_error;
};

} // namespace tideline
