#include "common/csvtokenizer.h"

#include <QTest>

using namespace tideline;

namespace {

struct Record
{
    QStringList fields;
    qint64 line;
};

std::vector<Record> tokenize(const QByteArray &data, char delimiter, bool *unterminated = nullptr)
{
    CsvTokenizer tokenizer(std::string_view(data.constData(), std::size_t(data.size())), delimiter);
    std::vector<Record> records;
    while (tokenizer.next()) {
        QStringList fields;
        for (std::string_view f : tokenizer.fields())
            fields << QString::fromUtf8(f.data(), qsizetype(f.size()));
        records.push_back({fields, tokenizer.line()});
        if (unterminated)
            *unterminated = tokenizer.unterminatedQuote();
    }
    return records;
}

} // namespace

class TestCsvTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void fields_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<QStringList>("expected"); // records joined with '|', fields with '^'
        QTest::addColumn<QList<qint64>>("lines");

        QTest::newRow("plain") << QByteArray("a,b,c\n1,2,3\n") << QStringLiteral(",")
                               << QStringList{QStringLiteral("a^b^c"), QStringLiteral("1^2^3")}
                               << QList<qint64>{1, 2};
        QTest::newRow("quoted delimiter")
            << QByteArray("x,\"1,5\",y\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("x^1,5^y")} << QList<qint64>{1};
        QTest::newRow("doubled quotes")
            << QByteArray("\"say \"\"hi\"\"\",2\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("say \"hi\"^2")} << QList<qint64>{1};
        QTest::newRow("newline in quotes")
            << QByteArray("a,\"two\nlines\",b\nc,d,e\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("a^two\nlines^b"), QStringLiteral("c^d^e")}
            << QList<qint64>{1, 3};
        QTest::newRow("nfstream list")
            << QByteArray("1,\"[52, 52, 40]\",BENIGN\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("1^[52, 52, 40]^BENIGN")} << QList<qint64>{1};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFid,label\n1,0\n") << QStringLiteral(",")
                             << QStringList{QStringLiteral("id^label"), QStringLiteral("1^0")}
                             << QList<qint64>{1, 2};
        QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QStringLiteral(",")
                              << QStringList{QStringLiteral("a^b"), QStringLiteral("1^2")}
                              << QList<qint64>{1, 2};
        QTest::newRow("crlf inside quotes")
            << QByteArray("\"x\r\ny\",1\r\n2,3\r\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("x\r\ny^1"), QStringLiteral("2^3")}
            << QList<qint64>{1, 3};
        QTest::newRow("lone cr") << QByteArray("a,b\r1,2\r") << QStringLiteral(",")
                                 << QStringList{QStringLiteral("a^b"), QStringLiteral("1^2")}
                                 << QList<qint64>{1, 2};
        QTest::newRow("semicolon")
            << QByteArray("a;b\n1,5;2\n") << QStringLiteral(";")
            << QStringList{QStringLiteral("a^b"), QStringLiteral("1,5^2")} << QList<qint64>{1, 2};
        QTest::newRow("tab") << QByteArray("a\tb\n1\t2\n") << QStringLiteral("\t")
                             << QStringList{QStringLiteral("a^b"), QStringLiteral("1^2")}
                             << QList<qint64>{1, 2};
        QTest::newRow("blank lines")
            << QByteArray("a,b\n\n1,2\n   \n\n\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("a^b"), QStringLiteral("1^2")} << QList<qint64>{1, 3};
        QTest::newRow("no final newline")
            << QByteArray("a,b\n1,2") << QStringLiteral(",")
            << QStringList{QStringLiteral("a^b"), QStringLiteral("1^2")} << QList<qint64>{1, 2};
        QTest::newRow("empty fields")
            << QByteArray(",,\n1,,\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("^^"), QStringLiteral("1^^")} << QList<qint64>{1, 2};
        QTest::newRow("quoted empty") << QByteArray("\"\"\n") << QStringLiteral(",")
                                      << QStringList{QString()} << QList<qint64>{1};
        QTest::newRow("space before quote")
            << QByteArray("a, \"b,c\"\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("a^b,c")} << QList<qint64>{1};
        QTest::newRow("text after closing quote")
            << QByteArray("\"ab\"c,d\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("abc^d")} << QList<qint64>{1};
        QTest::newRow("stray quote inside field")
            << QByteArray("ab\"c,d\n") << QStringLiteral(",")
            << QStringList{QStringLiteral("ab\"c^d")} << QList<qint64>{1};
        QTest::newRow("header spaces kept")
            << QByteArray(" Flow Duration, Label\n") << QStringLiteral(",")
            << QStringList{QStringLiteral(" Flow Duration^ Label")} << QList<qint64>{1};
    }
    void fields()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, delimiter);
        QFETCH(QStringList, expected);
        QFETCH(QList<qint64>, lines);
        const std::vector<Record> records = tokenize(data, char(delimiter.at(0).toLatin1()));
        QCOMPARE(qsizetype(records.size()), expected.size());
        for (std::size_t i = 0; i < records.size(); ++i) {
            QCOMPARE(records[i].fields.join(QLatin1Char('^')), expected[qsizetype(i)]);
            QCOMPARE(records[i].line, lines[qsizetype(i)]);
        }
    }

    void raggedRowsKeepTheirLines()
    {
        // The reader reports ragged rows by line: the tokenizer must give the physical line
        // even after a quoted line break, and the field count as found.
        const std::vector<Record> records = tokenize("a,b,c\n1,\"x\ny\",3\n4,5\n6,7,8,9\n", ',');
        QCOMPARE(records.size(), std::size_t(4));
        QCOMPARE(records[2].line, qint64(4));
        QCOMPARE(records[2].fields.size(), 2);
        QCOMPARE(records[3].line, qint64(5));
        QCOMPARE(records[3].fields.size(), 4);
    }

    void unterminatedQuoteRunsToTheEnd()
    {
        bool unterminated = false;
        const std::vector<Record> records = tokenize("a,b\n1,\"open\n2,3\n", ',', &unterminated);
        QCOMPARE(records.size(), std::size_t(2));
        QVERIFY(unterminated);
        QCOMPARE(records[1].fields.at(1), QStringLiteral("open\n2,3\n"));
    }

    void limits()
    {
        // The most fields and bytes a record may have are read; one more stops the tokenizer,
        // which then says why and where, and stays stopped.
        const QByteArray widest = QByteArray(CsvTokenizer::kMaxFields - 1, ',');
        const QByteArray data = "a\n" + widest + "\n" + widest + ",\nb\n";
        CsvTokenizer tokenizer(std::string_view(data.constData(), std::size_t(data.size())), ',');
        QVERIFY(tokenizer.next());
        QVERIFY(tokenizer.next());
        QCOMPARE(tokenizer.fields().size(), CsvTokenizer::kMaxFields);
        QVERIFY(!tokenizer.next());
        QCOMPARE(tokenizer.limitReached(), CsvTokenizer::Limit::Fields);
        QCOMPARE(tokenizer.line(), qint64(3));
        QVERIFY(!tokenizer.next());

        const QByteArray longest(CsvTokenizer::kMaxRecordBytes, 'x');
        const QByteArray lines = longest + "\n\"" + longest + "\"\n";
        CsvTokenizer bytes(std::string_view(lines.constData(), std::size_t(lines.size())), ',');
        QVERIFY(bytes.next());
        QCOMPARE(bytes.fields().front().size(), longest.size());
        QVERIFY(!bytes.next());
        QCOMPARE(bytes.limitReached(), CsvTokenizer::Limit::RecordBytes);
        QCOMPARE(bytes.line(), qint64(2));
    }

    void escapedFieldsSurviveLaterFields()
    {
        // Unescaped fields live in a scratch buffer that grows while the record is read; every
        // view must still be right at the end.
        QByteArray data;
        for (int i = 0; i < 50; ++i)
            data += "\"" + QByteArray(i + 1, 'x') + "\"\"q\",";
        data += "end\n";
        const std::vector<Record> records = tokenize(data, ',');
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records[0].fields.size(), 51);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(records[0].fields[i],
                     QString(i + 1, QLatin1Char('x')) + QStringLiteral("\"q"));
    }

    void skipLine()
    {
        const QByteArray data("sep=;\na;b\n");
        CsvTokenizer tokenizer(std::string_view(data.constData(), std::size_t(data.size())), ';');
        tokenizer.skipLine();
        QVERIFY(tokenizer.next());
        QCOMPARE(tokenizer.fields().size(), std::size_t(2));
        QCOMPARE(tokenizer.line(), qint64(2));
    }

    void garbageNeverReadsPastTheEnd()
    {
        // Every prefix of a tricky input: no crash, no hang, and fields inside the input.
        const QByteArray data("\xEF\xBB\xBF\"a\"\"b\",\"c\r\n\"d,\r\r\n\"\"\"\n,\"");
        for (qsizetype n = 0; n <= data.size(); ++n) {
            const QByteArray prefix = data.left(n);
            CsvTokenizer tokenizer(std::string_view(prefix.constData(), std::size_t(n)), ',');
            int records = 0;
            while (tokenizer.next() && records < 100) {
                ++records;
                QVERIFY(tokenizer.position() <= n);
            }
            QVERIFY(records < 100);
        }
    }

    void sniff_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << QStringLiteral(",");
        QTest::newRow("semicolon with decimal commas")
            << QByteArray("a;b;c\n1,5;2,5;3\n4;5;6\n") << QStringLiteral(";");
        QTest::newRow("tab") << QByteArray("a\tb\n1\t2\n") << QStringLiteral("\t");
        QTest::newRow("quoted commas do not count")
            << QByteArray("a;b\n\"1,2,3\";4\n") << QStringLiteral(";");
        QTest::newRow("single column") << QByteArray("value\n1\n2\n") << QStringLiteral(",");
        QTest::newRow("no final newline") << QByteArray("a;b") << QStringLiteral(";");
        QTest::newRow("crlf") << QByteArray("a\tb\r\n1\t2\r\n") << QStringLiteral("\t");
    }
    void sniff()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, delimiter);
        QCOMPARE(QString(QLatin1Char(
                     sniffDelimiter(std::string_view(head.constData(), std::size_t(head.size()))))),
                 delimiter);
    }
};

QTEST_GUILESS_MAIN(TestCsvTokenizer)
#include "tst_csvtokenizer.moc"
