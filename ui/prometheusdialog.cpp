#include "prometheusdialog.h"

#include "remote/prometheusclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStringListModel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tideline {

namespace {

// Remembered between sessions: never the password or the token.
const QString kUrlKey = QStringLiteral("prometheus/url");
const QString kAuthKey = QStringLiteral("prometheus/auth");
const QString kUserKey = QStringLiteral("prometheus/user");
const QString kTenantKey = QStringLiteral("prometheus/tenant");
const QString kCaFileKey = QStringLiteral("prometheus/caFile");
const QString kSkipVerificationKey = QStringLiteral("prometheus/skipVerification");
const QString kQueriesKey = QStringLiteral("prometheus/queries");
const QString kStepKey = QStringLiteral("prometheus/step");
const QString kSpanKey = QStringLiteral("prometheus/spanSeconds");

constexpr int kQueryRows = 3;
constexpr qint64 kDefaultSpanSeconds = 24 * 3600;
// Offering names must not hold the dialog long when the server does not answer.
constexpr TimeNs kNamesTimeout = 10 * kNsPerSecond;

QDateTime utc(TimeNs t)
{
    return QDateTime::fromMSecsSinceEpoch(t / kNsPerMs, Qt::UTC);
}

TimeNs fromUtc(const QDateTime &t)
{
    return t.toMSecsSinceEpoch() * kNsPerMs;
}

QDateTimeEdit *timeEdit(QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

PrometheusDialog::PrometheusDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_tenant(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_skipVerification(new QCheckBox(tr("Skip certificate &verification (insecure)"), this))
    , m_queryGrid(new QGridLayout)
    , m_fetch(new QPushButton(tr("Offer &Metric Names"), this))
    , m_start(timeEdit(this))
    , m_end(timeEdit(this))
    , m_step(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_metricNames(new QStringListModel(this))
    , m_completer(new QCompleter(m_metricNames, this))
{
    setWindowTitle(tr("Open from Prometheus"));
    const QSettings settings;
    // Found by these names in tests and scripts.
    m_auth->setObjectName(QStringLiteral("auth"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_tenant->setObjectName(QStringLiteral("tenant"));
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_skipVerification->setObjectName(QStringLiteral("skipVerification"));
    m_fetch->setObjectName(QStringLiteral("fetchMetricNames"));
    m_problem->setObjectName(QStringLiteral("problem"));

    m_url->setPlaceholderText(QStringLiteral("prometheus+http://127.0.0.1:9090"));
    m_url->setToolTip(tr("prometheus+http:// or prometheus+https://, the host and port, and the "
                         "path prefix of the API: /prometheus for Mimir, /select/0/prometheus "
                         "for a VictoriaMetrics cluster"));
    m_url->setText(settings.value(kUrlKey).toString());
    m_auth->addItem(tr("None"), int(PrometheusAuth::Kind::None));
    m_auth->addItem(tr("Basic (user and password)"), int(PrometheusAuth::Kind::Basic));
    m_auth->addItem(tr("Bearer token"), int(PrometheusAuth::Kind::Bearer));
    m_auth->setCurrentIndex(std::max(0, m_auth->findData(settings.value(kAuthKey, 0).toInt())));
    m_user->setText(settings.value(kUserKey).toString());
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setToolTip(tr("Never saved. Left empty: TIDELINE_PROMETHEUS_PASSWORD or "
                            "TIDELINE_PROMETHEUS_TOKEN from the environment"));
    m_tenant->setText(settings.value(kTenantKey).toString());
    m_tenant->setPlaceholderText(tr("sent as X-Scope-OrgID (Cortex, Mimir)"));
    m_caFile->setText(settings.value(kCaFileKey).toString());
    m_caFile->setPlaceholderText(tr("https: PEM certificates of a private CA (optional)"));
    m_skipVerification->setChecked(settings.value(kSkipVerificationKey, false).toBool());
    m_skipVerification->setToolTip(tr("https: accept any certificate, for a test server with a "
                                      "self-signed one. Anyone on the way could read the data "
                                      "and the credentials."));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("CA Certificates"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile);
    caRow->addWidget(browse);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(tr("&URL:"), m_url);
    serverForm->addRow(tr("&Authentication:"), m_auth);
    serverForm->addRow(tr("U&ser:"), m_user);
    serverForm->addRow(tr("&Password or token:"), m_secret);
    serverForm->addRow(tr("&Tenant:"), m_tenant);
    serverForm->addRow(tr("&CA file:"), caRow);
    serverForm->addRow(QString(), m_skipVerification);

    auto *queries = new QGroupBox(tr("Queries (each one a feature)"), this);
    auto *queryLayout = new QVBoxLayout(queries);
    m_queryGrid->addWidget(new QLabel(tr("Name"), this), 0, 0);
    m_queryGrid->addWidget(new QLabel(tr("PromQL"), this), 0, 1);
    m_queryGrid->setColumnStretch(1, 1);
    queryLayout->addLayout(m_queryGrid);
    auto *addQuery = new QPushButton(tr("Add &Query"), this);
    auto *queryButtons = new QHBoxLayout;
    queryButtons->addWidget(addQuery);
    queryButtons->addWidget(m_fetch);
    queryButtons->addStretch();
    queryLayout->addLayout(queryButtons);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    const QStringList remembered = settings.value(kQueriesKey).toStringList();
    for (const QString &text : remembered) {
        if (const auto query = PrometheusSource::parseQuery(text, nullptr))
            addQueryRow(query->name, query->promql);
    }
    while (m_queries.size() < std::size_t(kQueryRows))
        addQueryRow();

    auto *range = new QGroupBox(tr("Range"), this);
    auto *rangeForm = new QFormLayout(range);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_end->setDateTime(now);
    m_start->setDateTime(now.addSecs(-settings.value(kSpanKey, kDefaultSpanSeconds).toLongLong()));
    m_step->setText(settings.value(kStepKey, QStringLiteral("15s")).toString());
    rangeForm->addRow(tr("&From:"), m_start);
    rangeForm->addRow(tr("T&o:"), m_end);
    rangeForm->addRow(tr("S&tep:"), m_step);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(server);
    layout->addWidget(queries);
    layout->addWidget(range);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &PrometheusDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addQuery, &QPushButton::clicked, this, [this] { addQueryRow(); });
    connect(m_fetch, &QPushButton::clicked, this, &PrometheusDialog::fetchMetricNames);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &PrometheusDialog::showAuthFields);
    connect(&m_fetching, &QFutureWatcherBase::finished, this, [this] {
        m_fetch->setEnabled(true);
        const auto &[names, error] = m_fetching.result();
        if (!names) {
            m_problem->setText(error);
            m_problem->show();
            return;
        }
        m_metricNames->setStringList(*names);
        m_problem->setText(
            tr("%n metric name(s) offered in the PromQL fields", nullptr, int(names->size())));
        m_problem->show();
    });
    showAuthFields();
    // Room for a URL with its prefix and a PromQL expression without scrolling.
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);
}

PrometheusDialog::~PrometheusDialog()
{
    m_fetching.waitForFinished();
}

void PrometheusDialog::addQueryRow(const QString &name, const QString &promql)
{
    auto *nameEdit = new QLineEdit(name, this);
    nameEdit->setPlaceholderText(tr("cpu"));
    nameEdit->setMaximumWidth(nameEdit->fontMetrics().averageCharWidth() * 16);
    auto *promqlEdit = new QLineEdit(promql, this);
    promqlEdit->setPlaceholderText(tr("rate(container_cpu_usage_seconds_total[1m])"));
    promqlEdit->setCompleter(m_completer);
    const int row = int(m_queries.size()) + 1;
    m_queryGrid->addWidget(nameEdit, row, 0);
    m_queryGrid->addWidget(promqlEdit, row, 1);
    m_queries.emplace_back(nameEdit, promqlEdit);
}

void PrometheusDialog::showAuthFields()
{
    const auto kind = PrometheusAuth::Kind(m_auth->currentData().toInt());
    m_user->setEnabled(kind == PrometheusAuth::Kind::Basic);
    m_secret->setEnabled(kind != PrometheusAuth::Kind::None);
}

QStringList PrometheusDialog::queryTexts() const
{
    QStringList texts;
    for (const auto &[name, promql] : m_queries) {
        if (!name->text().trimmed().isEmpty() || !promql->text().trimmed().isEmpty())
            texts << name->text().trimmed() + QLatin1Char('=') + promql->text().trimmed();
    }
    return texts;
}

std::optional<PrometheusSource> PrometheusDialog::readFields(QString *problem) const
{
    PrometheusSource source;
    const std::optional<QUrl> base = PrometheusSource::baseUrlOf(m_url->text().trimmed(), problem);
    if (!base)
        return std::nullopt;
    source.baseUrl = *base;
    for (const QString &text : queryTexts()) {
        const std::optional<PrometheusQuery> query = PrometheusSource::parseQuery(text, problem);
        if (!query)
            return std::nullopt;
        source.queries.push_back(*query);
    }
    source.start = fromUtc(m_start->dateTime());
    source.end = fromUtc(m_end->dateTime());
    const std::optional<TimeNs> step = parseDuration(m_step->text().trimmed());
    if (!step || *step <= 0) {
        *problem = tr("The step '%1' is not a duration like 15s, 1m or 1h").arg(m_step->text());
        return std::nullopt;
    }
    source.step = *step;
    source.auth.kind = PrometheusAuth::Kind(m_auth->currentData().toInt());
    source.auth.user = m_user->text().trimmed();
    source.auth.secret = m_secret->text();
    if (source.auth.secret.isEmpty())
        source.auth.secret = qEnvironmentVariable(source.auth.kind == PrometheusAuth::Kind::Basic
                                                      ? "TIDELINE_PROMETHEUS_PASSWORD"
                                                      : "TIDELINE_PROMETHEUS_TOKEN");
    source.tenant = m_tenant->text().trimmed();
    if (source.tenant.isEmpty())
        source.tenant = qEnvironmentVariable("TIDELINE_PROMETHEUS_TENANT");
    source.tls.caFile = m_caFile->text().trimmed();
    source.tls.skipVerification = m_skipVerification->isChecked();
    return source;
}

void PrometheusDialog::fetchMetricNames()
{
    QString problem;
    std::optional<PrometheusSource> source = readFields(&problem);
    if (!source && !PrometheusSource::baseUrlOf(m_url->text().trimmed(), &problem)) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    if (!source) {
        // The queries may be half written: only the server and credentials matter here.
        source = PrometheusSource();
        source->baseUrl = *PrometheusSource::baseUrlOf(m_url->text().trimmed(), nullptr);
    }
    source->timeout = kNamesTimeout;
    m_fetch->setEnabled(false);
    m_problem->setText(tr("Asking %1 for its metric names…").arg(source->displayUrl()));
    m_problem->show();
    m_fetching.setFuture(QtConcurrent::run([source = *source] {
        QString error;
        std::optional<QStringList> names = PrometheusClient::metricNames(source, &error);
        return std::pair{names, error};
    }));
}

void PrometheusDialog::accept()
{
    QString problem;
    std::optional<PrometheusSource> source = readFields(&problem);
    if (source)
        problem = source->problem();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    m_source = std::move(*source);
    QSettings settings;
    settings.setValue(kUrlKey, m_url->text().trimmed());
    settings.setValue(kAuthKey, m_auth->currentData());
    settings.setValue(kUserKey, m_user->text().trimmed());
    settings.setValue(kTenantKey, m_tenant->text().trimmed());
    settings.setValue(kCaFileKey, m_caFile->text().trimmed());
    settings.setValue(kSkipVerificationKey, m_skipVerification->isChecked());
    settings.setValue(kQueriesKey, queryTexts());
    settings.setValue(kStepKey, m_step->text().trimmed());
    settings.setValue(kSpanKey, timeBetween(m_source.start, m_source.end) / kNsPerSecond);
    QDialog::accept();
}

QString PrometheusDialog::url() const
{
    return m_url->text().trimmed();
}

PrometheusSource PrometheusDialog::source() const
{
    return m_source;
}

void PrometheusDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void PrometheusDialog::setQueries(const QStringList &queries)
{
    for (const auto &[name, promql] : m_queries) {
        name->clear();
        promql->clear();
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const std::optional<PrometheusQuery> query =
            PrometheusSource::parseQuery(queries[i], nullptr);
        if (std::size_t(i) >= m_queries.size())
            addQueryRow();
        m_queries[std::size_t(i)].first->setText(query ? query->name : QString());
        m_queries[std::size_t(i)].second->setText(query ? query->promql : queries[i]);
    }
}

void PrometheusDialog::setRange(TimeNs start, TimeNs end, TimeNs step)
{
    m_start->setDateTime(utc(start));
    m_end->setDateTime(utc(end));
    m_step->setText(formatDuration(step));
}

} // namespace tideline
