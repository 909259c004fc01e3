#include "modelfileactions.h"

#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "jobrunner.h"
#include "threshold/modelfile.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace tideline {

namespace {

const auto kDirectoryKey = QStringLiteral("models/lastDirectory");

QString modelFilter()
{
    return ModelFileActions::tr("Tideline models (*.tlm)");
}

void rememberDirectory(const QString &path)
{
    QSettings().setValue(kDirectoryKey, QFileInfo(path).absolutePath());
}

} // namespace

ModelFileActions::ModelFileActions(DetectionController *detection, DetectorPanel *panel,
                                   QWidget *window)
    : QObject(window)
    , m_detection(detection)
    , m_panel(panel)
    , m_window(window)
    , m_saver(new JobRunner(this))
    , m_save(new QAction(tr("Save &Model…"), this))
    , m_open(new QAction(tr("Open Mo&del…"), this))
{
    m_save->setToolTip(tr("Keep the trained supervised model in a file (detect --save-model)"));
    m_open->setToolTip(tr("Score the shown file with a model kept in a file (detect --model)"));
    m_save->setEnabled(false);
    m_open->setEnabled(false);
    connect(m_save, &QAction::triggered, this, &ModelFileActions::showSaveDialog);
    connect(m_open, &QAction::triggered, this, &ModelFileActions::showOpenDialog);
}

void ModelFileActions::refresh(bool fileShown)
{
    const DetectionResult *result = m_detection->result();
    m_save->setEnabled(result && result->model.classifier() != nullptr);
    m_open->setEnabled(fileShown);
}

void ModelFileActions::save(const QString &path)
{
    const DetectionResult *result = m_detection->result();
    if (!result)
        return;
    const SavedModel saved{result->model, m_detection->modelRowWidth()};
    m_saver->start<QString>(
        [saved, path](const ProgressCallback &) {
            QString error;
            return ModelFile::write(path, saved, &error) ? QString() : error;
        },
        [this, path](const QString &error) {
            if (error.isEmpty())
                emit modelSaved(path);
            else
                emit saveFailed(error);
        });
}

void ModelFileActions::open(const QString &path)
{
    m_detection->applyModelFile(path, m_panel->thresholdSettings());
}

void ModelFileActions::showSaveDialog()
{
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save model"), QSettings().value(kDirectoryKey).toString(), modelFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".tlm");
    rememberDirectory(path);
    save(path);
}

void ModelFileActions::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open model"), QSettings().value(kDirectoryKey).toString(), modelFilter());
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    open(path);
}

} // namespace tideline
