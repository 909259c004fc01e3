#include "classifierpanel.h"

#include "confusionmodel.h"
#include "detect/randomforest.h"
#include "importancemodel.h"
#include "threshold/detectionrun.h"

#include <QHeaderView>
#include <QTableView>

namespace tideline {

ClassifierPanel::ClassifierPanel(QWidget *parent)
    : QTabWidget(parent)
    , m_confusion(new ConfusionModel(this))
    , m_importances(new ImportanceModel(this))
    , m_confusionView(new QTableView(this))
    , m_importanceView(new QTableView(this))
{
    m_confusionView->setObjectName(QStringLiteral("confusionMatrix"));
    m_confusionView->setModel(m_confusion);
    m_importanceView->setObjectName(QStringLiteral("featureImportances"));
    m_importanceView->setModel(m_importances);
    m_importanceView->verticalHeader()->hide();
    m_importanceView->horizontalHeader()->setStretchLastSection(true);
    for (QTableView *view : {m_confusionView, m_importanceView}) {
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    }
    addTab(m_confusionView, tr("Confusion Matrix"));
    addTab(m_importanceView, tr("Feature Importances"));
    setTabToolTip(0, tr("The shown file's labels against the classes the model predicted"));
    setTabToolTip(1, tr("How much each feature's splits purified the forest's trees (mean "
                        "decrease in Gini impurity)"));
}

bool ClassifierPanel::showResult(const DetectionResult *result, const Series &series)
{
    const Classifier *classifier = result ? result->model.classifier() : nullptr;
    const ClassPrediction *prediction = classifier ? &result->prediction : nullptr;
    const bool labelled = prediction && !prediction->empty() &&
                          series.labels.size() == qsizetype(prediction->predicted.size());
    const bool hadMatrix = isTabEnabled(indexOf(m_confusionView));
    ConfusionMatrix matrix;
    if (labelled) {
        QStringList predicted;
        predicted.reserve(qsizetype(prediction->predicted.size()));
        for (int c : prediction->predicted)
            predicted << prediction->classes.names[c];
        matrix = ConfusionMatrix::of(
            ConfusionMatrix::trueClasses(series.labels, prediction->classes.binary),
            ConfusionMatrix::comparable(predicted));
    }
    m_confusion->setMatrix(std::move(matrix));
    m_confusionView->resizeColumnsToContents();
    setTabEnabled(indexOf(m_confusionView), labelled);

    const auto *forest = dynamic_cast<const RandomForest *>(classifier);
    if (forest) {
        const Eigen::VectorXd &importances = forest->featureImportances();
        m_importances->setImportances(
            result->model.featureNames(),
            std::vector<double>(importances.data(), importances.data() + importances.size()));
    } else {
        m_importances->setImportances({}, {});
    }
    m_importanceView->resizeColumnsToContents();
    setTabEnabled(indexOf(m_importanceView), forest != nullptr);
    // The matrix comes to the front when it appears; else the analyst's tab stays while it
    // has something to show.
    if (labelled && !hadMatrix)
        setCurrentIndex(indexOf(m_confusionView));
    else if (classifier && !isTabEnabled(currentIndex()))
        setCurrentIndex(labelled ? indexOf(m_confusionView) : indexOf(m_importanceView));
    return classifier != nullptr;
}

} // namespace tideline
