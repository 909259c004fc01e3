#pragma once

#include "remote/prometheussource.h"

#include <QString>
#include <optional>

namespace tideline {

class MainWindow;

struct ScreenshotRequest
{
    QString file;     // to open
    QString outPng;   // where the picture goes
    QString detector; // train this detector after loading (empty: don't)
    std::optional<double> percentile;
    QString series;    // the Series box entry to draw (empty: the default)
    QString modelFrom; // with `detector`: fit it on this file and score `file` with it
    QString truth;     // known anomalies to load after `file` (empty: only those beside it)
    PrometheusSource prometheus; // what to read when `file` is a prometheus+http(s):// URL
};

// Opens the file in `window`, trains when asked and selects the first anomaly, renders the
// window and returns the process exit status (0 saved, 1 load, training or save failed).
int saveScreenshot(MainWindow &window, const ScreenshotRequest &request);

} // namespace tideline
