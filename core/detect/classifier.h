#pragma once

#include "detect/detector.h"

#include <QStringList>
#include <span>
#include <vector>

namespace tideline {

class ModelReader;
class ModelWriter;

// What a supervised detector learns to tell apart: the class names, and which of them are
// attacks (by the one rule of isAttackLabel()).
struct ClassSet
{
    QStringList names;
    std::vector<bool> attack; // one per name
    bool binary = false;      // normal / attack: labels are classed by the rule, not by name

    int size() const { return int(names.size()); }
    // The class of a label, -1 when it is none of them.
    int classOf(const QString &label) const;

    // "normal" and "attack".
    static ClassSet twoClasses();
    // Every distinct label of the rows `rows` flags (empty: all), in name order.
    static ClassSet ofLabels(const QStringList &labels, const std::vector<bool> &rows);
};

// A supervised detector: trained on rows with a known class, it gives each row the
// probability of every class. Its score is the probability that the row is an attack (the sum
// over the attack classes), in [0, 1], so a row is predicted an attack above 0.5. fit() without
// classes cannot train it and fails with a reason.
class Classifier : public Detector
{
public:
    FitStatus fit(const Eigen::Ref<const Eigen::MatrixXd> &train,
                  const ProgressCallback &progress) override;

    // `targets` holds each training row's index into `classes`.
    virtual FitStatus fitLabelled(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                  std::span<const int> targets, const ClassSet &classes,
                                  const ProgressCallback &progress) = 0;

    // rows × classes().size(), each row summing to 1; empty when the callback stopped it.
    virtual Eigen::MatrixXd probabilities(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                          const ProgressCallback &progress) const = 0;

    Eigen::VectorXd score(const Eigen::Ref<const Eigen::MatrixXd> &rows) const override;
    Eigen::VectorXd scoreWithProgress(const Eigen::Ref<const Eigen::MatrixXd> &rows,
                                      const ProgressCallback &progress) const override;

    // The fitted state for a model file (threshold/modelfile.h), and back into a classifier
    // built from the same parameters; read() fails `reader` on what no fit gives.
    virtual void write(ModelWriter &writer) const = 0;
    virtual void read(ModelReader &reader) = 0;

    const ClassSet &classes() const { return m_classes; }
    // The columns it was trained on (0 before fitting).
    int dimensions() const { return m_dimensions; }
    // Each row's probability of being an attack, from probabilities().
    Eigen::VectorXd attackProbability(const Eigen::MatrixXd &probabilities) const;

protected:
    // What fitLabelled() checks first: matching sizes, targets in range, at least one row.
    static FitStatus checkLabelled(const Eigen::Ref<const Eigen::MatrixXd> &train,
                                   std::span<const int> targets, const ClassSet &classes,
                                   const QString &detector);
    void writeClasses(ModelWriter &writer) const;
    void readClasses(ModelReader &reader);

    ClassSet m_classes;
    int m_dimensions = 0;
};

} // namespace tideline
