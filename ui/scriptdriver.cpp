#include "scriptdriver.h"

#include "anomalymodel.h"
#include "chartstack.h"
#include "common/timeutil.h"
#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "mainwindow.h"
#include "timelinechart.h"

#include <QTimer>
#include <cstdio>

namespace tideline {

namespace {

constexpr int kSettleMilliseconds = 300;

} // namespace

ScriptDriver::ScriptDriver(MainWindow *window, QStringList commands)
    : QObject(window)
    , m_window(window)
    , m_commands(std::move(commands))
{}

void ScriptDriver::start()
{
    QTimer::singleShot(0, this, &ScriptDriver::next);
}

void ScriptDriver::done()
{
    for (const QMetaObject::Connection &wait : std::as_const(m_waits))
        disconnect(wait);
    m_waits.clear();
    std::printf("done %d\n", m_current + 1);
    std::fflush(stdout);
    QTimer::singleShot(0, this, &ScriptDriver::next);
}

void ScriptDriver::fail(const QString &message)
{
    std::fprintf(stderr, "script line %d: %s\n", m_current + 1, qPrintable(message));
    std::fflush(stderr);
    for (const QMetaObject::Connection &wait : std::as_const(m_waits))
        disconnect(wait);
    m_waits.clear();
    emit finished(1);
}

void ScriptDriver::next()
{
    ++m_current;
    if (m_current >= m_commands.size()) {
        emit finished(0);
        return;
    }
    const QString line = m_commands[m_current].trimmed();
    const QString verb = line.section(QLatin1Char(' '), 0, 0);
    const QString rest = line.section(QLatin1Char(' '), 1);
    const QString argument = rest.section(QLatin1Char(' '), 0, 0);
    const QString text = rest.section(QLatin1Char(' '), 1);
    const auto waitFor = [this](auto signal) {
        m_waits << connect(m_window, signal, this, &ScriptDriver::done);
    };
    const auto failOn = [this](auto signal) {
        m_waits << connect(m_window, signal, this,
                           [this] { fail(QStringLiteral("the command failed")); });
    };
    AnomalyModel *model = m_window->anomalyModel();
    const auto edit = [&](int column, const QVariant &value, int role) {
        bool ok = false;
        const int row = argument.toInt(&ok);
        if (!ok || row < 0 || row >= model->rowCount())
            return fail(QStringLiteral("no row %1").arg(argument));
        model->setData(model->index(row, column), value, role);
        done();
    };
    if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
        done();
    } else if (verb == u"open") {
        waitFor(&MainWindow::loadFinished);
        failOn(&MainWindow::loadFailed);
        m_window->openFile(rest);
    } else if (verb == u"save") {
        waitFor(&MainWindow::caseSaved);
        failOn(&MainWindow::caseFailed);
        m_window->saveCase(rest);
    } else if (verb == u"train") {
        waitFor(&MainWindow::trainingFinished);
        failOn(&MainWindow::trainingFailed);
        m_window->trainWith(argument, std::nullopt);
    } else if (verb == u"percentile") {
        m_window->detectorPanel()->setPercentile(argument.toDouble());
        done();
    } else if (verb == u"detector") {
        m_window->detectorPanel()->setDetector(argument);
        if (m_window->detectorPanel()->detector() != argument)
            return fail(QStringLiteral("no detector %1").arg(argument));
        done();
    } else if (verb == u"bin") {
        const std::optional<TimeNs> width = parseDuration(argument);
        if (!width)
            return fail(QStringLiteral("'%1' is not a duration").arg(argument));
        waitFor(&MainWindow::seriesChanged);
        failOn(&MainWindow::loadFailed);
        if (!m_window->setBinWidth(*width))
            fail(QStringLiteral("bins of %1 are not offered").arg(argument));
    } else if (verb == u"mark" || verb == u"unmark") {
        edit(AnomalyModel::Marked, verb == u"mark" ? Qt::Checked : Qt::Unchecked,
             Qt::CheckStateRole);
    } else if (verb == u"label") {
        edit(AnomalyModel::Label, text, Qt::EditRole);
    } else if (verb == u"note") {
        edit(AnomalyModel::Note, text, Qt::EditRole);
    } else if (verb == u"manual") {
        m_window->detection()->addManual(argument.toLongLong(), text.toLongLong());
        done();
    } else if (verb == u"replay") {
        CaptureRequest request;
        request.replay.speed = argument.toDouble();
        request.replay.path = text;
        if (!m_window->startCapture(request))
            return fail(QStringLiteral("the capture did not start"));
        done();
    } else if (verb == u"bins") {
        const qsizetype wanted = argument.toLongLong();
        const auto shown = [this, wanted] {
            const std::shared_ptr<const Series> &series = m_window->timeline()->series();
            if (series && series->rowCount() >= wanted)
                done();
        };
        m_waits << connect(m_window, &MainWindow::liveBinsShown, this, shown);
        failOn(&MainWindow::captureStopped);
        shown();
    } else if (verb == u"normal") {
        // Rows FROM to TO (excluded) of the live chart taken as normal.
        waitFor(&MainWindow::liveModelTrained);
        failOn(&MainWindow::captureStopped);
        m_window->charts()->setSelection(argument.toDouble(), text.toDouble());
        if (!m_window->trainLiveOnSelection())
            fail(QStringLiteral("no capture to train"));
    } else if (verb == u"stop") {
        if (!m_window->isCapturing())
            return done();
        waitFor(&MainWindow::captureStopped);
        m_window->stopCapture();
    } else if (verb == u"grab") {
        // After the layouts and refreshes that were coalesced on timers.
        QTimer::singleShot(kSettleMilliseconds, this, [this, rest] {
            if (!m_window->grab().save(rest, "PNG"))
                return fail(QStringLiteral("cannot write %1").arg(rest));
            done();
        });
    } else if (verb == u"quit") {
        emit finished(0);
    } else {
        fail(QStringLiteral("unknown command '%1'").arg(verb));
    }
}

} // namespace tideline
