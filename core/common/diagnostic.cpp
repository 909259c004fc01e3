#include "diagnostic.h"

#include <QFileInfo>

namespace tideline {

QString Diagnostic::toString() const
{
    QStringList where;
    if (record > 0)
        where << (offset >= 0 ? QStringLiteral("packet %1").arg(record)
                              : QStringLiteral("line %1").arg(record));
    if (column > 0)
        where << QStringLiteral("column %1").arg(column);
    if (offset >= 0)
        where << QStringLiteral("byte offset %1").arg(offset);

    QString text = QFileInfo(file).fileName();
    if (!where.isEmpty())
        text += QStringLiteral(": ") + where.join(QStringLiteral(", "));
    if (!text.isEmpty())
        text += QStringLiteral(": ");
    return text + message;
}

QStringList toStrings(const Diagnostics &diagnostics)
{
    QStringList out;
    out.reserve(qsizetype(diagnostics.size()));
    for (const Diagnostic &d : diagnostics)
        out << d.toString();
    return out;
}

} // namespace tideline
