#pragma once

// Checks every detector test runs: planted outliers found, degenerate inputs survived,
// determinism and cancellation; and that a tail score rises where its formula switches.

#include "detect/detector.h"
#include "planted.h"
#include "threshold/threshold.h"

#include <QTest>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>

Q_DECLARE_METATYPE(Eigen::MatrixXd)

namespace tideline::testing {

using MakeDetector = std::function<std::unique_ptr<Detector>(quint64 seed)>;

inline bool allFinite(const Eigen::VectorXd &scores)
{
    return scores.allFinite();
}

// Fits on all rows (planted outliers included, as a user would) and checks that the planted
// rows are the top 10 and flagged at the 99th percentile, and that at least 98% of the normal
// rows are not.
inline void checkPlanted(const MakeDetector &make)
{
    const Planted planted = plantedMatrix();
    std::unique_ptr<Detector> detector = make(11);
    const FitStatus status = detector->fit(planted.rows, {});
    QVERIFY2(status.ok(), qPrintable(status.message));
    const Eigen::VectorXd scores = detector->score(planted.rows);
    QCOMPARE(scores.size(), planted.rows.rows());
    QVERIFY(allFinite(scores));

    QCOMPARE(topRows(scores, Eigen::Index(planted.outliers.size())), planted.outliers);

    const double threshold = percentileThreshold(scores, {}, 99.0);
    const std::vector<bool> flags = flagRows(scores, threshold);
    qint64 normalFlagged = 0;
    std::size_t next = 0;
    for (Eigen::Index r = 0; r < scores.size(); ++r) {
        const bool outlier = next < planted.outliers.size() && planted.outliers[next] == r;
        if (outlier) {
            QVERIFY2(flags[std::size_t(r)], qPrintable(QStringLiteral("row %1").arg(r)));
            ++next;
        } else if (flags[std::size_t(r)]) {
            ++normalFlagged;
        }
    }
    const qint64 normal = scores.size() - qint64(planted.outliers.size());
    QVERIFY2(double(normalFlagged) <= 0.02 * double(normal),
             qPrintable(QStringLiteral("%1 normal rows flagged").arg(normalFlagged)));
}

// The rows of the degenerate-input table shared by the detector tests.
inline void degenerateData()
{
    QTest::addColumn<Eigen::MatrixXd>("rows");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    Eigen::MatrixXd one(1, 3);
    one << 1.0, 2.0, 3.0;
    QTest::newRow("one row") << one;
    QTest::newRow("two rows") << Eigen::MatrixXd(Eigen::MatrixXd::Ones(2, 3));
    QTest::newRow("constant") << Eigen::MatrixXd(Eigen::MatrixXd::Constant(50, 3, 7.0));
    QTest::newRow("all zero") << Eigen::MatrixXd(Eigen::MatrixXd::Zero(50, 3));
    Eigen::MatrixXd oneConstant = plantedMatrix(200, 2, 3).rows;
    oneConstant.col(1).setConstant(5.0);
    QTest::newRow("one constant column") << oneConstant;
    Eigen::MatrixXd nans = plantedMatrix(200, 2, 3).rows;
    nans(3, 0) = nan;
    nans(7, 2) = inf;
    nans(9, 1) = -inf;
    QTest::newRow("NaN and inf") << nans;
    QTest::newRow("1e12 values") << Eigen::MatrixXd(plantedMatrix(200, 2, 3).rows * 1e12);
    Eigen::MatrixXd huge = plantedMatrix(200, 2, 3).rows;
    huge(5, 0) = 1e300;
    huge(6, 1) = -1e300;
    QTest::newRow("1e300 values") << huge;
    QTest::newRow("no rows") << Eigen::MatrixXd(0, 3);
    QTest::newRow("no columns") << Eigen::MatrixXd(10, 0);
}

// Either a clear failure or one finite score per row, for the data and for rows that are
// worse than the data (NaN, inf, huge).
inline void checkDegenerate(const MakeDetector &make, const Eigen::MatrixXd &rows)
{
    std::unique_ptr<Detector> detector = make(3);
    const FitStatus status = detector->fit(rows, {});
    if (!status.ok()) {
        QCOMPARE(status.code, FitStatus::Code::Failed);
        QVERIFY(!status.message.isEmpty());
        return;
    }
    const Eigen::VectorXd scores = detector->score(rows);
    QCOMPARE(scores.size(), rows.rows());
    QVERIFY(allFinite(scores));

    Eigen::MatrixXd worse(4, rows.cols());
    worse.setZero();
    if (rows.cols() > 0) {
        worse(0, 0) = std::numeric_limits<double>::quiet_NaN();
        worse(1, 0) = std::numeric_limits<double>::infinity();
        worse(2, 0) = -1e308;
        worse(3, 0) = 1e308;
    }
    const Eigen::VectorXd worseScores = detector->score(worse);
    QCOMPARE(worseScores.size(), worse.rows());
    QVERIFY(allFinite(worseScores));
}

// Same seed, same scores, bit for bit (two independent fits).
inline void checkDeterministic(const MakeDetector &make)
{
    const Planted planted = plantedMatrix(1000, 5, 4, 21);
    std::unique_ptr<Detector> first = make(42);
    std::unique_ptr<Detector> second = make(42);
    QVERIFY(first->fit(planted.rows, {}).ok());
    QVERIFY(second->fit(planted.rows, {}).ok());
    const Eigen::VectorXd a = first->score(planted.rows);
    const Eigen::VectorXd b = second->score(planted.rows);
    QVERIFY(a.size() == b.size());
    QVERIFY(std::memcmp(a.data(), b.data(), std::size_t(a.size()) * sizeof(double)) == 0);
}

// A progress callback that says stop makes fit() return Cancelled, and scoreWithProgress()
// an empty vector.
inline void checkCancellation(const MakeDetector &make)
{
    const Planted planted = plantedMatrix(3000, 5);
    const ProgressCallback stop = [](const Progress &) { return false; };
    std::unique_ptr<Detector> detector = make(5);
    QCOMPARE(detector->fit(planted.rows, stop).code, FitStatus::Code::Cancelled);

    std::unique_ptr<Detector> fitted = make(5);
    QVERIFY(fitted->fit(planted.rows, {}).ok());
    QCOMPARE(fitted->scoreWithProgress(planted.rows, stop).size(), Eigen::Index(0));
    int calls = 0;
    const ProgressCallback count = [&calls](const Progress &) {
        ++calls;
        return true;
    };
    QCOMPARE(fitted->scoreWithProgress(planted.rows, count).size(), planted.rows.rows());
    QVERIFY(calls > 0);
}

// A tail score rises strictly from `from` to `to` (across where its formula switches to an
// asymptotic series) and stays finite at `far`.
inline void checkRisingAcross(double (*score)(double), double from, double to, double step,
                              double far)
{
    double previous = 0.0;
    for (double x = from; x < to; x += step) {
        const double s = score(x);
        QVERIFY2(s > previous, qPrintable(QString::number(x)));
        previous = s;
    }
    QVERIFY(std::isfinite(score(far)));
}

} // namespace tideline::testing
