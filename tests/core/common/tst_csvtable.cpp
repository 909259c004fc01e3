#include "common/csvtable.h"
#include "fixturedir.h"

#include <QTest>

using namespace tideline;

class TestCsvTable : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;

private slots:
    void findsColumnsByName()
    {
        Diagnostics diagnostics;
        CsvTable csv(m_dir.write("header.csv", " Start , END,Label\n"), diagnostics);
        QVERIFY(csv.isOpen());
        QCOMPARE(csv.column(u"start"), 0);
        QCOMPARE(csv.column(u"end"), 1);
        QCOMPARE(csv.column(u"kind"), -1);
        QCOMPARE(csv.firstColumn({u"is_anomaly", u"label", u"end"}), 2);
        QCOMPARE(csv.firstColumn({u"class", u"anomaly"}), -1);
        QVERIFY(diagnostics.empty());
    }

    void readsRecordsSkippingBlankLines()
    {
        Diagnostics diagnostics;
        CsvTable csv(m_dir.write("rows.csv", "a,b\r\n 1 ,2\r\n\r\n3\r\n"), diagnostics);
        QVERIFY(csv.next());
        QCOMPARE(csv.field(0), QStringLiteral(" 1 "));
        QCOMPARE(csv.text(0), u"1");
        QCOMPARE(csv.text(1), u"2");
        QVERIFY(csv.next()); // the blank line is skipped
        QCOMPARE(csv.text(0), u"3");
        QCOMPARE(csv.field(1), QString()); // a short record
        QCOMPARE(csv.text(-1), QStringView());
        QVERIFY(!csv.next());
        QVERIFY(!csv.next());
        QVERIFY(diagnostics.empty());
    }

    void reportsErrorsAtLineAndColumn()
    {
        Diagnostics diagnostics;
        const QString path = m_dir.write("errors.csv", "a,b\n1,2\n\n3,x\n\"open,4\n");
        CsvTable csv(path, diagnostics);
        QVERIFY(csv.next());
        QVERIFY(csv.next());
        csv.error(1, QStringLiteral("bad"));
        csv.error(-1, QStringLiteral("whole"));
        QVERIFY(!csv.next()); // the quote never closes: reported once, at its line
        QVERIFY(!csv.next());
        csv.headerError(QStringLiteral("header"));
        QCOMPARE(diagnostics.size(), std::size_t(4));
        QCOMPARE(diagnostics[0].file, path);
        QCOMPARE(diagnostics[0].record, qint64(4));
        QCOMPARE(diagnostics[0].column, 2);
        QCOMPARE(diagnostics[0].message, QStringLiteral("bad"));
        QCOMPARE(diagnostics[1].column, 0);
        QCOMPARE(diagnostics[2].record, qint64(5));
        QCOMPARE(diagnostics[2].column, 0);
        QVERIFY(diagnostics[2].message.contains(u"never closed"));
        QCOMPARE(diagnostics[3].record, qint64(1));
        for (const Diagnostic &d : diagnostics)
            QCOMPARE(d.severity, Diagnostic::Severity::Error);
    }

    void missingOrEmptyFile_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<qint64>("line");
        QTest::newRow("missing") << false << qint64(0);
        QTest::newRow("empty") << true << qint64(1);
    }
    void missingOrEmptyFile()
    {
        QFETCH(bool, exists);
        QFETCH(qint64, line);
        const QString path =
            exists ? m_dir.write("empty.csv", "") : m_dir.filePath(QStringLiteral("absent.csv"));
        Diagnostics diagnostics;
        CsvTable csv(path, diagnostics);
        QVERIFY(!csv.isOpen());
        QVERIFY(!csv.next());
        QCOMPARE(diagnostics.size(), std::size_t(1));
        QCOMPARE(diagnostics.front().record, line);
        QCOMPARE(diagnostics.front().file, path);
    }
};

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csvtable.moc"
