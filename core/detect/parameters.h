#pragma once

#include "detect/detector.h"

#include <QStringList>

namespace tideline {

// Parameter values checked against a detector's specs: every spec present with its typed value
// (Int → qlonglong, Double → double, Bool → bool, Choice → QString), or the reasons why not.
struct ParameterCheck
{
    ParameterValues values;
    QStringList errors; // "isolation_forest: trees must be an integer in 1..10000, got 'x'"

    bool ok() const { return errors.isEmpty(); }
};

// Fills defaults for missing names and checks types and ranges. Values may be strings (from
// the command line) or typed (from the UI). Unknown names are errors.
ParameterCheck resolveParameters(const QString &detector, const std::vector<ParameterSpec> &specs,
                                 const ParameterValues &given);

// "k=5" assignments (as given to --param) → string values; errors for a missing '=', an empty
// name or a name given twice.
ParameterCheck parseAssignments(const QString &detector, const QStringList &assignments);

// For listings: "int", "double", "bool", "choice".
QString parameterTypeName(ParameterSpec::Type type);
// For listings: "1..10000", "0.5..100", "true|false", "mean|kth".
QString parameterRange(const ParameterSpec &spec);
// The default as text, as it would be given to --param.
QString parameterValueText(const ParameterSpec &spec, const QVariant &value);

} // namespace tideline
