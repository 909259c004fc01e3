#include "screenshot.h"

#include "detectioncontroller.h"
#include "detectorpanel.h"
#include "inspectorpanel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

namespace tideline {

namespace {

// Charts lay themselves out over the next few event-loop turns; let them settle first.
constexpr int kSettleMilliseconds = 300;

void fail(const QString &message)
{
    QTextStream(stderr) << QStringLiteral("tideline: ") << message << '\n';
    QApplication::exit(1);
}

} // namespace

int saveScreenshot(MainWindow &window, const ScreenshotRequest &request)
{
    const auto save = [&window, request] {
        if (!window.grab().save(request.outPng)) {
            fail(QApplication::translate("screenshot", "cannot write %1").arg(request.outPng));
            return;
        }
        QApplication::exit(0);
    };
    const auto saveLater = [&window, save] {
        const auto settle = [&window, save] {
            QTimer::singleShot(kSettleMilliseconds, &window, save);
        };
        if (!window.detection()->isDescribing()) {
            settle();
            return;
        }
        // The table shows every row's kind and summary: wait for those still being described.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection =
            QObject::connect(window.detection(), &DetectionController::descriptionsChanged, &window,
                             [&window, settle, connection] {
                                 if (window.detection()->isDescribing())
                                     return;
                                 QObject::disconnect(*connection);
                                 settle();
                             });
    };

    QObject::connect(&window, &MainWindow::loadFinished, &window, [&window, request, saveLater] {
        QString why;
        if (!request.truth.isEmpty() && !window.loadTruth(request.truth, &why)) {
            fail(QApplication::translate("screenshot", "no truth from %1: %2")
                     .arg(request.truth, why));
            return;
        }
        if (!request.series.isEmpty()) {
            auto *box = window.findChild<QComboBox *>(QStringLiteral("featureBox"));
            const int entry = box->findText(request.series);
            if (entry < 0) {
                fail(QApplication::translate("screenshot", "no series %1").arg(request.series));
                return;
            }
            box->setCurrentIndex(entry);
        }
        if (request.detector.isEmpty()) {
            saveLater();
        } else if (!request.modelFrom.isEmpty()) {
            window.detectorPanel()->setDetector(request.detector);
            if (request.percentile)
                window.detectorPanel()->setPercentile(*request.percentile);
            window.trainFrom(request.modelFrom);
        } else {
            window.trainWith(request.detector, request.percentile);
        }
    });
    QObject::connect(&window, &MainWindow::trainingFinished, &window, [&window, saveLater] {
        if (window.detection()->rows().empty()) {
            saveLater();
            return;
        }
        // The inspector fills its tabs in the background: show them filled.
        QObject::connect(window.inspector(), &InspectorPanel::intervalShown, &window, saveLater,
                         Qt::SingleShotConnection);
        window.selectAnomaly(0);
    });
    QObject::connect(&window, &MainWindow::loadFailed, &window,
                     [](const QString &, const QString &message) { fail(message); });
    QObject::connect(&window, &MainWindow::trainingFailed, &window, &fail);

    window.resize(1600, 1000);
    window.show();
    if (PrometheusSource::isSourceUrl(request.file))
        window.openPrometheus(request.file, request.prometheus);
    else
        window.openFile(request.file);
    return QApplication::exec();
}

} // namespace tideline
