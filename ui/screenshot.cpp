#include "screenshot.h"

#include "mainwindow.h"

#include <QApplication>
#include <QPixmap>
#include <QTextStream>

namespace tideline {

int saveScreenshotWhenLoaded(MainWindow &window, const QString &file, const QString &outPng)
{
    int status = 1;
    QObject::connect(&window, &MainWindow::loadFinished, &window, [&] {
        window.show();
        const QPixmap picture = window.grab();
        if (picture.save(outPng)) {
            status = 0;
        } else {
            QTextStream(stderr)
                << QApplication::translate("screenshot", "tideline: cannot write %1\n").arg(outPng);
        }
        QApplication::quit();
    });
    QObject::connect(&window, &MainWindow::loadFailed, &window,
                     [&](const QString &, const QString &message) {
                         QTextStream(stderr) << QStringLiteral("tideline: ") << message << '\n';
                         QApplication::quit();
                     });
    window.resize(1400, 900);
    window.openFile(file);
    QApplication::exec();
    return status;
}

} // namespace tideline
