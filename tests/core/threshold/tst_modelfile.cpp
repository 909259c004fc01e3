// The model file: a saved supervised model scores exactly as the one it was saved from, and a
// file that is not one — truncated anywhere, altered, of another version, for other columns —
// is refused with a reason instead of crashing or filling the memory.

#include "fixturedir.h"
#include "labelled.h"
#include "threshold/modelfile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>
#include <QtEndian>

using namespace tideline;

namespace {

// A table of rows numbered 0..n-1: two numeric features, a protocol category and labels,
// attacks being the rows of cluster 1 and 2.
Series labelledTable(quint64 seed)
{
    const testing::Labelled data = testing::labelledClusters(150, 3, 2, 0.5, seed);
    Series series;
    series.axis = Series::Axis::Row;
    series.features = {{QStringLiteral("packets"), FeatureKind::Count},
                       {QStringLiteral("duration"), FeatureKind::Gauge}};
    series.values = data.rows.cwiseAbs();
    CategoryColumn proto;
    proto.name = QStringLiteral("proto");
    proto.values = {QStringLiteral("tcp"), QStringLiteral("udp"), QStringLiteral("icmp")};
    for (std::size_t r = 0; r < data.targets.size(); ++r) {
        series.starts.push_back(TimeNs(r));
        proto.codes.push_back(std::uint32_t(data.targets[r]));
        series.labels << (data.targets[r] == 0 ? QStringLiteral("normal")
                                               : QStringLiteral("attack%1").arg(data.targets[r]));
    }
    series.categories.push_back(proto);
    return series;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

constexpr qsizetype kMagicSize = 15; // "TIDELINE-MODEL\n"
constexpr qsizetype kHeaderSize = kMagicSize + 4 + 8 + 32;

// `payload` behind a header that vouches for it (its own length and checksum), so that the
// reader has to find what is wrong inside.
QByteArray vouchedFor(const QByteArray &file, const QByteArray &payload)
{
    QByteArray header = file.left(kMagicSize + 4);
    const qint64 length = qToLittleEndian(qint64(payload.size()));
    header.append(reinterpret_cast<const char *>(&length), sizeof length);
    header.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    return header + payload;
}

} // namespace

class TestModelFile : public QObject
{
    Q_OBJECT

private:
    FixtureDir m_dir;

    SavedModel trained(const QString &detector, bool multiClass)
    {
        DetectionOptions options;
        options.detector = detector;
        options.multiClass = multiClass;
        SavedModel saved;
        saved.model = fitModel(labelledTable(1), options, {});
        return saved;
    }

private slots:
    void savedModelScoresTheSame_data()
    {
        QTest::addColumn<QString>("detector");
        QTest::addColumn<bool>("multiClass");
        QTest::newRow("random_forest binary") << QStringLiteral("random_forest") << false;
        QTest::newRow("random_forest multi") << QStringLiteral("random_forest") << true;
        QTest::newRow("knn_classifier tree") << QStringLiteral("knn_classifier") << false;
    }
    void savedModelScoresTheSame()
    {
        QFETCH(QString, detector);
        QFETCH(bool, multiClass);
        const SavedModel saved = trained(detector, multiClass);
        QVERIFY2(saved.model.ok(), qPrintable(saved.model.status.message));
        const QString path = m_dir.filePath(detector + QStringLiteral(".tlm"));
        QString error;
        QVERIFY2(ModelFile::write(path, saved, &error), qPrintable(error));
        const std::optional<SavedModel> read = ModelFile::read(path, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->model.featureNames(), saved.model.featureNames());
        QCOMPARE(read->model.classifier()->classes().names,
                 saved.model.classifier()->classes().names);
        const Series test = labelledTable(2);
        const DetectionResult before = applyModel(saved.model, test, {}, {});
        const DetectionResult after = applyModel(read->model, test, {}, {});
        QVERIFY(before.status.ok() && after.status.ok());
        QVERIFY(before.scores == after.scores);
        QVERIFY(before.prediction.probability == after.prediction.probability);
        QVERIFY(before.prediction.predicted == after.prediction.predicted);
        QCOMPARE(after.percentile, before.percentile);
        QCOMPARE(after.thresholdDescription(), before.thresholdDescription());
        // Written again, the same bytes.
        const QString again = m_dir.filePath(detector + QStringLiteral(".again.tlm"));
        QVERIFY(ModelFile::write(again, *read, &error));
        QCOMPARE(readAll(again), readAll(path));
    }

    void unsupervisedModelsAreNotSaved()
    {
        DetectionOptions options;
        options.detector = QStringLiteral("robust_z");
        SavedModel saved;
        saved.model = fitModel(labelledTable(1), options, {});
        QVERIFY(saved.model.ok());
        QString error;
        QVERIFY(!ModelFile::write(m_dir.filePath(QStringLiteral("z.tlm")), saved, &error));
        QVERIFY2(error.contains(QStringLiteral("supervised")), qPrintable(error));
    }

    void everyTruncationIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("whole.tlm"));
        QString error;
        QVERIFY(ModelFile::write(path, trained(QStringLiteral("random_forest"), false), &error));
        const QByteArray whole = readAll(path);
        const QString cut = m_dir.filePath(QStringLiteral("cut.tlm"));
        const QByteArray payload = whole.mid(kHeaderSize);
        // Every cut of the file, and — behind a header that vouches for it — of the payload,
        // which the reader must find short by itself. Steps keep the run short; the first
        // bytes, where the lengths are, are all tried.
        for (qsizetype size = 0; size < whole.size(); size += size < 400 ? 1 : 97) {
            writeAll(cut, whole.left(size));
            QVERIFY2(!ModelFile::read(cut, &error), qPrintable(QString::number(size)));
            QVERIFY(error.startsWith(cut));
            if (size >= payload.size())
                continue;
            writeAll(cut, vouchedFor(whole, payload.left(size)));
            QVERIFY2(!ModelFile::read(cut, &error), qPrintable(QString::number(size)));
            QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        }
    }

    void alteredBytesAreRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("knn.tlm"));
        QString error;
        QVERIFY(ModelFile::write(path, trained(QStringLiteral("knn_classifier"), true), &error));
        const QByteArray whole = readAll(path);
        const QString altered = m_dir.filePath(QStringLiteral("altered.tlm"));
        writeAll(altered, whole.left(whole.size() - 3) + "xyz");
        QVERIFY(!ModelFile::read(altered, &error));
        QVERIFY2(error.contains(QStringLiteral("checksum")), qPrintable(error));
        // Lengths set to huge values, checksum and all made to match: refused by the bounds,
        // not by running out of memory. Each 8-byte window of the payload in turn.
        const QByteArray payload = whole.mid(kHeaderSize);
        for (qsizetype at = 0; at + 8 <= payload.size(); at += at < 256 ? 1 : 61) {
            QByteArray changed = payload;
            const qint64 huge = qToLittleEndian(qint64(1) << 60);
            changed.replace(at, 8, reinterpret_cast<const char *>(&huge), 8);
            writeAll(altered, vouchedFor(whole, changed));
            // Some windows hold a number (a score, a value) that may be anything; those that
            // hold a length or a count must be refused.
            if (!ModelFile::read(altered, &error))
                QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        }
    }

    void otherVersionsAndFilesAreRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("rf.tlm"));
        QString error;
        QVERIFY(ModelFile::write(path, trained(QStringLiteral("random_forest"), false), &error));
        QByteArray whole = readAll(path);
        const quint32 next = qToLittleEndian(ModelFile::kVersion + 1);
        whole.replace(kMagicSize, 4, reinterpret_cast<const char *>(&next), 4);
        const QString newer = m_dir.filePath(QStringLiteral("newer.tlm"));
        writeAll(newer, whole);
        QVERIFY(!ModelFile::read(newer, &error));
        QVERIFY2(error.contains(QStringLiteral("version 2")), qPrintable(error));

        const QString csv = m_dir.filePath(QStringLiteral("table.csv"));
        writeAll(csv, "a,b\n1,2\n");
        QVERIFY(!ModelFile::read(csv, &error));
        QVERIFY2(error.contains(QStringLiteral("not a Tideline model file")), qPrintable(error));
        QVERIFY(!ModelFile::read(m_dir.filePath(QStringLiteral("nosuch.tlm")), &error));
        QVERIFY(error.contains(QStringLiteral("nosuch.tlm")));
    }

    void missingColumnsAreNamed()
    {
        const SavedModel saved = trained(QStringLiteral("random_forest"), false);
        Series other = labelledTable(2);
        QVERIFY(ModelFile::mismatch(saved.model, other).isEmpty());
        other.features[1].name = QStringLiteral("seconds");
        other.categories.clear();
        const QString why = ModelFile::mismatch(saved.model, other);
        QVERIFY2(why.contains(QStringLiteral("duration, proto")), qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
