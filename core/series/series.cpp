#include "series.h"

namespace tideline {

int Series::featureIndex(const QString &name) const
{
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (features[i].name == name)
            return int(i);
    }
    return -1;
}

} // namespace tideline
