#pragma once

#include <QColor>
#include <QPalette>
#include <QStringList>

namespace tideline::appearance {

// The window's look independent of the desktop: "light" and "dark" set the Fusion style with
// that palette; "system" keeps what the platform gives. Widgets follow whichever palette is in
// force, so these only choose it.
QStringList names();
bool apply(const QString &name); // false for an unknown name, nothing changed

// Whether text is drawn light on dark, so colours that need contrast can adapt.
bool isDark(const QPalette &palette);
// `a` moved `amount` (0..1) of the way towards `b`.
QColor mix(const QColor &a, const QColor &b, double amount);

} // namespace tideline::appearance
