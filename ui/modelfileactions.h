#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace tideline {

class DetectionController;
class DetectorPanel;
class JobRunner;

// File ▸ Save Model… and Open Model…: the shown supervised model kept in a .tlm file, and a
// kept one scoring the shown file, as `detect --save-model` and `--model` do (ModelFile). A save
// runs in the background through a temporary file, so a failed one leaves the earlier file
// whole. The last folder used is remembered.
class ModelFileActions : public QObject
{
    Q_OBJECT

public:
    ModelFileActions(DetectionController *detection, DetectorPanel *panel, QWidget *window);

    QAction *saveAction() const { return m_save; }
    QAction *openAction() const { return m_open; }

    // Writes the shown result's model to `path`; modelSaved or saveFailed tell the outcome.
    void save(const QString &path);
    // Scores the shown file with the model at `path` (DetectionController::applyModelFile).
    void open(const QString &path);
    // Open needs a file shown; Save, a trained supervised model.
    void refresh(bool fileShown);

signals:
    void modelSaved(const QString &path);
    void saveFailed(const QString &message);

private:
    void showSaveDialog();
    void showOpenDialog();

    DetectionController *m_detection;
    DetectorPanel *m_panel;
    QWidget *m_window;
    JobRunner *m_saver;
    QAction *m_save;
    QAction *m_open;
};

} // namespace tideline
