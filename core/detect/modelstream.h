#pragma once

#include <Eigen/Core>
#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>
#include <cstdint>
#include <span>
#include <vector>

namespace tideline {

// The parts of a fitted model as little-endian binary, for the model file (threshold/
// modelfile.h): numbers, texts, and arrays that carry their length.
class ModelWriter
{
public:
    void u8(std::uint8_t value);
    void i32(qint32 value);
    void i64(qint64 value);
    void f64(double value);
    void text(const QString &value);
    void texts(const QStringList &values);
    void doubles(std::span<const double> values);
    void floats(std::span<const float> values);
    void int32s(std::span<const qint32> values);
    void matrix(const Eigen::MatrixXd &values);

    const QByteArray &bytes() const { return m_bytes; }

private:
    void raw(const void *data, std::size_t size);
    QByteArray m_bytes;
};

// Reads what ModelWriter wrote, never trusting a length: an array is refused when the bytes
// left could not hold it, so a damaged file costs no more memory than its own size. The first
// problem is kept (with the byte offset it was found at); every read after it gives zeros and
// empty arrays, so a reader checks ok() once at the end of a part instead of after each value.
class ModelReader
{
public:
    explicit ModelReader(QByteArrayView bytes);

    std::uint8_t u8();
    qint32 i32();
    qint64 i64();
    double f64();
    QString text();
    QStringList texts();
    std::vector<double> doubles();
    std::vector<float> floats();
    std::vector<qint32> int32s();
    Eigen::MatrixXd matrix();

    // Marks the input as unusable, `why` naming what was wrong (the first reason is kept).
    void fail(const QString &why);
    bool ok() const { return m_error.isEmpty(); }
    // "at byte N: why"
    QString error() const;
    bool atEnd() const { return m_at == m_bytes.size(); }

private:
    bool take(void *out, qsizetype size);
    // A length that `elementSize` bytes per element leave room for; -1 (and failed) if not.
    qint64 count(qint64 elementSize);

    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    qsizetype m_errorAt = 0;
    QString m_error;
};

} // namespace tideline
