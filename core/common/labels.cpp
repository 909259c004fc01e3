#include "labels.h"

#include <QByteArray>
#include <QString>
#include <array>
#include <charconv>

namespace tideline {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool equalsIgnoringCase(std::string_view text, std::string_view lowerCase)
{
    if (text.size() != lowerCase.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? char(text[i] - 'A' + 'a') : text[i];
        if (c != lowerCase[i])
            return false;
    }
    return true;
}

} // namespace

bool isAttackLabel(std::string_view label)
{
    while (!label.empty() && isSpace(label.front()))
        label.remove_prefix(1);
    while (!label.empty() && isSpace(label.back()))
        label.remove_suffix(1);
    if (label.empty() || label == "-")
        return false;
    static constexpr std::array<std::string_view, 4> benign{"normal", "benign", "false", "none"};
    for (std::string_view word : benign) {
        if (equalsIgnoringCase(label, word))
            return false;
    }
    double value = 1.0;
    const auto [end, error] = std::from_chars(label.data(), label.data() + label.size(), value);
    const bool wholeNumber = error == std::errc() && end == label.data() + label.size();
    return !(wholeNumber && value == 0.0);
}

bool isAttackLabel(QStringView label)
{
    const QByteArray utf8 = label.toUtf8();
    return isAttackLabel(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

} // namespace tideline
