#pragma once

#include "common/series.h"

#include <QTabWidget>

class QTableView;

namespace tideline {

class ConfusionModel;
class ImportanceModel;
struct DetectionResult;

// What a supervised run learnt and how it did: its confusion matrix against the shown file's
// labels, when the file has them, and a random forest's feature importances.
class ClassifierPanel : public QTabWidget
{
    Q_OBJECT

public:
    explicit ClassifierPanel(QWidget *parent = nullptr);

    // Shows the run's matrix and importances; false (and empty tabs) when it is not a
    // supervised run.
    bool showResult(const DetectionResult *result, const Series &series);

    ConfusionModel *confusion() const { return m_confusion; }
    ImportanceModel *importances() const { return m_importances; }

private:
    ConfusionModel *m_confusion = nullptr;
    ImportanceModel *m_importances = nullptr;
    QTableView *m_confusionView = nullptr;
    QTableView *m_importanceView = nullptr;
};

} // namespace tideline
