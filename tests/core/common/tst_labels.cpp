#include "common/labels.h"

#include <QTest>

using namespace tideline;

class TestLabels : public QObject
{
    Q_OBJECT

private slots:
    void attackLabels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("attack");
        // What the table binner and evaluation used to disagree on: "none" and "0.00".
        for (const char *benign : {"", " ", "-", "normal", "Normal", "BENIGN", "benign", " false ",
                                   "none", "None", "0", " 0 ", "0.0", "0.00", "-0", "0e3"})
            QTest::newRow(benign) << QString::fromLatin1(benign) << false;
        for (const char *attack : {"1", "0.5", "attack", "neptune", "DoS Hulk", "DDoS", "PortScan",
                                   "true", "Exploits", "0x", "normal.", "00:00"})
            QTest::newRow(attack) << QString::fromLatin1(attack) << true;
    }
    void attackLabels()
    {
        QFETCH(QString, label);
        QFETCH(bool, attack);
        QCOMPARE(isAttackLabel(QStringView(label)), attack);
        const QByteArray utf8 = label.toUtf8();
        QCOMPARE(isAttackLabel(std::string_view(utf8.constData(), std::size_t(utf8.size()))),
                 attack);
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
