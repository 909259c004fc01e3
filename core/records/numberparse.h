#pragma once

#include <optional>
#include <string_view>

namespace tideline {

// Reads a whole CSV field as a number straight from its bytes (no QString): surrounding spaces,
// a leading '+', exponents, "inf"/"Infinity"/"NaN" are accepted; anything else left over is not.
// With `decimalComma` a single ',' is read as the decimal point ("3,5"), as European
// spreadsheets write it next to a ';' or tab delimiter.
bool readNumber(std::string_view text, double &value, bool decimalComma = false);

// The same as an optional. The hot loops call readNumber(): returning the optional through
// memory stalls store forwarding and cost a quarter of a table's load time.
inline std::optional<double> parseNumber(std::string_view text, bool decimalComma = false)
{
    double value = 0.0;
    if (readNumber(text, value, decimalComma))
        return value;
    return std::nullopt;
}

// Markers spreadsheets and pandas write for "no value": empty, NA, N/A, null, None, #N/A, -, ?
// (any case). A number column holding one has a missing value, not a bad row.
bool isMissingValue(std::string_view text);

// The field without leading and trailing ASCII spaces and tabs.
std::string_view trimField(std::string_view text);

} // namespace tideline
