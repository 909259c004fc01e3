#pragma once

#include "livecapture.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeWidget;

namespace tideline {

// Capture ▸ Start…: the interface (with its addresses and whether it is up), a capture filter
// checked as it is typed, the snap length, the bins and the warm-up, and whether to keep the
// packets in a ring of files. Remembers every choice. Start stays disabled while something is
// wrong, and the reason shows where it is wrong.
class CaptureDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CaptureDialog(QWidget *parent = nullptr);

    // The detector panel's detector, and why it cannot score live (empty: it can).
    void setDetector(const QString &name, const QString &problem);
    // What the fields ask for (the interface chosen, or none).
    CaptureRequest request() const;
    // Selects the interface `name`; false when it is not listed.
    bool selectInterface(const QString &name);

    void accept() override;

private:
    void listInterfaces();
    void checkFilter();
    void chooseFolder();
    // Start only when an interface is chosen, the filter compiles, the ring has a folder and
    // the detector can score live.
    void refreshStart();
    void remember() const;

    QTreeWidget *m_interfaces;
    QLineEdit *m_filter;
    QLabel *m_filterProblem;
    QSpinBox *m_snapLength;
    QComboBox *m_binWidth;
    QSpinBox *m_warmUp;
    QGroupBox *m_ring;
    QLineEdit *m_folder;
    QSpinBox *m_ringFiles;
    QSpinBox *m_ringMegabytes;
    QLabel *m_detector;
    QDialogButtonBox *m_buttons;
    bool m_detectorUsable = true;
};

} // namespace tideline
