#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QSaveFile>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace tideline {

// Writes RFC 4180 CSV atomically: rows go to a QSaveFile that replaces the target only on
// commit(), so a failed write leaves any earlier file intact. The path "-" writes to stdout; a
// device or a pipe is written in place.
class CsvWriter
{
public:
    // Opens the target; error() says why when it could not.
    explicit CsvWriter(const QString &path);
    ~CsvWriter();

    bool isOpen() const { return m_device != nullptr; }
    void writeRow(const QStringList &fields);
    // Records the caller encoded as UTF-8 (quoted where needed, each ended by CRLF): the fast
    // path for long files of numbers, which need no QString.
    void writeEncoded(QByteArrayView records);
    // Finishes the file; the reason when it failed (the earlier file is then untouched).
    std::optional<QString> commit();
    QString error() const { return m_error; }

    // The shortest text that reads back to the same double, '.' as decimal separator, no
    // exponent for whole numbers below 1e15; inf, -inf and nan for the non-finite.
    static QString number(double value);
    // The same text appended to `out`.
    static void appendNumber(QByteArray &out, double value);
    // The same text written at `out`, which has room for kNumberRoom characters; returns where
    // it ends. For loops that fill a buffer of their own: appending a few characters at a time
    // to a QByteArray was a tenth of `detect` on a 100k-row table.
    static char *writeNumber(char *out, double value);
    static constexpr int kNumberRoom = 32;

private:
    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<QFile> m_inPlace; // stdout, a device or a pipe
    QIODevice *m_device = nullptr;
    QString m_error;
};

// A field quoted when it holds a comma, a quote, a line break or edge spaces.
QString csvField(const QString &text);
// Fields joined with commas and ended with CRLF, as UTF-8.
QByteArray csvRecord(const QStringList &fields);

} // namespace tideline
