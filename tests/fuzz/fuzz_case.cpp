// libFuzzer target: bytes as a case file (*.tideline) → the case reader, then what opening it in
// the window does: the investigation restored from it (rows described from the saved drill-down
// tallies), an analyst's edit, and the case attached for journaling and brought up to date.
// A case that was accepted and written to must read back.

#include "case/casefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tideline;

namespace {

// SQLite reads a path and writes its -wal and -shm files beside it: a folder of our own, in
// memory where there is a tmpfs (attaching and writing a case syncs the disk several times,
// which on a disk takes most of each run).
const QTemporaryDir &folder()
{
    static const QString parent = QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                                      ? QStringLiteral("/dev/shm")
                                      : QDir::tempPath();
    static const QTemporaryDir dir(parent + QStringLiteral("/fuzz_case-XXXXXX"));
    return dir;
}

bool writeInput(const QString &path, const std::uint8_t *data, std::size_t size)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (!folder().isValid())
        return 0;
    const QString path = folder().filePath(QStringLiteral("fuzz.tideline"));
    if (!writeInput(path, data, size))
        return 0;
    QString error;
    std::optional<CaseContents> contents = CaseFile::read(path, &error);
    if (!contents)
        return 0;

    Investigation investigation;
    investigation.restore(contents->input, std::move(contents->runs), contents->currentRun,
                          std::move(contents->annotations), contents->described);
    (void)investigation.anomalies();
    const qsizetype rows = contents->input->series.rowCount();
    if (rows > 0)
        (void)investigation.addManual(rows / 3, rows - 1 - rows / 3);

    if (!contents->damage.isEmpty())
        return 0; // read, never written to
    std::unique_ptr<CaseFile> file = CaseFile::attach(path, &error);
    if (!file || !file->synchronize(investigation))
        return 0;
    file.reset();
    if (!CaseFile::read(path, &error)) {
        std::fprintf(stderr, "an accepted case no longer reads after it was written to: %s\n",
                     qPrintable(error));
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}
