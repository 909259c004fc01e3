#include "recordmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tideline;

// The rows of a table without times, as the inspector shows them.
class TestRecordModel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheRowsAsTheFileWroteThem()
    {
        RecordModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 0);
        auto records = std::make_shared<RowRecords>(
            QStringList{QStringLiteral("dur"), QStringLiteral("proto"), QStringLiteral("label")}, 2,
            ';');
        for (const char *row : {"0.5;tcp;0", "10;udp;1", "2;\"icmp;echo\";0", "3;tcp"})
            records->add(row);

        model.setRows(records, 1, 10); // past the end: as many as there are
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("dur"));
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("icmp;echo"));
        QCOMPARE(model.index(2, 2).data().toString(), QString()); // a short row
        // Numbers sort as numbers: 10 after 2.
        QVERIFY(model.index(0, 0).data(RecordModel::SortRole).toDouble() >
                model.index(1, 0).data(RecordModel::SortRole).toDouble());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
    }
};

QTEST_MAIN(TestRecordModel)
#include "tst_recordmodel.moc"
