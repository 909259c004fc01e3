#include "rowbyrow.h"

namespace tideline {

namespace {

class FittedModelStream : public RowStream
{
public:
    explicit FittedModelStream(const Detector &detector)
        : m_detector(detector)
    {}

    double next(std::span<const double> row, TimeNs time) override
    {
        m_row = Eigen::Map<const Eigen::RowVectorXd>(row.data(), Eigen::Index(row.size()));
        const std::span<const TimeNs> times(&time, 1);
        return m_detector.scoreTimed(m_row, times, {})[0];
    }

private:
    const Detector &m_detector;
    Eigen::MatrixXd m_row;
};

} // namespace

std::unique_ptr<RowStream> rowByRow(const Detector &detector)
{
    if (std::unique_ptr<RowStream> own = detector.stream())
        return own;
    return std::make_unique<FittedModelStream>(detector);
}

} // namespace tideline
