#include "detect/categoryencoder.h"

#include <QTest>

using namespace tideline;

namespace {

CategoryColumn column(const QString &name, const QStringList &rows)
{
    CategoryColumn c;
    c.name = name;
    for (const QString &value : rows) {
        qsizetype code = c.values.indexOf(value);
        if (code < 0) {
            code = c.values.size();
            c.values << value;
        }
        c.codes.push_back(std::uint32_t(code));
    }
    return c;
}

} // namespace

class TestCategoryEncoder : public QObject
{
    Q_OBJECT

private slots:
    void oneHotByName()
    {
        const std::vector<CategoryColumn> train{
            column(QStringLiteral("proto"),
                   {QStringLiteral("udp"), QStringLiteral("tcp"), QStringLiteral("tcp")}),
            column(QStringLiteral("flag"),
                   {QStringLiteral("SF"), QStringLiteral("S0"), QStringLiteral("SF")})};
        CategoryEncoder encoder;
        encoder.fit(train, {});
        QCOMPARE(encoder.columnNames(),
                 QStringList({QStringLiteral("proto=tcp"), QStringLiteral("proto=udp"),
                              QStringLiteral("flag=S0"), QStringLiteral("flag=SF")}));
        // Another file: columns in another order, codes numbered differently, a new value.
        const std::vector<CategoryColumn> test{
            column(QStringLiteral("flag"), {QStringLiteral("REJ"), QStringLiteral("SF")}),
            column(QStringLiteral("proto"), {QStringLiteral("tcp"), QStringLiteral("icmp")})};
        const CategoryEncoder::Output out = encoder.transform(test, 2);
        QVERIFY(out.ok());
        Eigen::MatrixXd expected(2, 4);
        expected << 1, 0, 0, 0, //
            0, 0, 0, 1;
        QCOMPARE(out.matrix, expected);
        QCOMPARE(out.unseen, (std::vector<qint64>{1, 1}));
    }

    void learnsOnlyFromTrainingRows()
    {
        const std::vector<CategoryColumn> rows{
            column(QStringLiteral("state"),
                   {QStringLiteral("FIN"), QStringLiteral("CON"), QStringLiteral("INT")})};
        CategoryEncoder encoder;
        encoder.fit(rows, {true, false, true});
        QCOMPARE(encoder.columnNames(),
                 QStringList({QStringLiteral("state=FIN"), QStringLiteral("state=INT")}));
        QCOMPARE(encoder.transform(rows, 3).unseen, std::vector<qint64>{1});
    }

    void aMissingColumnIsAnError()
    {
        CategoryEncoder encoder;
        encoder.fit({column(QStringLiteral("service"), {QStringLiteral("http")})}, {});
        const CategoryEncoder::Output out =
            encoder.transform({column(QStringLiteral("proto"), {QStringLiteral("tcp")})}, 1);
        QVERIFY(!out.ok());
        QVERIFY(out.error.contains(QStringLiteral("service")));
    }

    void keepsTheMostFrequentValues()
    {
        QStringList values;
        for (int i = 0; i < CategoryEncoder::kMostValues + 10; ++i)
            values << QStringLiteral("v%1").arg(i);
        values << QStringLiteral("v0"); // the most frequent
        CategoryEncoder encoder;
        encoder.fit({column(QStringLiteral("c"), values)}, {});
        QCOMPARE(encoder.columnCount(), CategoryEncoder::kMostValues);
        QVERIFY(encoder.columnNames().contains(QStringLiteral("c=v0")));
    }

    void nothingToEncode()
    {
        CategoryEncoder encoder;
        encoder.fit({}, {});
        QCOMPARE(encoder.columnCount(), 0);
        const CategoryEncoder::Output out = encoder.transform({}, 5);
        QVERIFY(out.ok());
        QCOMPARE(out.matrix.rows(), 5);
        QCOMPARE(out.matrix.cols(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCategoryEncoder)
#include "tst_categoryencoder.moc"
