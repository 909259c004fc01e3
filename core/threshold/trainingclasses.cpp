#include "trainingclasses.h"

#include "threshold/detectionrun.h"

#include <QLocale>

namespace tideline {

QString TrainingClasses::describe() const
{
    QStringList parts;
    for (qsizetype c = 0; c < classes.names.size() && std::size_t(c) < counts.size(); ++c)
        parts << QStringLiteral("%1 %2").arg(classes.names[c],
                                             QLocale().toString(counts[std::size_t(c)]));
    return parts.join(QStringLiteral(" · "));
}

TrainingClasses trainingClasses(const QStringList &labels, const std::vector<bool> &mask,
                                bool multiClass)
{
    TrainingClasses result;
    result.classes = multiClass ? ClassSet::ofLabels(labels, mask) : ClassSet::twoClasses();
    result.counts.assign(std::size_t(result.classes.size()), 0);
    for (qsizetype r = 0; r < labels.size() && std::size_t(r) < mask.size(); ++r) {
        if (!mask[std::size_t(r)])
            continue;
        const int target = result.classes.classOf(labels[r]);
        result.targets.push_back(target);
        if (target >= 0)
            ++result.counts[std::size_t(target)];
        ++result.rows;
    }
    return result;
}

TrainingClasses trainingClasses(const Series &series, const DetectionOptions &options)
{
    if (series.labels.size() != series.rowCount())
        return {};
    return trainingClasses(series.labels, trainingRows(series, options.training),
                           options.multiClass);
}

} // namespace tideline
