#pragma once

#include <QObject>
#include <QStringList>

namespace tideline {

class MainWindow;

// Drives the window from a script file, one command a line, as the analyst would through the
// menus and the anomaly table, printing "done N" on stdout once command N has taken effect
// (its change shown, and saved when a case is open). For tests that kill a real tideline
// process part-way and check what it had shown (`tideline --script FILE`).
//
//   open PATH             File ▸ Open (a capture, a table or a case)
//   save PATH             File ▸ Save Case
//   train DETECTOR        Detect ▸ Train with that detector
//   percentile P          the threshold spin box
//   detector NAME         the Detector panel's detector box
//   bin WIDTH             the bin width box ("2s", "1m")
//   mark ROW | unmark ROW the Export check box of the table's row (model order)
//   label ROW TEXT        the Label cell
//   note ROW TEXT         the Note cell
//   manual FIRST LAST     Detect ▸ Mark Selected Range over series rows FIRST..LAST
//   replay SPEED PATH     Capture ▸ Start on PATH replayed at SPEED times real time (0: at once)
//   bins N                waits until the capture's timeline shows N bins
//   normal FROM TO        Capture ▸ Train on Selection as Normal over rows FROM..TO-1
//   stop                  Capture ▸ Stop, done once stopped
//   grab PATH             saves a picture of the window (PNG)
//   quit
//
// Commands are read from the whole script at once; each starts when the one before is done.
class ScriptDriver : public QObject
{
    Q_OBJECT

public:
    ScriptDriver(MainWindow *window, QStringList commands);
    void start();

signals:
    // After the last command (or `quit`): 0, or 1 when a command failed.
    void finished(int status);

private:
    void next();
    void done();
    void fail(const QString &message);

    MainWindow *m_window;
    QStringList m_commands;
    int m_current = -1;
    QList<QMetaObject::Connection> m_waits;
};

} // namespace tideline
