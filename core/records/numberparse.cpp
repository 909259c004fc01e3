#include "numberparse.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>

namespace tideline {

namespace {

// from_chars leaves the value untouched when it does not fit a double: 1e-999 is 0, 1e999 is ±∞.
double outOfRange(std::string_view text)
{
    const bool negative = text.front() == '-';
    const std::size_t e = text.find_last_of("eE");
    if (e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-')
        return negative ? -0.0 : 0.0;
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
}

// Clinger's fast path: a plain decimal whose digits make an integer of at most 2^53 and that
// has at most 22 decimals is an exact integer divided by an exact power of ten, so one division
// rounds correctly. It covers almost every number in a CSV (every one of up to 15 significant
// digits, and most of 16, as a double printed in shortest form has) and is several times
// faster than libstdc++'s from_chars.
bool plainDecimal(std::string_view text, double &value)
{
    static constexpr std::array<double, 23> kPowers{1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    constexpr std::uint64_t kExactIntegers = std::uint64_t(1) << 53;
    std::size_t i = 0;
    const bool negative = text[0] == '-';
    i += negative ? 1 : 0;
    std::uint64_t mantissa = 0;
    int significant = 0;
    int decimals = 0;
    int digits = 0;
    bool point = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9')
            return false;
        ++digits;
        decimals += point ? 1 : 0;
        if (mantissa == 0 && c == '0')
            continue;
        if (++significant > 19) // beyond what a 64-bit integer holds
            return false;
        mantissa = mantissa * 10 + std::uint64_t(c - '0');
    }
    if (digits == 0 || decimals >= int(kPowers.size()) || mantissa > kExactIntegers)
        return false;
    value = double(mantissa) / kPowers[std::size_t(decimals)];
    value = negative ? -value : value;
    return true;
}

} // namespace

std::string_view trimField(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool readNumber(std::string_view text, double &value, bool decimalComma)
{
    text = trimField(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    if (plainDecimal(text, value))
        return true;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec == std::errc() && ptr == end)
        return true;
    if (ec == std::errc::result_out_of_range && ptr == end) {
        value = outOfRange(text);
        return true;
    }
    if (!decimalComma || text.size() > 64)
        return false;
    const std::size_t comma = text.find(',');
    if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos ||
        text.find('.') != std::string_view::npos)
        return false;
    std::array<char, 64> buffer{};
    text.copy(buffer.data(), text.size());
    buffer[comma] = '.';
    const char *bufferEnd = buffer.data() + text.size();
    const auto [p2, ec2] = std::from_chars(buffer.data(), bufferEnd, value);
    return ec2 == std::errc() && p2 == bufferEnd;
}

bool isMissingValue(std::string_view text)
{
    text = trimField(text);
    if (text.size() > 4)
        return false;
    std::array<char, 4> lower{};
    for (std::size_t i = 0; i < text.size(); ++i)
        lower[i] = text[i] >= 'A' && text[i] <= 'Z' ? char(text[i] - 'A' + 'a') : text[i];
    const std::string_view key(lower.data(), text.size());
    return key.empty() || key == "na" || key == "n/a" || key == "null" || key == "none" ||
           key == "#n/a" || key == "-" || key == "?";
}

} // namespace tideline
