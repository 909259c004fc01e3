#include "phrase.h"

#include <QCoreApplication>

namespace tideline {

Phrase::Phrase(const char *sentence, std::vector<Argument> arguments)
    : m_sentence(sentence)
    , m_arguments(std::move(arguments))
{}

QString Phrase::english() const
{
    return isEmpty() ? QString()
                     : render(QString::fromUtf8(m_sentence),
                              QLocale(QLocale::English, QLocale::UnitedStates));
}

QString Phrase::local() const
{
    return isEmpty()
               ? QString()
               : render(QCoreApplication::translate("tideline::Phrase", m_sentence), QLocale());
}

QString Phrase::render(const QString &sentence, const QLocale &locale) const
{
    QString text = sentence;
    for (const Argument &argument : m_arguments) {
        if (const auto *string = std::get_if<QString>(&argument))
            text = text.arg(*string);
        else if (const auto *count = std::get_if<qint64>(&argument))
            text = text.arg(locale.toString(*count));
        else {
            const Decimal &decimal = std::get<Decimal>(argument);
            text = text.arg(locale.toString(decimal.value, 'f', decimal.decimals));
        }
    }
    return text;
}

} // namespace tideline
