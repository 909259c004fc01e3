#include "classifier.h"

#include "common/labels.h"
#include "detect/modelstream.h"

#include <QCoreApplication>
#include <algorithm>

namespace tideline {

int ClassSet::classOf(const QString &label) const
{
    if (binary)
        return isAttackLabel(label) ? 1 : 0;
    const auto at = std::lower_bound(names.begin(), names.end(), label);
    return at != names.end() && *at == label ? int(at - names.begin()) : -1;
}

ClassSet ClassSet::twoClasses()
{
    ClassSet classes;
    classes.names = {QStringLiteral("normal"), QStringLiteral("attack")};
    classes.attack = {false, true};
    classes.binary = true;
    return classes;
}

ClassSet ClassSet::ofLabels(const QStringList &labels, const std::vector<bool> &rows)
{
    ClassSet classes;
    for (qsizetype r = 0; r < labels.size(); ++r) {
        if (rows.empty() || (std::size_t(r) < rows.size() && rows[std::size_t(r)]))
            classes.names << labels[r];
    }
    std::sort(classes.names.begin(), classes.names.end());
    classes.names.erase(std::unique(classes.names.begin(), classes.names.end()),
                        classes.names.end());
    for (const QString &name : classes.names)
        classes.attack.push_back(isAttackLabel(name));
    return classes;
}

FitStatus Classifier::fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                          const ProgressCallback &progress)
{
    Q_UNUSED(train);
    Q_UNUSED(progress);
    return FitStatus::failed(QCoreApplication::translate(
        "tideline", "a supervised detector learns from labelled rows: the training file needs a "
                    "label column (--label-column)"));
}

Eigen::VectorXd Classifier::score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const
{
    return scoreWithProgress(rows, {});
}

Eigen::VectorXd Classifier::scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                              const ProgressCallback &progress) const
{
    const Eigen::MatrixXd p = probabilities(rows, progress);
    if (p.rows() != rows.rows())
        return {};
    return attackProbability(p);
}

Eigen::VectorXd Classifier::attackProbability(const Eigen::MatrixXd &probabilities) const
{
    Eigen::VectorXd attack = Eigen::VectorXd::Zero(probabilities.rows());
    for (int c = 0; c < m_classes.size() && c < probabilities.cols(); ++c) {
        if (m_classes.attack[std::size_t(c)])
            attack += probabilities.col(c);
    }
    return attack.cwiseMax(0.0).cwiseMin(1.0);
}

FitStatus Classifier::checkLabelled(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                    std::span<const int> targets, const ClassSet &classes,
                                    const QString &detector)
{
    if (train.rows() == 0)
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "%1: no training rows").arg(detector));
    if (std::size_t(train.rows()) != targets.size() || classes.size() == 0 ||
        classes.attack.size() != std::size_t(classes.size()))
        return FitStatus::failed(
            QCoreApplication::translate("tideline", "%1: the classes do not match the rows")
                .arg(detector));
    for (int target : targets) {
        if (target < 0 || target >= classes.size())
            return FitStatus::failed(
                QCoreApplication::translate("tideline", "%1: a row's class is out of range")
                    .arg(detector));
    }
    return {};
}

void Classifier::writeClasses(ModelWriter &writer) const
{
    writer.texts(m_classes.names);
    for (bool attack : m_classes.attack)
        writer.u8(attack ? 1 : 0);
    writer.u8(m_classes.binary ? 1 : 0);
}

void Classifier::readClasses(ModelReader &reader)
{
    m_classes = ClassSet();
    m_classes.names = reader.texts();
    for (qsizetype c = 0; c < m_classes.names.size(); ++c)
        m_classes.attack.push_back(reader.u8() != 0);
    m_classes.binary = reader.u8() != 0;
    // classOf() finds a name by binary search; binary classes are normal, attack.
    const bool valid = m_classes.binary
                           ? m_classes.names.size() == 2
                           : !m_classes.names.isEmpty() &&
                                 std::is_sorted(m_classes.names.begin(), m_classes.names.end());
    if (!valid)
        reader.fail(QCoreApplication::translate("tideline", "the classes are damaged"));
}

} // namespace tideline
