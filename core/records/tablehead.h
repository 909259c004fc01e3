#pragma once

#include <QString>
#include <QStringList>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tideline {

// What the first bytes and rows of a table tell before it is read: whether it is text at all,
// an Excel delimiter hint, and whether the first row names the columns.

// How much of the start of a file the sniffers look at.
constexpr std::size_t kTableHeadBytes = 64 * 1024;

using TableRow = std::vector<std::string>;

// Why the bytes cannot be a text table ("is a packet capture, not a table"), or empty when
// they may be one.
QString notATextTable(std::string_view data);

// "sep=;" on the first line is Excel's way of naming the delimiter.
bool excelSeparatorLine(std::string_view data, char &delimiter);

// A first row is a header when it has text where the rows below have numbers or dates; with
// no rows below, when it has any text.
bool looksLikeHeader(const TableRow &first, const std::vector<TableRow> &rows, bool decimalComma);

// The header's names, trimmed; empty names become "column<N>" and repeated ones get ".1",
// ".2" (as pandas does), with a warning.
QStringList headerNames(const TableRow &first, QStringList &warnings);

} // namespace tideline
