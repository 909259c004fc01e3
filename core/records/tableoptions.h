#pragma once

#include "common/timeutil.h"
#include "tableflavour.h"

#include <cstdint>

namespace tideline {

// What to do with a row that cannot be read (wrong field count, text in a number column,
// an unreadable time).
enum class BadRowPolicy : std::uint8_t {
    Skip, // leave the row out, count it and list it (the list is capped)
    Stop, // stop loading at that row with an error naming it
};

// How to read a table; the defaults detect everything.
struct TableOptions
{
    TableFlavour flavour = TableFlavour::Auto;
    TimeNs binWidth = 0; // flows and packets: bin width, 0 = a "nice" width for the span
    BadRowPolicy badRows = BadRowPolicy::Skip;
    bool perRow = false;      // flow tables: one series row per flow (Axis::Row), not time bins
    int maxDiagnostics = 100; // row problems listed; the rest are only counted
    QString labelColumn;      // the ground-truth column by name; empty: found by its name
};

} // namespace tideline
