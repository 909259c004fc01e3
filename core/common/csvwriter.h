#pragma once

#include <QFile>
#include <QSaveFile>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace tideline {

// Writes RFC 4180 CSV atomically: rows go to a QSaveFile that replaces the target only on
// commit(), so a failed write leaves any earlier file intact. The path "-" writes to stdout.
class CsvWriter
{
public:
    // Opens the target; error() says why when it could not.
    explicit CsvWriter(const QString &path);
    ~CsvWriter();

    bool isOpen() const { return m_device != nullptr; }
    void writeRow(const QStringList &fields);
    // Finishes the file; the reason when it failed (the earlier file is then untouched).
    std::optional<QString> commit();
    QString error() const { return m_error; }

    // Full precision, '.' as decimal separator, no exponent noise for integers.
    static QString number(double value);

private:
    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<QFile> m_stdout;
    QIODevice *m_device = nullptr;
    QString m_error;
};

} // namespace tideline
