#include "common/csvtable.h"
#include "common/csvwriter.h"
#include "fixturedir.h"

#include <QTest>

using namespace tideline;

namespace {

QStringList list(std::initializer_list<const char *> fields)
{
    QStringList out;
    for (const char *field : fields)
        out << QString::fromUtf8(field);
    return out;
}

// The current record's first `count` fields as text.
QStringList fields(const CsvTable &csv, qsizetype count)
{
    QStringList out;
    for (int i = 0; i < int(count); ++i)
        out << csv.field(i);
    return out;
}

// The line CsvTable reports a problem with the current record at.
qint64 lineOf(CsvTable &csv, Diagnostics &diagnostics)
{
    csv.error(-1, QStringLiteral("where"));
    const qint64 line = diagnostics.back().record;
    diagnostics.pop_back();
    return line;
}

} // namespace

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
        QCOMPARE(csv.text(0), QStringLiteral("1"));
        QCOMPARE(csv.text(1), QStringLiteral("2"));
        QVERIFY(csv.next()); // the blank line is skipped
        QCOMPARE(csv.text(0), QStringLiteral("3"));
        QCOMPARE(csv.field(1), QString()); // a short record
        QCOMPARE(csv.text(-1), QString());
        QVERIFY(!csv.next());
        QVERIFY(!csv.next());
        QVERIFY(diagnostics.empty());
    }

    void readsRecords_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("records"); // after the header
        QTest::addColumn<QList<qint64>>("lines");
        QTest::newRow("crlf and lf")
            << QByteArray("h1,h2\r\na,b\r\n1,2\n")
            << QList<QStringList>{list({"a", "b"}), list({"1", "2"})} << QList<qint64>{2, 3};
        QTest::newRow("lone cr") << QByteArray("h\ra,b\r1,2\r")
                                 << QList<QStringList>{list({"a", "b"}), list({"1", "2"})}
                                 << QList<qint64>{2, 3};
        QTest::newRow("quotes") << QByteArray("h\n\"x, y\",\"say \"\"hi\"\"\",\n")
                                << QList<QStringList>{list({"x, y", "say \"hi\"", ""})}
                                << QList<qint64>{2};
        QTest::newRow("line break in quotes")
            << QByteArray("h\n\"one\r\ntwo\",3\nnext,4")
            << QList<QStringList>{list({"one\r\ntwo", "3"}), list({"next", "4"})}
            << QList<qint64>{2, 4};
        QTest::newRow("blank lines")
            << QByteArray("\nh\n\n1\n  \n\t\n2\n\n") << QList<QStringList>{list({"1"}), list({"2"})}
            << QList<qint64>{4, 7};
        QTest::newRow("utf-8") << QByteArray("h\ncaf\xC3\xA9,\"\xE2\x82\xAC\"\n")
                               << QList<QStringList>{list({"caf\xC3\xA9", "\xE2\x82\xAC"})}
                               << QList<qint64>{2};
    }
    void readsRecords()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, records);
        QFETCH(QList<qint64>, lines);
        Diagnostics diagnostics;
        CsvTable csv(m_dir.write("records.csv", input), diagnostics);
        QList<QStringList> got;
        QList<qint64> gotLines;
        while (csv.next() && got.size() <= records.size()) {
            got << fields(csv, got.size() < records.size() ? records[got.size()].size() : 1);
            gotLines << lineOf(csv, diagnostics);
        }
        QCOMPARE(got, records);
        QCOMPARE(gotLines, lines);
        QVERIFY(diagnostics.empty());
    }

    void byteOrderMarkIsSkipped()
    {
        Diagnostics diagnostics;
        CsvTable csv(m_dir.write("bom.csv", "\xEF\xBB\xBFtime,v\n1,2\n"), diagnostics);
        QCOMPARE(csv.column(u"time"), 0);
        QVERIFY(csv.next());
        QCOMPARE(csv.text(0), QStringLiteral("1"));
    }

    void writtenRecordsReadBack()
    {
        const QStringList header{QStringLiteral("a"), QStringLiteral("b")};
        const QStringList record{QStringLiteral("x, \"y\"\r\nz"), QStringLiteral(" edge "),
                                 QString(), QStringLiteral("caf\u00e9 \u20ac")};
        Diagnostics diagnostics;
        CsvTable csv(m_dir.write("written.csv", csvRecord(header) + csvRecord(record)),
                     diagnostics);
        QVERIFY(csv.next());
        QCOMPARE(fields(csv, record.size()), record);
        QVERIFY(csv.bytes(int(record.size())).empty());
        QVERIFY(!csv.next());
        QVERIFY(diagnostics.empty());
    }

    void findsColumnsLoosely()
    {
        const QStringList header{QStringLiteral(" Flow Duration"), QStringLiteral(" Label ")};
        QCOMPARE(csvColumn(header, u"label"), 1);
        QCOMPARE(csvColumn(header, u"flow duration"), 0);
        QCOMPARE(csvColumn(header, u"x"), -1);
    }

    void namesColumnsOfAHeaderlessFile()
    {
        Diagnostics diagnostics;
        const QString path = m_dir.write("headerless.csv", "\n1,a\n2,b\n");
        CsvTable csv(path, diagnostics);
        QVERIFY(!csv.nameColumns({QStringLiteral("n")}));
        QVERIFY(csv.nameColumns({QStringLiteral("n"), QStringLiteral("label")}));
        QCOMPARE(csv.column(u"label"), 1);
        QVERIFY(csv.next()); // the first record is data
        QCOMPARE(csv.text(1), QStringLiteral("a"));
        QCOMPARE(lineOf(csv, diagnostics), qint64(2));
        QVERIFY(!csv.nameColumns({QStringLiteral("m"), QStringLiteral("kind")}));
        QCOMPARE(csv.column(u"label"), 1);
        QVERIFY(csv.next());
        QCOMPARE(csv.text(0), QStringLiteral("2"));
        QVERIFY(!csv.next());
        csv.headerError(QStringLiteral("header"));
        QCOMPARE(diagnostics.back().record, qint64(2)); // where the first record is
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
        QVERIFY(diagnostics[2].message.contains(u"line 5 is never closed"));
        QCOMPARE(diagnostics[3].record, qint64(1));
        for (const Diagnostic &d : diagnostics)
            QCOMPARE(d.severity, Diagnostic::Severity::Error);
    }

    void oversizedRecordsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("recordsRead");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("message");
        const QByteArray commas(CsvTokenizer::kMaxFields, ',');
        const QByteArray longest(CsvTokenizer::kMaxRecordBytes, 'x');
        const QString fields = QStringLiteral("a row (or header) with more than 10000 fields");
        const QString bytes = QStringLiteral("a row (or header) longer than 4 MB");
        QTest::newRow("header of commas")
            << QByteArray("a" + commas + "\n1\n") << -1 << qint64(1) << fields;
        QTest::newRow("row of commas")
            << QByteArray("a,b\n1,2\n" + commas + "\n3,4\n") << 1 << qint64(3) << fields;
        QTest::newRow("long row") << QByteArray("a,b\n\n1,2\n3," + longest + "\n5,6\n") << 1
                                  << qint64(4) << bytes;
        QTest::newRow("long quoted header")
            << QByteArray("\"" + longest + "\"\n1\n") << -1 << qint64(1) << bytes;
    }
    void oversizedRecordsAreRefused()
    {
        // The limits of the table readers' tokenizer: a hostile file is refused at the record
        // that passes them, with the file, the line and the limit named.
        QFETCH(QByteArray, data);
        QFETCH(int, recordsRead);
        QFETCH(qint64, line);
        QFETCH(QString, message);
        Diagnostics diagnostics;
        const QString path = m_dir.write("huge.csv", data);
        CsvTable csv(path, diagnostics);
        QCOMPARE(csv.isOpen(), recordsRead >= 0);
        int records = 0;
        while (csv.next())
            ++records;
        QCOMPARE(records, std::max(recordsRead, 0));
        QVERIFY(!csv.next());
        QCOMPARE(diagnostics.size(), std::size_t(1));
        const Diagnostic &d = diagnostics.front();
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QCOMPARE(d.file, path);
        QCOMPARE(d.record, line);
        QVERIFY2(d.message.startsWith(message), qPrintable(d.message));
    }

    void missingOrEmptyFile_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("line");
        QTest::newRow("missing") << false << QByteArray() << qint64(0);
        QTest::newRow("empty") << true << QByteArray() << qint64(1);
        QTest::newRow("byte-order mark only") << true << QByteArray("\xEF\xBB\xBF") << qint64(1);
        QTest::newRow("blank lines only") << true << QByteArray("\r\n \n\n") << qint64(1);
    }
    void missingOrEmptyFile()
    {
        QFETCH(bool, exists);
        QFETCH(QByteArray, content);
        QFETCH(qint64, line);
        const QString path = exists ? m_dir.write("empty.csv", content)
                                    : m_dir.filePath(QStringLiteral("absent.csv"));
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
