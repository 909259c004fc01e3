#include "finite.h"

#include <QCoreApplication>

namespace tideline {

void copyRowsSanitized(const Eigen::Ref<const Eigen::MatrixXd> &rows, Eigen::Index begin,
                       Eigen::Index end, double *out)
{
    const Eigen::Index columns = rows.cols();
    const Eigen::Index count = end - begin;
    for (Eigen::Index c = 0; c < columns; ++c) {
        const double *source = rows.col(c).data() + begin; // Ref's inner stride is 1
        for (Eigen::Index r = 0; r < count; ++r)
            out[r * columns + c] = sanitized(source[r]);
    }
}

FitStatus checkTrainingMatrix(const Eigen::Ref<const Eigen::MatrixXd> &train,
                              const QString &detector, Eigen::Index minRows)
{
    if (train.cols() == 0)
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "%1: there are no feature columns")
                .arg(detector));
    if (train.rows() < std::max<Eigen::Index>(1, minRows))
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "%1: needs at least %2 training rows, got %3")
                .arg(detector)
                .arg(std::max<Eigen::Index>(1, minRows))
                .arg(train.rows()));
    for (Eigen::Index c = 0; c < train.cols(); ++c) {
        for (Eigen::Index r = 0; r < train.rows(); ++r) {
            if (!std::isfinite(train(r, c)))
                return FitStatus::failed(
                    QCoreApplication::translate(
                        "tideline", "%1: training row %2, column %3 is not a finite number "
                                    "(the feature pipeline replaces NaN and infinity)")
                        .arg(detector)
                        .arg(r + 1)
                        .arg(c + 1));
        }
    }
    return {};
}

} // namespace tideline
