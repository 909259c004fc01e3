#include "capturedialog.h"

#include "common/binwidth.h"
#include "live/captureinterfaces.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tideline {

namespace {

const auto kInterfaceKey = QStringLiteral("capture/interface");
const auto kFilterKey = QStringLiteral("capture/filter");
const auto kSnapLengthKey = QStringLiteral("capture/snapLength");
const auto kBinWidthKey = QStringLiteral("capture/binWidth");
const auto kWarmUpKey = QStringLiteral("capture/warmUpBins");
const auto kRingKey = QStringLiteral("capture/ring");
const auto kFolderKey = QStringLiteral("capture/ringFolder");
const auto kRingFilesKey = QStringLiteral("capture/ringFiles");
const auto kRingMegabytesKey = QStringLiteral("capture/ringMegabytes");

constexpr TimeNs kLongestLiveBin = 60 * kNsPerSecond;

} // namespace

CaptureDialog::CaptureDialog(QWidget *parent)
    : QDialog(parent)
    , m_interfaces(new QTreeWidget(this))
    , m_filter(new QLineEdit(this))
    , m_filterProblem(new QLabel(this))
    , m_snapLength(new QSpinBox(this))
    , m_binWidth(new QComboBox(this))
    , m_warmUp(new QSpinBox(this))
    , m_ring(new QGroupBox(tr("&Keep the packets in a ring of pcapng files"), this))
    , m_folder(new QLineEdit(this))
    , m_ringFiles(new QSpinBox(this))
    , m_ringMegabytes(new QSpinBox(this))
    , m_detector(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Start capture"));
    const QSettings settings;

    m_interfaces->setObjectName(QStringLiteral("interfaces"));
    m_interfaces->setHeaderLabels({tr("Interface"), tr("State"), tr("Addresses")});
    m_interfaces->setRootIsDecorated(false);
    m_interfaces->header()->setStretchLastSection(true);
    listInterfaces();

    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("all packets; or e.g. tcp port 443 or udp"));
    m_filter->setText(settings.value(kFilterKey).toString());
    m_filterProblem->setObjectName(QStringLiteral("filterProblem"));
    m_filterProblem->setWordWrap(true);
    m_filterProblem->setStyleSheet(QStringLiteral("color: #c62828"));

    m_snapLength->setObjectName(QStringLiteral("snapLength"));
    m_snapLength->setRange(64, 262144);
    m_snapLength->setSuffix(tr(" bytes"));
    m_snapLength->setValue(settings.value(kSnapLengthKey, 65535).toInt());
    m_snapLength->setToolTip(tr("Bytes kept of each packet: the headers are what is binned"));

    m_binWidth->setObjectName(QStringLiteral("binWidth"));
    for (TimeNs width : binwidth::niceWidths()) {
        if (width <= kLongestLiveBin)
            m_binWidth->addItem(formatDuration(width), QVariant::fromValue(width));
    }
    const auto width =
        settings.value(kBinWidthKey, QVariant::fromValue(kNsPerSecond)).value<TimeNs>();
    m_binWidth->setCurrentIndex(std::max(0, m_binWidth->findData(QVariant::fromValue(width))));
    m_warmUp->setObjectName(QStringLiteral("warmUp"));
    m_warmUp->setRange(2, 100000);
    m_warmUp->setSuffix(tr(" bins"));
    m_warmUp->setValue(settings.value(kWarmUpKey, 60).toInt());
    m_warmUp->setToolTip(tr("The detector and its threshold are fitted on this many first bins "
                            "with traffic; later bins are scored as they close"));

    m_ring->setObjectName(QStringLiteral("ring"));
    m_ring->setCheckable(true);
    m_ring->setChecked(settings.value(kRingKey, false).toBool());
    m_folder->setObjectName(QStringLiteral("ringFolder"));
    m_folder->setText(settings.value(kFolderKey).toString());
    m_folder->setPlaceholderText(tr("a folder for the files"));
    auto *browse = new QPushButton(tr("&Browse…"), m_ring);
    connect(browse, &QPushButton::clicked, this, &CaptureDialog::chooseFolder);
    m_ringFiles->setObjectName(QStringLiteral("ringFiles"));
    m_ringFiles->setRange(1, 100000);
    m_ringFiles->setValue(settings.value(kRingFilesKey, 10).toInt());
    m_ringFiles->setSuffix(tr(" files"));
    m_ringMegabytes->setObjectName(QStringLiteral("ringMegabytes"));
    m_ringMegabytes->setRange(1, 1'000'000);
    m_ringMegabytes->setValue(settings.value(kRingMegabytesKey, 100).toInt());
    m_ringMegabytes->setSuffix(tr(" MB each"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_ringFiles);
    sizeRow->addWidget(m_ringMegabytes);
    sizeRow->addStretch(1);
    auto *ringForm = new QFormLayout(m_ring);
    ringForm->addRow(tr("Folder:"), folderRow);
    ringForm->addRow(tr("Keep:"), sizeRow);
    ringForm->addRow(new QLabel(tr("When the last file is full the oldest is removed."), m_ring));

    m_detector->setObjectName(QStringLiteral("detector"));
    m_detector->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Start"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CaptureDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CaptureDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Capture &filter:"), m_filter);
    form->addRow(QString(), m_filterProblem);
    form->addRow(tr("S&nap length:"), m_snapLength);
    form->addRow(tr("B&in width:"), m_binWidth);
    form->addRow(tr("&Warm-up:"), m_warmUp);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_interfaces, 1);
    layout->addLayout(form);
    layout->addWidget(m_ring);
    layout->addWidget(m_detector);
    layout->addWidget(m_buttons);
    resize(640, 560);

    connect(m_filter, &QLineEdit::textChanged, this, &CaptureDialog::checkFilter);
    connect(m_interfaces, &QTreeWidget::currentItemChanged, this, &CaptureDialog::refreshStart);
    connect(m_interfaces, &QTreeWidget::itemDoubleClicked, this, &CaptureDialog::accept);
    connect(m_ring, &QGroupBox::toggled, this, &CaptureDialog::refreshStart);
    connect(m_folder, &QLineEdit::textChanged, this, &CaptureDialog::refreshStart);
    checkFilter();
}

void CaptureDialog::listInterfaces()
{
    QString error;
    const std::vector<CaptureInterface> interfaces = captureInterfaces(&error);
    const QString remembered = QSettings().value(kInterfaceKey).toString();
    for (const CaptureInterface &interface : interfaces) {
        const QString state = !interface.up       ? tr("down")
                              : interface.running ? tr("up")
                                                  : tr("up, no link");
        QString name = interface.name;
        if (interface.loopback)
            name = tr("%1 (loopback)").arg(interface.name);
        auto *item = new QTreeWidgetItem(
            m_interfaces, {name, state, interface.addresses.join(QStringLiteral(", "))});
        item->setData(0, Qt::UserRole, interface.name);
        item->setToolTip(0, interface.description);
        item->setToolTip(2, interface.addresses.join(QLatin1Char('\n')));
        if (interface.name == remembered)
            m_interfaces->setCurrentItem(item);
    }
    if (interfaces.empty()) {
        auto *item = new QTreeWidgetItem(
            m_interfaces, {error.isEmpty() ? tr("libpcap lists no interface") : error});
        item->setFlags(Qt::NoItemFlags);
    }
    for (int column = 0; column < 2; ++column)
        m_interfaces->resizeColumnToContents(column);
}

bool CaptureDialog::selectInterface(const QString &name)
{
    for (int i = 0; i < m_interfaces->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_interfaces->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == name) {
            m_interfaces->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void CaptureDialog::setDetector(const QString &name, const QString &problem)
{
    m_detectorUsable = problem.isEmpty();
    m_detector->setText(
        m_detectorUsable
            ? tr("Detector: %1, as the Detector panel is set").arg(name)
            : tr("Detector: %1 — %2. Choose another in the Detector panel.").arg(name, problem));
    refreshStart();
}

void CaptureDialog::checkFilter()
{
    const QString filter = m_filter->text().trimmed();
    const QString problem = filter.isEmpty() ? QString() : filterProblem(filter);
    m_filterProblem->setText(problem);
    m_filterProblem->setVisible(!problem.isEmpty());
    refreshStart();
}

void CaptureDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Folder for the ring files"),
        m_folder->text().isEmpty() ? QDir::homePath() : m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(folder));
}

void CaptureDialog::refreshStart()
{
    const QTreeWidgetItem *current = m_interfaces->currentItem();
    const bool ok = current && !current->data(0, Qt::UserRole).toString().isEmpty() &&
                    m_filterProblem->text().isEmpty() &&
                    (!m_ring->isChecked() || !m_folder->text().trimmed().isEmpty()) &&
                    m_detectorUsable;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

CaptureRequest CaptureDialog::request() const
{
    CaptureRequest request;
    if (const QTreeWidgetItem *current = m_interfaces->currentItem())
        request.capture.interface = current->data(0, Qt::UserRole).toString();
    request.capture.filter = m_filter->text().trimmed();
    request.capture.snapLength = m_snapLength->value();
    if (m_ring->isChecked()) {
        request.capture.ringDirectory = QDir::fromNativeSeparators(m_folder->text().trimmed());
        request.capture.ringFiles = m_ringFiles->value();
        request.capture.ringFileBytes = qint64(m_ringMegabytes->value()) * 1'000'000;
    }
    request.binWidth = m_binWidth->currentData().value<TimeNs>();
    request.warmUpBins = m_warmUp->value();
    return request;
}

void CaptureDialog::accept()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    remember();
    QDialog::accept();
}

void CaptureDialog::remember() const
{
    QSettings settings;
    const CaptureRequest chosen = request();
    settings.setValue(kInterfaceKey, chosen.capture.interface);
    settings.setValue(kFilterKey, chosen.capture.filter);
    settings.setValue(kSnapLengthKey, chosen.capture.snapLength);
    settings.setValue(kBinWidthKey, QVariant::fromValue(chosen.binWidth));
    settings.setValue(kWarmUpKey, chosen.warmUpBins);
    settings.setValue(kRingKey, m_ring->isChecked());
    settings.setValue(kFolderKey, m_folder->text().trimmed());
    settings.setValue(kRingFilesKey, m_ringFiles->value());
    settings.setValue(kRingMegabytesKey, m_ringMegabytes->value());
}

} // namespace tideline
