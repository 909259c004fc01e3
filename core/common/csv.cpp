#include "csv.h"

#include <QCoreApplication>

namespace tideline {

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{}

bool CsvReader::next(QStringList &fields)
{
    fields.clear();
    if (!m_error.isEmpty() || m_device->atEnd())
        return false;
    QString field;
    bool quoted = false;    // inside quotes
    bool wasQuoted = false; // this field began with a quote
    m_recordLine = m_line + 1;
    while (!m_device->atEnd()) {
        QByteArray bytes = m_device->readLine();
        ++m_line;
        if (m_first) {
            m_first = false;
            if (bytes.startsWith("\xEF\xBB\xBF"))
                bytes.remove(0, 3);
        }
        const QString text = QString::fromUtf8(bytes);
        qsizetype length = text.size();
        // The line end belongs to the record only inside quotes.
        qsizetype contentEnd = length;
        if (contentEnd > 0 && text[contentEnd - 1] == u'\n')
            --contentEnd;
        if (contentEnd > 0 && text[contentEnd - 1] == u'\r')
            --contentEnd;
        for (qsizetype i = 0; i < length; ++i) {
            const QChar c = text[i];
            if (quoted) {
                if (c == u'"') {
                    if (i + 1 < length && text[i + 1] == u'"') {
                        field += u'"';
                        ++i;
                    } else {
                        quoted = false;
                    }
                } else {
                    field += c;
                }
                continue;
            }
            if (i >= contentEnd)
                break;
            if (c == u'"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == u',') {
                fields << field;
                field.clear();
                wasQuoted = false;
            } else {
                field += c;
            }
        }
        if (!quoted) {
            fields << field;
            return true;
        }
    }
    m_error = QCoreApplication::translate("tideline", "a quoted field starting on line %1 is "
                                                      "never closed")
                  .arg(m_recordLine);
    fields.clear();
    return false;
}

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') ||
                             text.contains(u'\r') ||
                             (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!needsQuotes)
        return text;
    QString escaped = text;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray csvRecord(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += u',';
        line += csvField(fields[i]);
    }
    line += QStringLiteral("\r\n");
    return line.toUtf8();
}

int csvColumn(const QStringList &header, QStringView name)
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (QStringView(header[i]).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

Diagnostic csvError(const QString &path, qint64 line, int column, const QString &message)
{
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.file = path;
    d.record = line;
    d.column = column;
    d.message = message;
    return d;
}

} // namespace tideline
