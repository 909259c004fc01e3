#include "trainfiledialog.h"

#include "classcountmodel.h"
#include "jobrunner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tideline {

TrainFileDialog::TrainFileDialog(const QString &path, TimeNs binWidth,
                                 const DetectionOptions &options, JobRunner *reader,
                                 QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_options(options)
    , m_reader(reader)
    , m_model(new ClassCountModel(this))
    , m_labelColumn(new QComboBox(this))
    , m_classes(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Train on %1").arg(QFileInfo(path).fileName()));
    m_load.binWidth = binWidth;

    auto *file = new QLabel(QDir::toNativeSeparators(path), this);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setWordWrap(true);
    m_labelColumn->setObjectName(QStringLiteral("labelColumn"));
    m_labelColumn->setToolTip(tr("The column holding each row's class (--label-column)"));
    m_labelColumn->setEnabled(false);
    m_classes->setObjectName(QStringLiteral("classes"));
    m_classes->addItems({tr("Normal / attack"), tr("Every label value")});
    m_classes->setToolTip(tr("Normal / attack: an empty label, -, normal, benign, false, none or 0 "
                             "is normal, any other an attack (--classes binary). Every label "
                             "value: one class each (--classes multi)."));
    m_classes->setCurrentIndex(options.multiClass ? 1 : 0);
    m_table->setObjectName(QStringLiteral("classCounts"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ClassCountModel::Class, QHeaderView::Stretch);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->setObjectName(QStringLiteral("classSummary"));
    m_summary->setWordWrap(true);
    m_progress->setRange(0, 1000);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Train"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), file);
    form->addRow(tr("Label column:"), m_labelColumn);
    form->addRow(tr("Classes:"), m_classes);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    resize(460, 380);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_classes, &QComboBox::currentIndexChanged, this, &TrainFileDialog::showClasses);
    connect(m_labelColumn, &QComboBox::activated, this, [this] {
        m_load.table.labelColumn = m_labelColumn->currentData().toString();
        read();
    });
    connect(m_reader, &JobRunner::progressChanged, this, [this](double fraction) {
        if (fraction >= 0)
            m_progress->setValue(int(fraction * 1000));
    });
    read();
}

TrainFileDialog::~TrainFileDialog()
{
    if (m_reader)
        m_reader->cancel(); // closed while reading: the reading is no longer wanted
}

DetectionOptions TrainFileDialog::options() const
{
    DetectionOptions options = m_options;
    options.multiClass = m_classes->currentIndex() == 1;
    return options;
}

void TrainFileDialog::setMultiClass(bool multi)
{
    m_classes->setCurrentIndex(multi ? 1 : 0);
}

void TrainFileDialog::setLabelColumn(const QString &column)
{
    const int index = m_labelColumn->findData(column);
    if (index < 0)
        return;
    m_labelColumn->setCurrentIndex(index);
    emit m_labelColumn->activated(index);
}

void TrainFileDialog::read()
{
    m_training.reset();
    m_model->setClasses({});
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_labelColumn->setEnabled(false);
    m_summary->setText(tr("Reading %1…").arg(QFileInfo(m_path).fileName()));
    m_progress->setValue(0);
    m_progress->show();
    const QString path = m_path;
    const LoadOptions load = m_load;
    m_reader->start<std::shared_ptr<const LoadedInput>>(
        [path, load](const ProgressCallback &progress) {
            return std::make_shared<const LoadedInput>(loadInput(path, load, progress));
        },
        [dialog = QPointer<TrainFileDialog>(this)](std::shared_ptr<const LoadedInput> training) {
            // A reading that finished as the dialog closed is not for anyone.
            if (dialog)
                dialog->showRead(std::move(training));
        });
}

void TrainFileDialog::showRead(std::shared_ptr<const LoadedInput> training)
{
    m_progress->hide();
    if (!training->ok()) {
        const QString why = training->error ? training->error->toString() : QString();
        m_summary->setText(why);
        emit readFailed(why);
        return;
    }
    m_training = std::move(training);
    m_labelColumn->clear();
    if (m_training->table) {
        const TableSummary &table = *m_training->table;
        if (table.labelColumn.isEmpty())
            m_labelColumn->addItem(tr("(none found)"), QString());
        for (const QString &column : table.columnNames)
            m_labelColumn->addItem(column, column);
        m_labelColumn->setCurrentIndex(std::max(0, m_labelColumn->findData(table.labelColumn)));
        m_labelColumn->setEnabled(true);
    }
    showClasses();
}

void TrainFileDialog::showClasses()
{
    if (!m_training)
        return;
    const TrainingClasses classes = trainingClasses(m_training->series, options());
    m_model->setClasses(classes);
    m_table->resizeColumnToContents(ClassCountModel::Rows);
    m_table->resizeColumnToContents(ClassCountModel::Share);
    if (classes.counts.empty()) {
        m_summary->setText(tr("%1 has no label column to learn from: choose one.")
                               .arg(QFileInfo(m_path).fileName()));
    } else {
        m_summary->setText(
            tr("%1 training rows (%2 of the file)")
                .arg(QLocale().toString(classes.rows), m_options.training.describe()));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(classes.rows > 0);
    emit classesShown();
}

} // namespace tideline
