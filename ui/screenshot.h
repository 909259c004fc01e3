#pragma once

#include <QString>

namespace tideline {

class MainWindow;

// Opens `file` in `window`, waits for the load to finish, renders the window to `outPng` and
// returns the process exit status (0 saved, 1 load or save failed).
int saveScreenshotWhenLoaded(MainWindow &window, const QString &file, const QString &outPng);

} // namespace tideline
