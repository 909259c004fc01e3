// `tideline detect` with a supervised detector, as a script sees it: trained on one labelled
// table (--model-from) and applied to another, whose category values it may never have seen;
// the predicted class in the scores, and evaluate's confusion matrix.

#include "fixturedir.h"
#include "runtideline.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// A flow table: proto (a category), packets, bytes, duration and the label. Scans are tcp
// flows of one packet, floods udp flows of many large packets, the rest normal; `unseen` rows
// are normal flows of a protocol the training table never had.
QByteArray flows(int rows, quint32 seed, int unseen)
{
    QByteArray text("proto,packets,bytes,duration,label\n");
    quint32 state = seed;
    const auto next = [&](quint32 below) {
        state = state * 1664525U + 1013904223U;
        return (state >> 8) % below;
    };
    for (int r = 0; r < rows; ++r) {
        const quint32 kind = next(10);
        QByteArray proto = next(2) == 0 ? "tcp" : "udp";
        quint32 packets = 2 + next(30);
        quint32 bytes = packets * (60 + next(400));
        QByteArray label = "normal";
        if (kind == 0) {
            proto = "tcp";
            packets = 1;
            bytes = 60;
            label = "scan";
        } else if (kind == 1) {
            proto = "udp";
            packets = 500 + next(500);
            bytes = packets * 1400;
            label = "flood";
        }
        if (r < unseen)
            proto = "sctp";
        text += proto + ',' + QByteArray::number(packets) + ',' + QByteArray::number(bytes) + ',' +
                QByteArray::number(0.01 * next(1000)) + ',' + label + '\n';
    }
    return text;
}

// A flow table in NFStream's names: tcp flows of one packet out and at most one back are
// attacks (scans, floods), longer tcp conversations and udp request/answer pairs normal.
QByteArray nfstreamFlows(int rows, quint32 seed)
{
    QByteArray text("src2dst_packets,dst2src_packets,dst_port,protocol,label\n");
    quint32 state = seed;
    const auto next = [&](quint32 below) {
        state = state * 1664525U + 1013904223U;
        return (state >> 8) % below;
    };
    const int services[] = {22, 53, 80, 123, 443, 8080};
    for (int r = 0; r < rows; ++r) {
        const quint32 kind = next(4);
        QByteArray row;
        if (kind == 0)
            row = "1," + QByteArray::number(next(2)) + ',' + QByteArray::number(1 + next(10000)) +
                  ",6,attack";
        else if (kind == 1)
            row = QByteArray::number(1 + next(3)) + ',' + QByteArray::number(1 + next(3)) + ',' +
                  QByteArray::number(services[1 + 2 * next(2)]) + ",17,normal";
        else
            row = QByteArray::number(3 + next(60)) + ',' + QByteArray::number(2 + next(60)) + ',' +
                  QByteArray::number(services[next(6)]) + ",6,normal";
        text += row + '\n';
    }
    return text;
}

struct Predicted
{
    QByteArray label;     // from the table
    QByteArray predicted; // from the scores
    bool anomalous = false;
};

} // namespace

class TestSupervised : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;
    QString m_train;
    QString m_test;

    QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Runs detect; on success, each test row's label beside its prediction.
    std::vector<Predicted> detect(const QString &detector, const QStringList &extra,
                                  TidelineRun &run)
    {
        const QString scores = m_dir.filePath(detector + QStringLiteral(".scores.csv"));
        run = runTideline(QStringList{QStringLiteral("detect"), m_test,
                                      QStringLiteral("--detector"), detector,
                                      QStringLiteral("--model-from"), m_train, QStringLiteral("-o"),
                                      m_dir.filePath(detector + QStringLiteral(".csv")),
                                      QStringLiteral("--scores"), scores} +
                          extra);
        std::vector<Predicted> rows;
        QFile table(m_test);
        QFile written(scores);
        if (run.exitCode != 0 || !table.open(QIODevice::ReadOnly) ||
            !written.open(QIODevice::ReadOnly))
            return rows;
        table.readLine();
        const QByteArray header = written.readLine().trimmed();
        if (header != "timestamp,score,threshold,anomalous,score_normalized,predicted,probability")
            return rows;
        while (!table.atEnd() && !written.atEnd()) {
            const QList<QByteArray> cells = written.readLine().trimmed().split(',');
            rows.push_back({table.readLine().trimmed().split(',').last(), cells.value(5),
                            cells.value(3) == "1"});
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        m_train = m_dir.write("train.csv", flows(1500, 1, 0));
        m_test = m_dir.write("test.csv", flows(600, 2, 20));
    }

    void binaryForestFlagsTheAttacks_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::newRow("random_forest") << QStringLiteral("random_forest");
        QTest::newRow("knn_classifier") << QStringLiteral("knn_classifier");
    }
    void binaryForestFlagsTheAttacks()
    {
        QFETCH(QString, detector);
        TidelineRun run;
        const std::vector<Predicted> rows = detect(detector, {}, run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(rows.size(), std::size_t(600));
        int right = 0;
        for (const Predicted &row : rows) {
            const bool attack = row.label != "normal";
            right += (row.predicted == (attack ? "attack" : "normal")) ? 1 : 0;
            QCOMPARE(row.anomalous, row.predicted == "attack");
        }
        QVERIFY2(right >= 590, qPrintable(QString::number(right)));
        // The 20 sctp rows: encoded as no known protocol, said so, and still scored.
        QVERIFY2(run.errText().contains(QStringLiteral("proto: 20 rows have a value")),
                 run.err.constData());
    }

    void multiClassNamesTheAttacks()
    {
        TidelineRun run;
        const std::vector<Predicted> rows =
            detect(QStringLiteral("random_forest"),
                   {QStringLiteral("--classes"), QStringLiteral("multi")}, run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(rows.size(), std::size_t(600));
        int right = 0;
        for (const Predicted &row : rows)
            right += row.predicted == row.label ? 1 : 0;
        QVERIFY2(right >= 590, qPrintable(QString::number(right)));
    }

    void evaluatePrintsTheConfusionMatrix()
    {
        TidelineRun run;
        detect(QStringLiteral("random_forest"),
               {QStringLiteral("--classes"), QStringLiteral("multi")}, run);
        QCOMPARE(run.exitCode, 0);
        const QString anomalies = m_dir.filePath(QStringLiteral("random_forest.csv"));
        const QString scores = m_dir.filePath(QStringLiteral("random_forest.scores.csv"));
        const TidelineRun json =
            runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), m_test,
                         QStringLiteral("--scores"), scores, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject classes =
            QJsonDocument::fromJson(json.out).object()[QStringLiteral("classes")].toObject();
        QCOMPARE(classes[QStringLiteral("classes")].toArray().size(), 3);
        QVERIFY(classes[QStringLiteral("accuracy")].toDouble() > 0.98);
        qint64 total = 0;
        for (const QJsonValue &row : classes[QStringLiteral("matrix")].toArray()) {
            for (const QJsonValue &cell : row.toArray())
                total += cell.toInteger();
        }
        QCOMPARE(total, 600);
        const TidelineRun text =
            runTideline({QStringLiteral("evaluate"), anomalies, QStringLiteral("--truth"), m_test,
                         QStringLiteral("--scores"), scores});
        QVERIFY2(text.outText().contains(QStringLiteral("classes:   accuracy")),
                 text.out.constData());
        QVERIFY(text.outText().contains(QStringLiteral("flood")));
    }

    void savedModelScoresLikeModelFrom_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::addColumn<QString>("classes");
        QTest::newRow("random_forest")
            << QStringLiteral("random_forest") << QStringLiteral("binary");
        QTest::newRow("random_forest multi")
            << QStringLiteral("random_forest") << QStringLiteral("multi");
        QTest::newRow("knn_classifier")
            << QStringLiteral("knn_classifier") << QStringLiteral("binary");
    }
    void savedModelScoresLikeModelFrom()
    {
        QFETCH(QString, detector);
        QFETCH(QString, classes);
        const QString model = m_dir.filePath(detector + QStringLiteral(".tlm"));
        TidelineRun trained;
        detect(detector,
               {QStringLiteral("--classes"), classes, QStringLiteral("--save-model"), model},
               trained);
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const QByteArray scores =
            readFile(m_dir.filePath(detector + QStringLiteral(".scores.csv")));
        const QByteArray anomalies = readFile(m_dir.filePath(detector + QStringLiteral(".csv")));
        QVERIFY(!scores.isEmpty());

        const QString savedScores = m_dir.filePath(QStringLiteral("saved.scores.csv"));
        const QString savedAnomalies = m_dir.filePath(QStringLiteral("saved.csv"));
        const TidelineRun applied = runTideline(
            {QStringLiteral("detect"), m_test, QStringLiteral("--model"), model,
             QStringLiteral("-o"), savedAnomalies, QStringLiteral("--scores"), savedScores});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        QCOMPARE(readFile(savedScores), scores);
        QCOMPARE(readFile(savedAnomalies), anomalies);
    }

    void savedModelRefusesOtherColumns()
    {
        const QString model = m_dir.filePath(QStringLiteral("columns.tlm"));
        TidelineRun trained;
        detect(QStringLiteral("random_forest"), {QStringLiteral("--save-model"), model}, trained);
        QVERIFY2(trained.exitCode == 0, trained.err.constData());
        const QString other = m_dir.write(
            "other.csv", "proto,packets,octets,label\ntcp,1,60,normal\nudp,4,900,normal\n");
        const TidelineRun run =
            runTideline({QStringLiteral("detect"), other, QStringLiteral("--model"), model,
                         QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errText().contains(QStringLiteral("does not have: bytes, duration")),
                 run.err.constData());
        // Training options belong to the model.
        const TidelineRun usage =
            runTideline({QStringLiteral("detect"), m_test, QStringLiteral("--model"), model,
                         QStringLiteral("--detector"), QStringLiteral("random_forest"),
                         QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.errText().contains(QStringLiteral("--detector")), usage.err.constData());
        // Only supervised models are kept.
        const TidelineRun unsupervised =
            runTideline({QStringLiteral("detect"), m_test, QStringLiteral("--detector"),
                         QStringLiteral("robust_z"), QStringLiteral("--save-model"), model,
                         QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(unsupervised.exitCode, 2);
    }

    void flowsOfACaptureAreLabelled()
    {
        const QString capture = m_dir.filePath(QStringLiteral("flows.pcap"));
        const TidelineRun generated =
            runTideline({QStringLiteral("generate"), capture, QStringLiteral("--seed"),
                         QStringLiteral("3"), QStringLiteral("--duration"), QStringLiteral("120")});
        QVERIFY2(generated.exitCode == 0, generated.err.constData());
        const QString table = m_dir.write("nfstream.csv", nfstreamFlows(2000, 5));
        const QString scores = m_dir.filePath(QStringLiteral("flows.scores.csv"));
        const TidelineRun run = runTideline(
            {QStringLiteral("detect"), capture, QStringLiteral("--rows"), QStringLiteral("flows"),
             QStringLiteral("--detector"), QStringLiteral("random_forest"),
             QStringLiteral("--model-from"), table, QStringLiteral("-o"),
             m_dir.filePath(QStringLiteral("flows.csv")), QStringLiteral("--scores"), scores});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // The scanner's flows (one SYN each, an RST or SYN/ACK back) are attacks, the tcp
        // conversations before the first attack normal.
        QFile truth(m_dir.filePath(QStringLiteral("flows.truth.csv")));
        QFile written(scores);
        QVERIFY(truth.open(QIODevice::ReadOnly) && written.open(QIODevice::ReadOnly));
        const QString truthText = QString::fromUtf8(truth.readAll());
        const QString scanner = truthText.section(QStringLiteral("SYN port scan from "), 1, 1)
                                    .section(QLatin1Char(' '), 0, 0);
        QVERIFY(!scanner.isEmpty());
        // ISO times in the same form compare as text.
        const QString firstAttack =
            truthText.section(QLatin1Char('\n'), 1, 1).section(QLatin1Char(','), 0, 0);
        QCOMPARE(written.readLine().trimmed(),
                 QByteArray("timestamp,score,threshold,anomalous,score_normalized,predicted,"
                            "probability,flow"));
        int scans = 0;
        int scansFound = 0;
        int conversations = 0;
        int conversationsFlagged = 0;
        while (!written.atEnd()) {
            const QString line = QString::fromUtf8(written.readLine().trimmed());
            const QString flow = line.section(QLatin1Char(','), 7);
            const bool attack = line.section(QLatin1Char(','), 5, 5) == u"attack";
            QVERIFY2(flow.contains(QStringLiteral(" → ")), qPrintable(line));
            if (flow.startsWith(scanner + QLatin1Char(':'))) {
                ++scans;
                scansFound += attack ? 1 : 0;
            } else if (line.section(QLatin1Char(','), 0, 0) < firstAttack &&
                       flow.endsWith(QStringLiteral(" tcp"))) {
                ++conversations;
                conversationsFlagged += attack ? 1 : 0;
            }
        }
        QVERIFY2(scans > 1000, qPrintable(QString::number(scans)));
        QVERIFY2(scansFound >= scans * 95 / 100, qPrintable(QString::number(scansFound)));
        QVERIFY(conversations > 0);
        QVERIFY2(
            conversationsFlagged <= conversations / 10,
            qPrintable(QStringLiteral("%1 of %2").arg(conversationsFlagged).arg(conversations)));

        // A model of a column flows do not have is refused, naming it and what they have.
        const QString wider =
            m_dir.write("wider.csv", "src2dst_bytes,dst_port,label\n60,22,attack\n900,443,normal\n"
                                     "70,23,attack\n1200,80,normal\n");
        const TidelineRun refused =
            runTideline({QStringLiteral("detect"), capture, QStringLiteral("--rows"),
                         QStringLiteral("flows"), QStringLiteral("--detector"),
                         QStringLiteral("random_forest"), QStringLiteral("--model-from"), wider,
                         QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errText().contains(QStringLiteral("does not have: src2dst_bytes")),
                 refused.err.constData());
        QVERIFY2(refused.errText().contains(QStringLiteral("Total Fwd Packets")),
                 refused.err.constData());
        // A model of flows on the capture's bins: refused, saying how to score its flows.
        const TidelineRun bins =
            runTideline({QStringLiteral("detect"), capture, QStringLiteral("--detector"),
                         QStringLiteral("random_forest"), QStringLiteral("--model-from"), table,
                         QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(bins.exitCode, 1);
        QVERIFY2(bins.errText().contains(QStringLiteral("does not have: src2dst_packets")),
                 bins.err.constData());
        QVERIFY2(bins.errText().contains(QStringLiteral("with --rows flows")),
                 bins.err.constData());
    }

    void featuresChooseTheCategoriesToo()
    {
        // proto named: the model needs it; left out: a file without it is scored.
        TidelineRun run;
        const QString model = m_dir.filePath(QStringLiteral("numbers.tlm"));
        detect(QStringLiteral("random_forest"),
               {QStringLiteral("--features"), QStringLiteral("packets,bytes"),
                QStringLiteral("--save-model"), model},
               run);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString noProto =
            m_dir.write("noproto.csv", "packets,bytes,label\n1,60,scan\n20,9000,normal\n");
        const TidelineRun applied =
            runTideline({QStringLiteral("detect"), noProto, QStringLiteral("--model"), model,
                         QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
    }

    void trainingFileWithoutLabelsIsRefused()
    {
        const QString unlabelled =
            m_dir.write("unlabelled.csv", "proto,packets,bytes\ntcp,1,60\nudp,4,900\ntcp,3,200\n");
        const TidelineRun run = runTideline(
            {QStringLiteral("detect"), m_test, QStringLiteral("--detector"),
             QStringLiteral("random_forest"), QStringLiteral("--model-from"), unlabelled,
             QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv"))});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(QStringLiteral("label")), run.err.constData());
    }

    void aCaptureToTrainOnNamesTheFlowTableRoute()
    {
        // A capture's bins carry no labels: the refusal says how to label its flows instead.
        const QString capture = m_dir.filePath(QStringLiteral("unlabelled.pcap"));
        QCOMPARE(runTideline({QStringLiteral("generate"), capture, QStringLiteral("--duration"),
                              QStringLiteral("20")})
                     .exitCode,
                 0);
        const TidelineRun run =
            runTideline({QStringLiteral("detect"), capture, QStringLiteral("--detector"),
                         QStringLiteral("random_forest"), QStringLiteral("-o"),
                         m_dir.filePath(QStringLiteral("x.csv"))});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(QStringLiteral("--rows flows")), run.err.constData());
    }

    void labelColumnByName()
    {
        TidelineRun run;
        detect(QStringLiteral("random_forest"),
               {QStringLiteral("--label-column"), QStringLiteral("nosuch")}, run);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.errText().contains(QStringLiteral("nosuch")), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSupervised)
#include "tst_supervised.moc"
