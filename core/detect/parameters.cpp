#include "parameters.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <optional>
#include <variant>

namespace tideline {

namespace {

QString number(double x)
{
    return QString::number(x, 'g', 12);
}

QString quoted(const QVariant &value)
{
    return QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
}

std::optional<qlonglong> toInteger(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString) {
        bool ok = false;
        const qlonglong n = value.toString().trimmed().toLongLong(&ok);
        return ok ? std::optional(n) : std::nullopt;
    }
    bool ok = false;
    const double x = value.toDouble(&ok);
    if (!ok || !std::isfinite(x) || x != std::floor(x) || std::fabs(x) > 9.0e15)
        return std::nullopt;
    return qlonglong(x);
}

std::optional<double> toNumber(const QVariant &value)
{
    bool ok = false;
    const double x = value.typeId() == QMetaType::QString ? value.toString().trimmed().toDouble(&ok)
                                                          : value.toDouble(&ok);
    return ok && std::isfinite(x) ? std::optional(x) : std::nullopt;
}

std::optional<bool> toBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == u"true" || text == u"1" || text == u"yes" || text == u"on")
        return true;
    if (text == u"false" || text == u"0" || text == u"no" || text == u"off")
        return false;
    return std::nullopt;
}

// The checked value, or an error message.
std::variant<QVariant, QString> check(const QString &detector, const ParameterSpec &spec,
                                      const QVariant &value)
{
    const auto complain = [&](const QString &expectation) {
        return QCoreApplication::translate("tideline", "%1: %2 must be %3, got %4")
            .arg(detector, spec.name, expectation, quoted(value));
    };
    switch (spec.type) {
    case ParameterSpec::Type::Int: {
        const std::optional<qlonglong> n = toInteger(value);
        if (!n || double(*n) < spec.minimum || double(*n) > spec.maximum)
            return complain(QCoreApplication::translate("tideline", "an integer in %1")
                                .arg(parameterRange(spec)));
        return QVariant(*n);
    }
    case ParameterSpec::Type::Double: {
        const std::optional<double> x = toNumber(value);
        if (!x || *x < spec.minimum || *x > spec.maximum)
            return complain(QCoreApplication::translate("tideline", "a number in %1")
                                .arg(parameterRange(spec)));
        return QVariant(*x);
    }
    case ParameterSpec::Type::Bool: {
        const std::optional<bool> b = toBool(value);
        if (!b)
            return complain(QCoreApplication::translate("tideline", "true or false"));
        return QVariant(*b);
    }
    case ParameterSpec::Type::Choice: {
        const QString text = value.toString().trimmed();
        if (!spec.choices.contains(text))
            return complain(QCoreApplication::translate("tideline", "one of %1")
                                .arg(spec.choices.join(QStringLiteral(", "))));
        return QVariant(text);
    }
    }
    return complain(QString());
}

QStringList specNames(const std::vector<ParameterSpec> &specs)
{
    QStringList names;
    for (const ParameterSpec &spec : specs)
        names << spec.name;
    return names;
}

} // namespace

ParameterCheck resolveParameters(const QString &detector, const std::vector<ParameterSpec> &specs,
                                 const ParameterValues &given)
{
    ParameterCheck result;
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        const bool known = std::any_of(specs.begin(), specs.end(),
                                       [&](const ParameterSpec &s) { return s.name == it.key(); });
        if (known)
            continue;
        result.errors << (specs.empty()
                              ? QCoreApplication::translate(
                                    "tideline", "%1: unknown parameter '%2' (it has no parameters)")
                                    .arg(detector, it.key())
                              : QCoreApplication::translate(
                                    "tideline", "%1: unknown parameter '%2' (parameters: %3)")
                                    .arg(detector, it.key(),
                                         specNames(specs).join(QStringLiteral(", "))));
    }
    for (const ParameterSpec &spec : specs) {
        const auto found = given.constFind(spec.name);
        const QVariant raw = found == given.cend() ? spec.defaultValue : found.value();
        std::variant<QVariant, QString> checked = check(detector, spec, raw);
        if (const QString *error = std::get_if<QString>(&checked))
            result.errors << *error;
        else
            result.values.insert(spec.name, std::get<QVariant>(checked));
    }
    return result;
}

ParameterCheck parseAssignments(const QString &detector, const QStringList &assignments)
{
    ParameterCheck result;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        const QString name = assignment.left(equals).trimmed();
        if (equals < 0 || name.isEmpty()) {
            result.errors << QCoreApplication::translate(
                                 "tideline", "%1: parameter '%2' is not of the form name=value")
                                 .arg(detector, assignment);
            continue;
        }
        if (result.values.contains(name)) {
            result.errors << QCoreApplication::translate("tideline",
                                                         "%1: parameter '%2' is given twice")
                                 .arg(detector, name);
            continue;
        }
        result.values.insert(name, assignment.mid(equals + 1).trimmed());
    }
    return result;
}

QString parameterTypeName(ParameterSpec::Type type)
{
    switch (type) {
    case ParameterSpec::Type::Int:
        return QStringLiteral("int");
    case ParameterSpec::Type::Double:
        return QStringLiteral("double");
    case ParameterSpec::Type::Bool:
        return QStringLiteral("bool");
    case ParameterSpec::Type::Choice:
        return QStringLiteral("choice");
    }
    return {};
}

QString parameterRange(const ParameterSpec &spec)
{
    switch (spec.type) {
    case ParameterSpec::Type::Int:
    case ParameterSpec::Type::Double:
        return number(spec.minimum) + QStringLiteral("..") + number(spec.maximum);
    case ParameterSpec::Type::Bool:
        return QStringLiteral("true|false");
    case ParameterSpec::Type::Choice:
        return spec.choices.join(QLatin1Char('|'));
    }
    return {};
}

QString parameterValueText(const ParameterSpec &spec, const QVariant &value)
{
    switch (spec.type) {
    case ParameterSpec::Type::Double:
        return number(value.toDouble());
    case ParameterSpec::Type::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case ParameterSpec::Type::Int:
    case ParameterSpec::Type::Choice:
        return value.toString();
    }
    return {};
}

} // namespace tideline
