#include "mainwindow.h"

#include <QApplication>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>

namespace tideline {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Tideline"));
    resize(1200, 760);
    createMenus();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    menuBar()->addMenu(tr("&View"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tideline"), this, &MainWindow::showAbout);
}

void MainWindow::openFile(const QString &path)
{
    emit loadFailed(path, tr("Loading is not available yet"));
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open capture or table"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Tideline"),
                       tr("<h3>Tideline %1</h3><p>A workbench for finding anomalies in network "
                          "traffic.</p><p>Licensed under the GNU General Public License, version 3 "
                          "or later.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace tideline
