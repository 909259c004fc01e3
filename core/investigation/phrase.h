#pragma once

#include <QLocale>
#include <QString>
#include <variant>
#include <vector>

namespace tideline {

// A sentence with numbers in it, written twice: in plain English with English digit grouping
// for files (whose bytes must not depend on the locale), and in the user's language and locale
// for the screen. The template is marked with QT_TRANSLATE_NOOP("tideline::Phrase", …).
class Phrase
{
public:
    struct Decimal
    {
        double value = 0.0;
        int decimals = 1;
    };
    using Argument = std::variant<QString, qint64, Decimal>;

    Phrase() = default;
    Phrase(const char *sentence, std::vector<Argument> arguments = {});

    bool isEmpty() const { return m_sentence == nullptr; }
    QString english() const;
    QString local() const;

private:
    QString render(const QString &sentence, const QLocale &locale) const;

    const char *m_sentence = nullptr;
    std::vector<Argument> m_arguments;
};

} // namespace tideline
