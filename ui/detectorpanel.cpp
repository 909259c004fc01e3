#include "detectorpanel.h"

#include "detect/detectorregistry.h"
#include "series/trafficfeature.h"

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
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace tideline {

namespace {

// The slider moves through the rarity of the threshold: its position is −log10(risk) in
// thousandths, from 50 % (0.301) to 99.99999 % (7), so each "nine" is an equal stretch.
constexpr int kSliderPerNine = 1000;
constexpr double kLowestPercentile = 50.0;
constexpr double kHighestPercentile = 99.99999;
constexpr int kCoalesceMs = 120; // a slider burst re-thresholds once it rests this long

int sliderPosition(double percentile)
{
    const double risk = std::clamp(1.0 - percentile / 100.0, 1.0 - kHighestPercentile / 100.0,
                                   1.0 - kLowestPercentile / 100.0);
    return int(std::lround(-std::log10(risk) * kSliderPerNine));
}

double sliderPercentile(int position)
{
    return 100.0 * (1.0 - std::pow(10.0, -double(position) / kSliderPerNine));
}

// Shows as many decimals as the value needs (99.999, not 99.99900).
class TrimmedSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', decimals());
        const QChar point = locale().decimalPoint().front();
        if (text.contains(point)) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(1);
        }
        return text;
    }
};

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

void setEditorValue(const ParameterSpec &spec, QWidget *editor, const QVariant &value)
{
    switch (spec.type) {
    case ParameterSpec::Type::Int:
        static_cast<QSpinBox *>(editor)->setValue(value.toInt());
        return;
    case ParameterSpec::Type::Double:
        static_cast<QDoubleSpinBox *>(editor)->setValue(value.toDouble());
        return;
    case ParameterSpec::Type::Bool:
        static_cast<QCheckBox *>(editor)->setChecked(value.toBool());
        return;
    case ParameterSpec::Type::Choice:
        static_cast<QComboBox *>(editor)->setCurrentText(value.toString());
        return;
    }
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
    , m_timeFeatures(new QCheckBox(tr("Time of day and day of week"), this))
    , m_training(new QComboBox(this))
    , m_trainingPercent(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_percentileSlider(new QSlider(Qt::Horizontal, this))
    , m_percentile(new TrimmedSpinBox(this))
    , m_alarms(new TrimmedSpinBox(this))
    , m_hold(new QDoubleSpinBox(this))
    , m_thresholdTimer(new QTimer(this))
    , m_train(new QPushButton(tr("&Train"), this))
    , m_trainElsewhere(new QPushButton(tr("Train on &Another File…"), this))
    , m_modelSource(new QLabel(this))
    , m_trainingClasses(new QLabel(this))
    , m_supervisedNote(new QLabel(
          tr("A supervised detector flags the rows it predicts as attacks (a probability above "
             "0.5): the threshold does not apply."),
          this))
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
    m_timeFeatures->setToolTip(tr("Adds the time of day and the day of the week as features, so "
                                  "a daily or weekly rhythm counts as normal"));

    m_training->addItems({tr("All rows"), tr("First part"), tr("Selected range")});
    m_training->setToolTip(tr("Rows the detector learns normal traffic from. Select a range on "
                              "the chart with Ctrl+drag to train on a stretch you know is clean."));
    m_trainingPercent->setRange(1, 100);
    m_trainingPercent->setSuffix(QStringLiteral(" %"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same data, parameters and seed give the same scores"));

    m_percentileSlider->setObjectName(QStringLiteral("percentileSlider"));
    m_percentile->setObjectName(QStringLiteral("percentile"));
    m_alarms->setObjectName(QStringLiteral("falseAlarmsPerDay"));
    m_hold->setObjectName(QStringLiteral("hold"));
    m_percentileSlider->setRange(sliderPosition(kLowestPercentile),
                                 sliderPosition(kHighestPercentile));
    m_percentileSlider->setToolTip(tr("Each step right makes an alarm ten times rarer"));
    m_percentile->setRange(kLowestPercentile, kHighestPercentile);
    m_percentile->setDecimals(5);
    m_percentile->setSingleStep(0.1);
    m_percentile->setSuffix(tr(" th"));
    m_percentile->setToolTip(tr("Bins scoring above this percentile of the training rows' scores "
                                "are anomalous. Past what the training rows resolve, the "
                                "percentile comes from a tail fitted to their highest scores. "
                                "Changing it never retrains."));
    m_alarms->setRange(0.0, 1e7);
    m_alarms->setDecimals(4);
    m_alarms->setSingleStep(1.0);
    m_alarms->setSuffix(tr(" / day"));
    m_alarms->setEnabled(false);
    m_alarms->setToolTip(tr("The same threshold as the false alarms to expect per day of normal "
                            "traffic, through the bin width. Type either."));
    m_hold->setRange(0.0, 100.0);
    m_hold->setDecimals(1);
    m_hold->setSingleStep(1.0);
    m_hold->setSuffix(tr(" th"));
    m_hold->setToolTip(tr("An interval opens where the score crosses the threshold and holds "
                          "while it stays above this percentile of the training scores, so it "
                          "covers the whole event. 100: no hold."));
    m_thresholdTimer->setSingleShot(true);
    m_thresholdTimer->setInterval(kCoalesceMs);
    m_train->setToolTip(tr("Fit the detector in the background and score every bin (F5)"));
    m_trainElsewhere->setObjectName(QStringLiteral("trainElsewhere"));
    m_trainElsewhere->setToolTip(tr("Fit the detector on another capture or table (binned like "
                                    "this one) and score this file with it"));
    m_modelSource->setObjectName(QStringLiteral("modelSource"));
    m_modelSource->setWordWrap(true);
    m_modelSource->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelSource->hide();
    m_trainingClasses->setObjectName(QStringLiteral("trainingClasses"));
    m_trainingClasses->setWordWrap(true);
    m_trainingClasses->setToolTip(tr("The training rows of each class the model learnt"));
    m_trainingClasses->hide();
    m_supervisedNote->setObjectName(QStringLiteral("supervisedNote"));
    m_supervisedNote->setWordWrap(true);
    m_supervisedNote->setForegroundRole(QPalette::PlaceholderText);
    m_outcome->setWordWrap(true);

    auto *threshold = new QHBoxLayout;
    threshold->addWidget(m_percentileSlider, 1);
    threshold->addWidget(m_percentile);
    auto *alarmsRow = new QHBoxLayout;
    alarmsRow->addWidget(m_alarms, 1);
    alarmsRow->addWidget(new QLabel(tr("hold above"), this));
    alarmsRow->addWidget(m_hold, 1);
    auto *trainingRow = new QHBoxLayout;
    trainingRow->addWidget(m_training, 1);
    trainingRow->addWidget(m_trainingPercent);

    auto *form = new QFormLayout;
    form->addRow(tr("Detector:"), m_detector);
    form->addRow(m_description);
    form->addRow(m_parameterBox);
    form->addRow(tr("Features:"), m_features);
    form->addRow(QString(), m_timeFeatures);
    form->addRow(tr("Train on:"), trainingRow);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Threshold:"), threshold);
    form->addRow(tr("False alarms:"), alarmsRow);
    form->addRow(m_supervisedNote);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_train);
    layout->addWidget(m_trainElsewhere);
    layout->addWidget(m_modelSource);
    layout->addWidget(m_trainingClasses);
    layout->addWidget(m_outcome);
    layout->addStretch(1);

    showRemembered();

    connect(m_detector, &QComboBox::currentIndexChanged, this, &DetectorPanel::rebuildParameters);
    connect(m_training, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_trainingPercent->setVisible(index == int(Training::FirstPercent));
    });
    m_trainingPercent->setVisible(training() == Training::FirstPercent);
    connect(m_percentileSlider, &QSlider::valueChanged, this, [this](int position) {
        m_rule = ThresholdRule::percentile(sliderPercentile(position));
        showRule(false);
    });
    connect(m_percentile, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_rule = ThresholdRule::percentile(value);
        showRule(false);
    });
    connect(m_alarms, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_rule = ThresholdRule::falseAlarmsPerDay(value);
        showRule(false);
    });
    connect(m_hold, &QDoubleSpinBox::valueChanged, m_thresholdTimer, qOverload<>(&QTimer::start));
    connect(m_thresholdTimer, &QTimer::timeout, this, &DetectorPanel::commitThreshold);
    connect(m_train, &QPushButton::clicked, this, &DetectorPanel::trainRequested);
    connect(m_trainElsewhere, &QPushButton::clicked, this, &DetectorPanel::trainElsewhereRequested);
}

void DetectorPanel::showRemembered()
{
    const QSettings settings;
    m_trainingPercent->setValue(
        settings.value(QStringLiteral("detect/trainingPercent"), 70).toInt());
    m_training->setCurrentIndex(settings.value(QStringLiteral("detect/training"), 0).toInt());
    m_seed->setValue(settings.value(QStringLiteral("detect/seed"), 1).toInt());
    m_timeFeatures->setChecked(
        settings.value(QStringLiteral("detect/timeFeatures"), false).toBool());
    for (int i = 0; i < m_features->count(); ++i) {
        QListWidgetItem *item = m_features->item(i);
        item->setCheckState(looksAhead(item->text()) ? Qt::Unchecked : Qt::Checked);
    }
    const ThresholdSettings defaults;
    {
        const QSignalBlocker blocker(m_hold);
        m_hold->setValue(
            settings.value(QStringLiteral("detect/hold"), defaults.holdPercentile).toDouble());
    }
    m_gap = defaults.gap;
    m_rule = settings.value(QStringLiteral("detect/thresholdKind")).toString() == u"percentile"
                 ? ThresholdRule::percentile(
                       settings.value(QStringLiteral("detect/thresholdValue")).toDouble())
                 : ThresholdRule::falseAlarmsPerDay(
                       settings.value(QStringLiteral("detect/thresholdValue"), defaults.rule.value)
                           .toDouble());
    showRule(false);
    m_thresholdTimer->stop();
    {
        // windowed_counts by default: trained on every row at the default threshold it finds
        // the sample's scan, flood and amplification whole and flags nothing else, flags one
        // interval in a benign capture where knn flags dozens, and finds more of the real
        // attacks spliced into real traffic than any other (README, Counts, not log counts).
        const QSignalBlocker blocker(m_detector);
        setDetector(
            settings.value(QStringLiteral("detect/detector"), QStringLiteral("windowed_counts"))
                .toString());
    }
    rebuildParameters(); // the detector's remembered parameters
}

void DetectorPanel::showOptions(const DetectionOptions &options)
{
    if (findDetector(options.detector)) {
        setDetector(options.detector);
        // The run's values, and the defaults for what it left out (it ran with those), in place
        // of the remembered ones.
        for (const auto &[spec, editor] : m_parameterEditors)
            setEditorValue(spec, editor, options.parameters.value(spec.name, spec.defaultValue));
    }
    m_seed->setValue(int(std::min<quint64>(options.seed, quint64(m_seed->maximum()))));
    for (int i = 0; i < m_features->count(); ++i) {
        QListWidgetItem *item = m_features->item(i);
        item->setCheckState(usesFeature(options.features, item->text()) ? Qt::Checked
                                                                        : Qt::Unchecked);
    }
    m_timeFeatures->setChecked(options.timeFeatures);
    switch (options.training.kind) {
    case TrainingRange::Kind::All:
        m_training->setCurrentIndex(int(Training::All));
        break;
    case TrainingRange::Kind::Fraction:
        m_training->setCurrentIndex(int(Training::FirstPercent));
        m_trainingPercent->setValue(int(std::lround(options.training.fraction * 100)));
        break;
    case TrainingRange::Kind::Time:
        setSelectionAvailable(true);
        m_training->setCurrentIndex(int(Training::Selection));
        break;
    }
    {
        const QSignalBlocker blocker(m_hold);
        m_hold->setValue(options.threshold.holdPercentile);
    }
    m_gap = options.threshold.gap;
    m_rule = options.threshold.rule;
    showRule(false);
    m_thresholdTimer->stop(); // the run is already at this threshold
}

void DetectorPanel::rebuildParameters()
{
    while (m_parameterForm->rowCount() > 0)
        m_parameterForm->removeRow(0);
    m_parameterEditors.clear();
    enableThresholdControls();
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
    settings.setValue(QStringLiteral("detect/timeFeatures"), m_timeFeatures->isChecked());
    for (const auto &[spec, editor] : m_parameterEditors)
        settings.setValue(parameterKey(detector(), spec.name), editorValue(spec, editor));
}

void DetectorPanel::setFeatures(const Series &series)
{
    m_features->clear();
    QStringList names;
    for (const FeatureInfo &feature : series.features)
        names << feature.name;
    for (const CategoryColumn &column : series.categories)
        names << column.name;
    for (qsizetype i = 0; i < names.size(); ++i) {
        auto *item = new QListWidgetItem(names[i], m_features);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(looksAhead(names[i]) ? Qt::Unchecked : Qt::Checked);
        if (i >= qsizetype(series.features.size()))
            item->setToolTip(tr("A text column: one-hot encoded for supervised detectors"));
        else if (looksAhead(names[i]))
            item->setToolTip(tr("Of the connections open in a bin, the most bytes one has uploaded "
                                "(sent beyond what it received) over its whole life: a slow "
                                "exfiltration adds little to a bin but is one connection "
                                "uploading megabytes. Check it to look for such uploads with a "
                                "detector that sees rows together (knn, autoencoder, "
                                "isolation_forest); it knows of bins after the one it is in"));
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

void DetectorPanel::setRowDuration(TimeNs duration)
{
    m_rowDuration = duration;
    enableThresholdControls();
    showRule(false);
    m_thresholdTimer->stop();
}

double DetectorPanel::percentile() const
{
    return m_rule.percentileFor(m_rowDuration);
}

void DetectorPanel::setPercentile(double percentile)
{
    m_rule = ThresholdRule::percentile(percentile);
    showRule(true);
}

void DetectorPanel::setFalseAlarmsPerDay(double alarms)
{
    m_rule = ThresholdRule::falseAlarmsPerDay(alarms);
    showRule(true);
}

ThresholdSettings DetectorPanel::thresholdSettings() const
{
    ThresholdSettings settings;
    settings.rule = m_rule;
    settings.holdPercentile = m_hold->value();
    settings.gap = m_gap;
    return settings;
}

void DetectorPanel::showRule(bool now)
{
    {
        const QSignalBlocker sliderBlocker(m_percentileSlider);
        const QSignalBlocker percentileBlocker(m_percentile);
        const QSignalBlocker alarmsBlocker(m_alarms);
        const double p = percentile();
        m_percentileSlider->setValue(sliderPosition(p));
        if (m_rule.kind != ThresholdRule::Kind::Percentile || m_percentile->value() != p)
            m_percentile->setValue(p);
        const double alarms = m_rule.falseAlarmsPerDayFor(m_rowDuration);
        if (std::isnan(alarms))
            m_alarms->clear();
        else if (m_rule.kind != ThresholdRule::Kind::FalseAlarmsPerDay ||
                 m_alarms->value() != alarms)
            m_alarms->setValue(alarms);
    }
    if (now)
        commitThreshold();
    else
        m_thresholdTimer->start();
}

void DetectorPanel::enableThresholdControls()
{
    const DetectorInfo *info = findDetector(detector());
    const bool supervised = info && info->supervised;
    for (QWidget *control :
         std::initializer_list<QWidget *>{m_percentileSlider, m_percentile, m_hold})
        control->setEnabled(!supervised);
    m_alarms->setEnabled(!supervised && m_rowDuration > 0);
    m_supervisedNote->setVisible(supervised);
}

void DetectorPanel::commitThreshold()
{
    m_thresholdTimer->stop();
    QSettings settings;
    settings.setValue(QStringLiteral("detect/thresholdKind"),
                      m_rule.kind == ThresholdRule::Kind::Percentile
                          ? QStringLiteral("percentile")
                          : QStringLiteral("falseAlarmsPerDay"));
    settings.setValue(QStringLiteral("detect/thresholdValue"), m_rule.value);
    settings.setValue(QStringLiteral("detect/hold"), m_hold->value());
    emit thresholdChanged(thresholdSettings());
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
    // Only what the analyst changed: a detector's defaults may depend on the run (trim is 0 for
    // a range chosen as normal), as they do on the command line without --param.
    for (const auto &[spec, editor] : m_parameterEditors) {
        const QVariant value = editorValue(spec, editor);
        if (value != spec.defaultValue)
            options.parameters.insert(spec.name, value);
    }
    options.seed = quint64(m_seed->value());
    for (int i = 0; i < m_features->count(); ++i) {
        if (m_features->item(i)->checkState() == Qt::Checked)
            options.features << m_features->item(i)->text();
    }
    options.timeFeatures = m_timeFeatures->isChecked();
    if (training() == Training::FirstPercent)
        options.training = TrainingRange::firstFraction(m_trainingPercent->value() / 100.0);
    options.threshold = thresholdSettings();
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

void DetectorPanel::showTrainingClasses(const QString &classes)
{
    m_trainingClasses->setVisible(!classes.isEmpty());
    m_trainingClasses->setText(tr("Trained on %1").arg(classes));
}

} // namespace tideline
