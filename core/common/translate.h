#pragma once

#include <QCoreApplication>
#include <QString>

namespace tideline {

// Core's user-facing strings, in the translation context "tideline". lupdate files a literal
// written as tr("…") inside namespace tideline under that context; inside a class, where lupdate
// would take the class's name instead, write tr(QT_TRANSLATE_NOOP("tideline", "…")).
inline QString tr(const char *sourceText)
{
    return QCoreApplication::translate("tideline", sourceText);
}

} // namespace tideline
