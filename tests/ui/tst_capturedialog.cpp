// Capture ▸ Start…: the capture filter is checked as it is typed (a bad one disables Start and
// says why under the field), the interfaces are listed with their state and addresses, and
// every choice is remembered.

#include "capturedialog.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace tideline;

namespace {

QPushButton *startButton(const CaptureDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QTreeWidgetItem *loopback(const CaptureDialog &dialog)
{
    const auto *interfaces = dialog.findChild<QTreeWidget *>(QStringLiteral("interfaces"));
    for (int i = 0; i < interfaces->topLevelItemCount(); ++i) {
        if (interfaces->topLevelItem(i)->data(0, Qt::UserRole).toString() == QStringLiteral("lo"))
            return interfaces->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestCaptureDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TidelineCaptureDialogTest"));
    }

    void init() { QSettings().clear(); }

    void listsTheLoopbackInterface()
    {
        CaptureDialog dialog;
        const QTreeWidgetItem *lo = loopback(dialog);
        if (!lo)
            QSKIP("libpcap lists no lo here");
        QCOMPARE(lo->text(1), QStringLiteral("up"));
        QVERIFY2(lo->text(2).contains(QStringLiteral("127.0.0.1")), qPrintable(lo->text(2)));
        QVERIFY(lo->text(0).contains(QStringLiteral("loopback")));
    }

    void badFilterDisablesStart()
    {
        CaptureDialog dialog;
        if (!loopback(dialog))
            QSKIP("libpcap lists no lo here");
        QVERIFY(dialog.selectInterface(QStringLiteral("lo")));
        auto *filter = dialog.findChild<QLineEdit *>(QStringLiteral("filter"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("filterProblem"));
        QVERIFY(startButton(dialog)->isEnabled());

        filter->setText(QStringLiteral("tcp port"));
        QVERIFY(!startButton(dialog)->isEnabled());
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().contains(QStringLiteral("syntax")), qPrintable(problem->text()));
        dialog.accept(); // Enter does nothing while it is wrong
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        filter->setText(QStringLiteral("tcp port 443 or udp"));
        QVERIFY(startButton(dialog)->isEnabled());
        QVERIFY(problem->isHidden());
        QCOMPARE(dialog.request().capture.filter, QStringLiteral("tcp port 443 or udp"));
    }

    void ringNeedsAFolder()
    {
        CaptureDialog dialog;
        if (!dialog.selectInterface(QStringLiteral("lo")))
            QSKIP("libpcap lists no lo here");
        auto *ring = dialog.findChild<QGroupBox *>(QStringLiteral("ring"));
        ring->setChecked(true);
        QVERIFY(!startButton(dialog)->isEnabled());
        dialog.findChild<QLineEdit *>(QStringLiteral("ringFolder"))
            ->setText(QStringLiteral("/tmp/ring"));
        QVERIFY(startButton(dialog)->isEnabled());
    }

    void batchDetectorDisablesStart()
    {
        CaptureDialog dialog;
        if (!dialog.selectInterface(QStringLiteral("lo")))
            QSKIP("libpcap lists no lo here");
        dialog.setDetector(QStringLiteral("isolation_forest"),
                           QStringLiteral("isolation_forest scores rows only together"));
        QVERIFY(!startButton(dialog)->isEnabled());
        const auto *detector = dialog.findChild<QLabel *>(QStringLiteral("detector"));
        QVERIFY(detector->text().contains(QStringLiteral("scores rows only together")));
        dialog.setDetector(QStringLiteral("windowed_gaussian"), QString());
        QVERIFY(startButton(dialog)->isEnabled());
    }

    void remembersTheChoices()
    {
        {
            CaptureDialog dialog;
            if (!dialog.selectInterface(QStringLiteral("lo")))
                QSKIP("libpcap lists no lo here");
            dialog.findChild<QLineEdit *>(QStringLiteral("filter"))->setText(QStringLiteral("udp"));
            dialog.findChild<QSpinBox *>(QStringLiteral("snapLength"))->setValue(128);
            dialog.findChild<QGroupBox *>(QStringLiteral("ring"))->setChecked(true);
            dialog.findChild<QLineEdit *>(QStringLiteral("ringFolder"))
                ->setText(QStringLiteral("/tmp/ring"));
            dialog.findChild<QSpinBox *>(QStringLiteral("ringFiles"))->setValue(4);
            dialog.findChild<QSpinBox *>(QStringLiteral("ringMegabytes"))->setValue(20);
            dialog.findChild<QSpinBox *>(QStringLiteral("warmUp"))->setValue(30);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        CaptureDialog again;
        const CaptureRequest request = again.request();
        QCOMPARE(request.capture.interface, QStringLiteral("lo"));
        QCOMPARE(request.capture.filter, QStringLiteral("udp"));
        QCOMPARE(request.capture.snapLength, 128);
        QCOMPARE(request.capture.ringDirectory, QStringLiteral("/tmp/ring"));
        QCOMPARE(request.capture.ringFiles, 4);
        QCOMPARE(request.capture.ringFileBytes, qint64(20'000'000));
        QCOMPARE(request.warmUpBins, 30);
        QCOMPARE(request.binWidth, kNsPerSecond);
        QVERIFY(!request.isReplay());
    }
};

QTEST_MAIN(TestCaptureDialog)
#include "tst_capturedialog.moc"
