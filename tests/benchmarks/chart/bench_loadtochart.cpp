// Load-to-chart time: from MainWindow::openFile to the first paint of the timeline with the
// capture's data, in the real window offscreen (1600 × 1000), then the same load split into
// its parts: loadInput alone (read, decode, bin, flows, series), one re-binning of the kept
// base bins (Traffic::series), and the window's hand-over (charts and detector panel set up)
// plus a repaint. The figure uses a 2-million-packet generated capture:
//
//   build/ui-rel/app/tideline generate --seed 3 --rate 6000 /tmp/big2m.pcap  # 2.59M packets
//   build/ui-rel/tests/benchmarks/chart/bench_loadtochart /tmp/big2m.pcap [--repeat N]
//
// The file is read once before timing so every run starts with it in the page cache.

#include "chartstack.h"
#include "mainwindow.h"
#include "timelinechart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <algorithm>

using namespace tideline;

namespace {

// Notes when the watched widget's first paint after arm() has been handled.
class FirstPaint : public QObject
{
public:
    using QObject::QObject;

    void arm(const QElapsedTimer *clock, QEventLoop *loop)
    {
        m_clock = clock;
        m_loop = loop;
        m_paintedAt = -1;
    }
    qint64 paintedAt() const { return m_paintedAt; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_clock && event->type() == QEvent::Paint && m_paintedAt < 0) {
            // The paint runs after this filter returns; the next event-loop turn is its end.
            const QElapsedTimer *clock = m_clock;
            m_clock = nullptr;
            QMetaObject::invokeMethod(
                this,
                [this, clock] {
                    m_paintedAt = clock->nsecsElapsed();
                    m_loop->quit();
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer *m_clock = nullptr;
    QEventLoop *m_loop = nullptr;
    qint64 m_paintedAt = -1;
};

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

void warmPageCache(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    while (!file.read(1 << 20).isEmpty()) {
    }
}

struct WindowRun
{
    double loaded = 0;  // openFile → loadFinished (the series is on the charts)
    double painted = 0; // openFile → first timeline paint finished
    bool ok = false;
};

WindowRun openInWindow(const QString &path)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QCoreApplication::processEvents();
    FirstPaint firstPaint;
    TimelineChart *timeline = window.timeline();
    WindowRun run;
    QElapsedTimer clock;
    // A real event loop: the GUI thread sleeps while the load runs, as in the application.
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::loadFinished, &window, [&] {
        run.loaded = ms(clock.nsecsElapsed());
        run.ok = true;
        firstPaint.arm(&clock, &loop);
        timeline->viewport()->installEventFilter(&firstPaint);
    });
    QObject::connect(&window, &MainWindow::loadFailed, &loop, &QEventLoop::quit);
    clock.start();
    window.openFile(path);
    loop.exec();
    run.painted = ms(firstPaint.paintedAt());
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tideline"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_loadtochart"));
    QTextStream out(stdout);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 2) {
        QTextStream(stderr) << "usage: bench_loadtochart CAPTURE [--repeat N]\n";
        return 2;
    }
    const QString path = arguments.at(1);
    const int repeat = std::max(
        1, arguments.value(arguments.indexOf(QStringLiteral("--repeat")) + 1, QStringLiteral("1"))
               .toInt());
    warmPageCache(path);
    out << QStringLiteral("%1: %2 MB")
               .arg(path)
               .arg(double(QFileInfo(path).size()) / 1e6, 0, 'f', 1)
        << Qt::endl;

    for (int i = 0; i < repeat; ++i) {
        const WindowRun run = openInWindow(path);
        if (!run.ok) {
            QTextStream(stderr) << "bench_loadtochart: cannot load " << path << '\n';
            return 1;
        }
        out << QStringLiteral("window: load finished %1 ms, first chart paint %2 ms")
                   .arg(run.loaded, 0, 'f', 0)
                   .arg(run.painted, 0, 'f', 0)
            << Qt::endl;
    }

    QElapsedTimer clock;
    clock.start();
    const auto input = std::make_shared<LoadedInput>(loadInput(path, {}));
    const double load = ms(clock.nsecsElapsed());
    if (!input->ok() || !input->traffic) {
        QTextStream(stderr) << "bench_loadtochart: " << path << " is not a capture\n";
        return 1;
    }
    clock.restart();
    input->traffic->series(input->series.binWidth);
    const double series = ms(clock.nsecsElapsed());

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QCoreApplication::processEvents();
    clock.restart();
    window.charts()->setSeries(std::shared_ptr<const Series>(input, &input->series), {0},
                               TimelineChart::Layout::Overlaid);
    QCoreApplication::processEvents();
    window.timeline()->viewport()->repaint();
    const double chart = ms(clock.nsecsElapsed());

    out << QStringLiteral("%L1 packets, %L2 bins of %3 s, %L4 flows")
               .arg(input->capture->packets)
               .arg(input->series.rowCount())
               .arg(double(input->series.binWidth) / double(kNsPerSecond))
               .arg(qint64(input->traffic->flows().size()))
        << Qt::endl;
    out << QStringLiteral("parts: loadInput %1 ms (of which series from bins %2 ms), charts set "
                          "up and painted %3 ms")
               .arg(load, 0, 'f', 0)
               .arg(series, 0, 'f', 1)
               .arg(chart, 0, 'f', 1)
        << Qt::endl;
    return 0;
}
