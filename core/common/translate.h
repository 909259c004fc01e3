#pragma once

#include <QCoreApplication>
#include <QString>

namespace tideline {

// Core's user-facing strings, in the translation context "tideline". lupdate files a literal
// written as tr("…") inside namespace tideline under that context; inside a class, where lupdate
// would take the class's name instead, write QCoreApplication::translate("tideline", "…") (lupdate
// extracts nothing from tr(QT_TRANSLATE_NOOP(…)), and drops such strings with -no-obsolete).
inline QString tr(const char *sourceText)
{
    return QCoreApplication::translate("tideline", sourceText);
}

} // namespace tideline
