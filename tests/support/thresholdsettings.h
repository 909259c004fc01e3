#pragma once

#include "threshold/thresholdrule.h"

namespace tideline::test {

// A percentile threshold with the default hold, as the tests of planted scores set it.
inline ThresholdSettings percentileSettings(double percentile, int gap = 1)
{
    ThresholdSettings settings;
    settings.rule = ThresholdRule::percentile(percentile);
    settings.gap = gap;
    return settings;
}

} // namespace tideline::test
