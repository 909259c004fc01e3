#include "common/csv.h"

#include <QBuffer>
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

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("records");
        QTest::addColumn<QList<qint64>>("lines");
        QTest::newRow("plain") << QByteArray("a,b\r\n1,2\n")
                               << QList<QStringList>{list({"a", "b"}), list({"1", "2"})}
                               << QList<qint64>{1, 2};
        QTest::newRow("quotes") << QByteArray("\"x, y\",\"say \"\"hi\"\"\",\n")
                                << QList<QStringList>{list({"x, y", "say \"hi\"", ""})}
                                << QList<qint64>{1};
        QTest::newRow("line break in quotes")
            << QByteArray("\"one\r\ntwo\",3\nnext,4")
            << QList<QStringList>{list({"one\r\ntwo", "3"}), list({"next", "4"})}
            << QList<qint64>{1, 3};
        QTest::newRow("byte-order mark")
            << QByteArray("\xEF\xBB\xBFtime,v\n") << QList<QStringList>{list({"time", "v"})}
            << QList<qint64>{1};
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9\n")
                               << QList<QStringList>{list({"caf\xC3\xA9"})} << QList<qint64>{1};
    }
    void reads()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, records);
        QFETCH(QList<qint64>, lines);
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader(&buffer);
        QList<QStringList> got;
        QList<qint64> gotLines;
        QStringList fields;
        while (reader.next(fields)) {
            got << fields;
            gotLines << reader.line();
        }
        QVERIFY(reader.error().isEmpty());
        QCOMPARE(got, records);
        QCOMPARE(gotLines, lines);
    }

    void unclosedQuoteIsAnError()
    {
        QByteArray input("a\n\"open,2\nmore\n");
        QBuffer buffer(&input);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader(&buffer);
        QStringList fields;
        QVERIFY(reader.next(fields));
        QVERIFY(!reader.next(fields));
        QVERIFY(reader.error().contains(QStringLiteral("line 2")));
    }

    void quotesWhenNeeded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "a\"b"
                               << "\"a\"\"b\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("edge space") << " a"
                                    << "\" a\"";
        QTest::newRow("empty") << ""
                               << "";
    }
    void quotesWhenNeeded()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(csvField(text), field);
    }

    void findsColumnsLoosely()
    {
        const QStringList header{QStringLiteral(" Flow Duration"), QStringLiteral(" Label ")};
        QCOMPARE(csvColumn(header, u"label"), 1);
        QCOMPARE(csvColumn(header, u"flow duration"), 0);
        QCOMPARE(csvColumn(header, u"x"), -1);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
