#pragma once

#include <QProcess>
#include <QString>
#include <QTest>

// Writes the sample scenario with the built tideline binary into `directory` and returns its
// path (empty, with a test failure recorded, when generation failed).
inline QString generateSample(const QString &directory, const QStringList &extra = {})
{
    const QString path = directory + QStringLiteral("/sample.pcap");
    QProcess generate;
    generate.start(QStringLiteral(TIDELINE_EXE),
                   QStringList{QStringLiteral("generate"), path, QStringLiteral("--seed"),
                               QStringLiteral("7")} +
                       extra);
    if (!generate.waitForFinished(120000) || generate.exitCode() != 0) {
        QTest::qFail(qPrintable(QString::fromLocal8Bit(generate.readAllStandardError())), __FILE__,
                     __LINE__);
        return {};
    }
    return path;
}
