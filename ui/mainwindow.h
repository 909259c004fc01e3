#pragma once

#include <QMainWindow>

namespace tideline {

// The workbench window: menus, the timeline of the opened file, and (later) the detector panel.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Loads `path` in the background and shows it when ready.
    void openFile(const QString &path);

signals:
    void loadFinished(const QString &path);
    void loadFailed(const QString &path, const QString &message);

private:
    void createMenus();
    void showOpenDialog();
    void showAbout();
};

} // namespace tideline
