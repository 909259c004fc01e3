#pragma once

#include "remote/prometheussource.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>
#include <optional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QDateTimeEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;

namespace tideline {

// File ▸ Open from Prometheus…: the server (URL with its path prefix), who we are (none, basic,
// Bearer; a tenant; for https, a CA file or no verification), the queries each becoming a feature
// (metric names offered from the server), the range and the step. Everything but the password or
// token is remembered; those stay in memory, and default to TIDELINE_PROMETHEUS_PASSWORD / _TOKEN.
class PrometheusDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PrometheusDialog(QWidget *parent = nullptr);
    ~PrometheusDialog() override;

    // The source URL (prometheus+http(s)://…) and what to read there, once accepted.
    QString url() const;
    PrometheusSource source() const;

    void accept() override;

    // For tests and scripts: fill the fields as the analyst would.
    void setUrl(const QString &url);
    void setQueries(const QStringList &queries); // NAME=PROMQL each
    void setRange(TimeNs start, TimeNs end, TimeNs step);

private:
    void addQueryRow(const QString &name = {}, const QString &promql = {});
    void fetchMetricNames();
    void showAuthFields();
    // The source as the fields say, or the reason it cannot be read.
    std::optional<PrometheusSource> readFields(QString *problem) const;
    QStringList queryTexts() const;

    QLineEdit *m_url;
    QComboBox *m_auth;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QLineEdit *m_tenant;
    QLineEdit *m_caFile;
    QCheckBox *m_skipVerification;
    QGridLayout *m_queryGrid;
    QPushButton *m_fetch;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLineEdit *m_step;
    QLabel *m_problem;
    QStringListModel *m_metricNames;
    QCompleter *m_completer;
    std::vector<std::pair<QLineEdit *, QLineEdit *>> m_queries;
    QFutureWatcher<std::pair<std::optional<QStringList>, QString>> m_fetching;
    PrometheusSource m_source;
};

} // namespace tideline
