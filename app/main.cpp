// Tideline: the workbench window, or a headless command on the same core.

#include "appearance.h"
#include "cli.h"
#include "mainwindow.h"
#include "screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
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
    return tideline::cli::findCommand(QString::fromLocal8Bit(first)) != nullptr;
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
    parser.addOptions({screenshot, detector, percentile, series, modelFrom, palette});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QApplication::translate("main", "A capture or table to open."),
                                 QStringLiteral("[FILE]"));
    if (!parser.parse(app.arguments())) {
        tideline::cli::err() << parser.errorText() << Qt::endl;
        return tideline::cli::UsageError;
    }
    const QString file = parser.positionalArguments().value(0);
    if (parser.isSet(palette) && !tideline::appearance::apply(parser.value(palette)))
        return tideline::cli::usageError(
            QApplication::translate("main", "--palette needs one of: %1")
                .arg(tideline::appearance::names().join(QStringLiteral(", "))));

    tideline::MainWindow window;
    if (parser.isSet(screenshot)) {
        if (file.isEmpty())
            return tideline::cli::usageError(
                QApplication::translate("main", "--screenshot needs a FILE to open"));
        tideline::ScreenshotRequest request{
            file,         parser.value(screenshot), parser.value(detector),
            std::nullopt, parser.value(series),     parser.value(modelFrom)};
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
    if (!file.isEmpty())
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
