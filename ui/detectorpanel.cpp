#include "detectorpanel.h"

#include "detect/detectorregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <cmath>

namespace tideline {

namespace {

constexpr int kSliderSteps = 10; // tenths of a percent

QString parameterKey(const QString &detector, const QString &parameter)
{
    return QStringLiteral("detectors/%1/%2").arg(detector, parameter);
}

QWidget *createEditor(const ParameterSpec &spec, const QVariant &value, QWidget *parent)
{
    switch (spec.type) {
    case ParameterSpec::Type::Int: {
        auto *box = new QSpinBox(parent);
        box->setRange(int(spec.minimum), int(std::min(spec.maximum, 2e9)));
        box->setValue(value.toInt());
        return box;
    }
    case ParameterSpec::Type::Double: {
        auto *box = new QDoubleSpinBox(parent);
        const double span = spec.maximum - spec.minimum;
        box->setDecimals(span <= 1.0 ? 6 : 3);
        box->setRange(spec.minimum, spec.maximum);
        box->setSingleStep(span <= 1.0 ? 0.01 : 1.0);
        box->setValue(value.toDouble());
        return box;
    }
    case ParameterSpec::Type::Bool: {
        auto *box = new QCheckBox(parent);
        box->setChecked(value.toBool());
        return box;
    }
    case ParameterSpec::Type::Choice: {
        auto *box = new QComboBox(parent);
        box->addItems(spec.choices);
        box->setCurrentText(value.toString());
        return box;
    }
    }
    return nullptr;
}

QVariant editorValue(const ParameterSpec &spec, const QWidget *editor)
{
    switch (spec.type) {
    case ParameterSpec::Type::Int:
        return static_cast<const QSpinBox *>(editor)->value();
    case ParameterSpec::Type::Double:
        return static_cast<const QDoubleSpinBox *>(editor)->value();
    case ParameterSpec::Type::Bool:
        return static_cast<const QCheckBox *>(editor)->isChecked();
    case ParameterSpec::Type::Choice:
        return static_cast<const QComboBox *>(editor)->currentText();
    }
    return {};
}

} // namespace

DetectorPanel::DetectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_detector(new QComboBox(this))
    , m_description(new QLabel(this))
    , m_parameterBox(new QWidget(this))
    , m_features(new QListWidget(this))
    , m_training(new QComboBox(this))
    , m_trainingPercent(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_percentileSlider(new QSlider(Qt::Horizontal, this))
    , m_percentile(new QDoubleSpinBox(this))
    , m_train(new QPushButton(tr("&Train"), this))
    , m_trainElsewhere(new QPushButton(tr("Train on &Another File…"), this))
    , m_modelSource(new QLabel(this))
    , m_outcome(new QLabel(this))
{
    for (const DetectorInfo &info : detectors()) {
        m_detector->addItem(info.name);
        m_detector->setItemData(m_detector->count() - 1, info.description, Qt::ToolTipRole);
    }
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_parameterForm = new QFormLayout(m_parameterBox);
    m_parameterForm->setContentsMargins(0, 0, 0, 0);

    m_features->setToolTip(tr("Features the detector sees; counts are log-scaled, all are "
                              "scaled on the training rows"));
    m_features->setMaximumHeight(150);

    m_training->addItems({tr("All rows"), tr("First part"), tr("Selected range")});
    m_training->setToolTip(tr("Rows the detector learns normal traffic from. Select a range on "
                              "the chart with Ctrl+drag to train on a stretch you know is clean."));
    m_trainingPercent->setRange(1, 100);
    m_trainingPercent->setSuffix(QStringLiteral(" %"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same data, parameters and seed give the same scores"));

    m_percentileSlider->setRange(50 * kSliderSteps, 100 * kSliderSteps);
    m_percentile->setRange(50.0, 100.0);
    m_percentile->setDecimals(1);
    m_percentile->setSingleStep(0.5);
    m_percentile->setSuffix(tr(" th"));
    m_percentile->setToolTip(tr("Bins scoring above this percentile of the training rows' scores "
                                "are anomalous. Changing it never retrains."));
    m_train->setToolTip(tr("Fit the detector in the background and score every bin (F5)"));
    m_trainElsewhere->setObjectName(QStringLiteral("trainElsewhere"));
    m_trainElsewhere->setToolTip(tr("Fit the detector on another capture or table (binned like "
                                    "this one) and score this file with it"));
    m_modelSource->setObjectName(QStringLiteral("modelSource"));
    m_modelSource->setWordWrap(true);
    m_modelSource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelSource->hide();
    m_outcome->setWordWrap(true);

    auto *threshold = new QHBoxLayout;
    threshold->addWidget(m_percentileSlider, 1);
    threshold->addWidget(m_percentile);
    auto *trainingRow = new QHBoxLayout;
    trainingRow->addWidget(m_training, 1);
    trainingRow->addWidget(m_trainingPercent);

    auto *form = new QFormLayout;
    form->addRow(tr("Detector:"), m_detector);
    form->addRow(m_description);
    form->addRow(m_parameterBox);
    form->addRow(tr("Features:"), m_features);
    form->addRow(tr("Train on:"), trainingRow);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Threshold:"), threshold);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_train);
    layout->addWidget(m_trainElsewhere);
    layout->addWidget(m_modelSource);
    layout->addWidget(m_outcome);
    layout->addStretch(1);

    const QSettings settings;
    m_trainingPercent->setValue(
        settings.value(QStringLiteral("detect/trainingPercent"), 70).toInt());
    m_training->setCurrentIndex(settings.value(QStringLiteral("detect/training"), 0).toInt());
    m_seed->setValue(settings.value(QStringLiteral("detect/seed"), 1).toInt());
    setPercentile(settings.value(QStringLiteral("detect/percentile"), 99.0).toDouble());
    setDetector(
        settings.value(QStringLiteral("detect/detector"), QStringLiteral("isolation_forest"))
            .toString());
    rebuildParameters();

    connect(m_detector, &QComboBox::currentIndexChanged, this, &DetectorPanel::rebuildParameters);
    connect(m_training, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_trainingPercent->setVisible(index == int(Training::FirstPercent));
    });
    m_trainingPercent->setVisible(training() == Training::FirstPercent);
    connect(m_percentileSlider, &QSlider::valueChanged, this,
            [this](int value) { m_percentile->setValue(double(value) / kSliderSteps); });
    connect(m_percentile, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const QSignalBlocker blocker(m_percentileSlider);
        m_percentileSlider->setValue(int(std::lround(value * kSliderSteps)));
        QSettings().setValue(QStringLiteral("detect/percentile"), value);
        emit percentileChanged(value);
    });
    connect(m_train, &QPushButton::clicked, this, &DetectorPanel::trainRequested);
    connect(m_trainElsewhere, &QPushButton::clicked, this, &DetectorPanel::trainElsewhereRequested);
}

void DetectorPanel::rebuildParameters()
{
    while (m_parameterForm->rowCount() > 0)
        m_parameterForm->removeRow(0);
    m_parameterEditors.clear();
    const DetectorInfo *info = findDetector(detector());
    if (!info)
        return;
    m_description->setText(info->description);
    const QSettings settings;
    for (const ParameterSpec &spec : info->parameters) {
        const QVariant value =
            settings.value(parameterKey(info->name, spec.name), spec.defaultValue);
        QWidget *editor = createEditor(spec, value, m_parameterBox);
        editor->setToolTip(spec.description);
        auto *label = new QLabel(spec.name + QLatin1Char(':'), m_parameterBox);
        label->setToolTip(spec.description);
        m_parameterForm->addRow(label, editor);
        m_parameterEditors.emplace_back(spec, editor);
    }
}

void DetectorPanel::rememberParameters() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("detect/detector"), detector());
    settings.setValue(QStringLiteral("detect/training"), m_training->currentIndex());
    settings.setValue(QStringLiteral("detect/trainingPercent"), m_trainingPercent->value());
    settings.setValue(QStringLiteral("detect/seed"), m_seed->value());
    for (const auto &[spec, editor] : m_parameterEditors)
        settings.setValue(parameterKey(detector(), spec.name), editorValue(spec, editor));
}

void DetectorPanel::setFeatures(const std::vector<FeatureInfo> &features)
{
    m_features->clear();
    for (const FeatureInfo &feature : features) {
        auto *item = new QListWidgetItem(feature.name, m_features);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
}

void DetectorPanel::setSelectionAvailable(bool available)
{
    auto *model = qobject_cast<QStandardItemModel *>(m_training->model());
    if (QStandardItem *item = model ? model->item(int(Training::Selection)) : nullptr)
        item->setEnabled(available);
    if (!available && training() == Training::Selection)
        m_training->setCurrentIndex(int(Training::All));
}

void DetectorPanel::setTrainingEnabled(bool enabled)
{
    m_train->setEnabled(enabled);
    m_trainElsewhere->setEnabled(enabled);
}

QString DetectorPanel::detector() const
{
    return m_detector->currentText();
}

void DetectorPanel::setDetector(const QString &name)
{
    const int index = m_detector->findText(name);
    if (index >= 0)
        m_detector->setCurrentIndex(index);
}

double DetectorPanel::percentile() const
{
    return m_percentile->value();
}

void DetectorPanel::setPercentile(double percentile)
{
    m_percentile->setValue(percentile);
    const QSignalBlocker blocker(m_percentileSlider);
    m_percentileSlider->setValue(int(std::lround(percentile * kSliderSteps)));
}

DetectorPanel::Training DetectorPanel::training() const
{
    return Training(m_training->currentIndex());
}

DetectionOptions DetectorPanel::options() const
{
    rememberParameters();
    DetectionOptions options;
    options.detector = detector();
    for (const auto &[spec, editor] : m_parameterEditors)
        options.parameters.insert(spec.name, editorValue(spec, editor));
    options.seed = quint64(m_seed->value());
    for (int i = 0; i < m_features->count(); ++i) {
        if (m_features->item(i)->checkState() == Qt::Checked)
            options.features << m_features->item(i)->text();
    }
    if (training() == Training::FirstPercent)
        options.training = TrainingRange::firstFraction(m_trainingPercent->value() / 100.0);
    options.percentile = percentile();
    return options;
}

void DetectorPanel::showOutcome(const QString &text)
{
    m_outcome->setText(text);
}

void DetectorPanel::showModelSource(const QString &path)
{
    m_modelSource->setVisible(!path.isEmpty());
    m_modelSource->setText(tr("Model from %1").arg(QFileInfo(path).fileName()));
    m_modelSource->setToolTip(QDir::toNativeSeparators(path));
}

} // namespace tideline
