// Tideline: the workbench window, or a headless command on the same core.

#include "appearance.h"
#include "cli.h"
#include "detect/detectorregistry.h"
#include "mainwindow.h"
#include "prometheusoptions.h"
#include "screenshot.h"
#include "scriptdriver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstring>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Tideline"));
    QCoreApplication::setApplicationName(QStringLiteral("tideline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDELINE_VERSION));
}

// Our own strings (compiled into the binary) and Qt's, for the user's locale.
void installTranslators(QCoreApplication &app)
{
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("tideline"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// Commands, --help and --version never need a display.
bool isHeadless(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    for (const char *flag : {"-h", "--help", "-v", "--version"}) {
        if (std::strcmp(first, flag) == 0)
            return true;
    }
    const QString name = QString::fromLocal8Bit(first);
    return tideline::cli::findCommand(name) != nullptr || tideline::cli::isMistypedCommand(name);
}

int runWindow(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Network traffic anomaly workbench"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window after loading FILE, save it, and exit."),
        QApplication::translate("main", "OUT.png"));
    const QCommandLineOption detector(
        QStringLiteral("detector"),
        QApplication::translate("main", "With --screenshot: train this detector first."),
        QStringLiteral("NAME"));
    const QCommandLineOption percentile(
        QStringLiteral("percentile"),
        QApplication::translate("main", "With --screenshot: the threshold percentile."),
        QStringLiteral("P"));
    const QCommandLineOption series(
        QStringLiteral("series"),
        QApplication::translate("main", "With --screenshot: the Series entry to draw."),
        QStringLiteral("NAME"));
    const QCommandLineOption palette(
        QStringLiteral("palette"),
        QApplication::translate("main", "The window's colours: %1 (default: system).")
            .arg(tideline::appearance::names().join(QStringLiteral(", "))),
        QStringLiteral("NAME"));
    const QCommandLineOption modelFrom(
        QStringLiteral("model-from"),
        QApplication::translate("main", "With --screenshot and --detector: train on this file "
                                        "and score FILE, as Train on Another File… does."),
        QStringLiteral("TRAIN_FILE"));
    const QCommandLineOption truth(
        QStringLiteral("truth"),
        QApplication::translate("main", "Known anomalies to draw under FILE's timeline, as "
                                        "Detect ▸ Load Truth… does."),
        QStringLiteral("TRUTH"));
    // For tests: drive the window from a file of commands (see ui/scriptdriver.h).
    QCommandLineOption script(QStringLiteral("script"), QString(), QStringLiteral("FILE"));
    script.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {screenshot, detector, percentile, series, modelFrom, truth, palette, script});
    const tideline::cli::PrometheusOptions prometheusOptions;
    prometheusOptions.addTo(parser);
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QApplication::translate("main", "A capture, table or case to open, or a "
                                        "prometheus+http(s):// URL with --query, --start, --end."),
        QStringLiteral("[FILE]"));
    if (!parser.parse(app.arguments())) {
        tideline::cli::err() << parser.errorText() << Qt::endl;
        return tideline::cli::UsageError;
    }
    const QString file = parser.positionalArguments().value(0);
    tideline::PrometheusSource prometheus;
    if (const auto status = prometheusOptions.read(parser, file, prometheus))
        return *status;
    if (parser.isSet(palette) && !tideline::appearance::apply(parser.value(palette)))
        return tideline::cli::usageError(
            QApplication::translate("main", "--palette needs one of: %1")
                .arg(tideline::appearance::names().join(QStringLiteral(", "))));

    if (parser.isSet(detector) && !tideline::findDetector(parser.value(detector)))
        return tideline::cli::usageError(
            QApplication::translate("main", "unknown detector '%1' (see tideline detectors)")
                .arg(parser.value(detector)));

    tideline::MainWindow window;
    if (parser.isSet(screenshot)) {
        if (file.isEmpty())
            return tideline::cli::usageError(
                QApplication::translate("main", "--screenshot needs a FILE to open"));
        tideline::ScreenshotRequest request{file,
                                            parser.value(screenshot),
                                            parser.value(detector),
                                            std::nullopt,
                                            parser.value(series),
                                            parser.value(modelFrom),
                                            parser.value(truth),
                                            prometheus};
        if (parser.isSet(percentile)) {
            bool ok = false;
            request.percentile = parser.value(percentile).toDouble(&ok);
            if (!ok)
                return tideline::cli::usageError(
                    QApplication::translate("main", "--percentile needs a number"));
        }
        return tideline::saveScreenshot(window, request);
    }
    window.show();
    if (parser.isSet(script)) {
        QFile commands(parser.value(script));
        if (!commands.open(QIODevice::ReadOnly | QIODevice::Text))
            return tideline::cli::usageError(
                QStringLiteral("--script: %1").arg(commands.errorString()));
        auto *driver = new tideline::ScriptDriver(
            &window, QString::fromUtf8(commands.readAll()).split(QLatin1Char('\n')));
        QObject::connect(driver, &tideline::ScriptDriver::finished, &app, &QApplication::exit);
        driver->start();
        return app.exec();
    }
    if (!file.isEmpty() && parser.isSet(truth)) {
        const QString truthPath = parser.value(truth);
        QObject::connect(
            &window, &tideline::MainWindow::loadFinished, &window,
            [&window, truthPath] { window.loadTruth(truthPath); }, Qt::SingleShotConnection);
    }
    if (tideline::PrometheusSource::isSourceUrl(file))
        window.openPrometheus(file, prometheus);
    else if (!file.isEmpty())
        window.openFile(file);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    setApplicationInfo();
    if (isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        installTranslators(app);
        return tideline::cli::run(app.arguments());
    }
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tideline.svg")));
    installTranslators(app);
    return runWindow(app);
}
