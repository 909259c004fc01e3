#pragma once

#include <QStringView>
#include <string_view>

namespace tideline {

// The one rule for "does this label say attack?", shared by the table binner (benign rows) and
// evaluation (positive rows). Not an attack: an empty label, "-", "normal", "benign", "false",
// "none" (any case, surrounding spaces ignored) and any number equal to zero ("0", "0.00").
// Anything else — an attack's name, "1", "true" — is an attack.
bool isAttackLabel(std::string_view label);
bool isAttackLabel(QStringView label);

} // namespace tideline
