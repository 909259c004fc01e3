#pragma once

#include "input/inputloader.h"
#include "threshold/detectionrun.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QTableView;

namespace tideline {

class ClassCountModel;
class JobRunner;

// Train on Another File… for a supervised detector: reads the file in the background (with
// progress; Cancel stops it) and shows the classes of its label column with their training
// rows and shares, counted as the model will count them, before anything trains. The label
// column and the classes (normal / attack, or one per label value) can be chosen here.
class TrainFileDialog : public QDialog
{
    Q_OBJECT

public:
    // `reader` runs the reading (the window's, so that no job outlives its runner); the file is
    // binned at `binWidth`, like the shown series; `options` are the detector panel's.
    TrainFileDialog(const QString &path, TimeNs binWidth, const DetectionOptions &options,
                    JobRunner *reader, QWidget *parent = nullptr);
    ~TrainFileDialog() override;

    QString path() const { return m_path; }
    // The file as read, once read and usable; null before.
    std::shared_ptr<const LoadedInput> training() const { return m_training; }
    // The panel's options with the classes chosen here.
    DetectionOptions options() const;
    ClassCountModel *classModel() const { return m_model; }

    // As the analyst would choose them.
    void setMultiClass(bool multi);
    void setLabelColumn(const QString &column);

signals:
    // The file was read and its classes counted (again after a change of column or classes).
    void classesShown();
    void readFailed(const QString &message);

private:
    void read();
    void showRead(std::shared_ptr<const LoadedInput> training);
    void showClasses();

    QString m_path;
    LoadOptions m_load;
    DetectionOptions m_options;
    // The window's; it may go first when the window closes with the dialog open.
    QPointer<JobRunner> m_reader;
    std::shared_ptr<const LoadedInput> m_training;
    ClassCountModel *m_model;
    QComboBox *m_labelColumn;
    QComboBox *m_classes;
    QTableView *m_table;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
};

} // namespace tideline
