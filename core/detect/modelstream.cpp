#include "modelstream.h"

#include <QCoreApplication>
#include <QtEndian>
#include <cstring>

namespace tideline {

namespace {

template <class T> void appendLittleEndian(QByteArray &bytes, T value)
{
    const T stored = qToLittleEndian(value);
    bytes.append(reinterpret_cast<const char *>(&stored), qsizetype(sizeof stored));
}

} // namespace

void ModelWriter::raw(const void *data, std::size_t size)
{
    m_bytes.append(static_cast<const char *>(data), qsizetype(size));
}

void ModelWriter::u8(std::uint8_t value)
{
    raw(&value, 1);
}

void ModelWriter::i32(qint32 value)
{
    appendLittleEndian(m_bytes, value);
}

void ModelWriter::i64(qint64 value)
{
    appendLittleEndian(m_bytes, value);
}

void ModelWriter::f64(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    appendLittleEndian(m_bytes, bits);
}

void ModelWriter::text(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    i64(utf8.size());
    m_bytes.append(utf8);
}

void ModelWriter::texts(const QStringList &values)
{
    i64(values.size());
    for (const QString &value : values)
        text(value);
}

void ModelWriter::doubles(std::span<const double> values)
{
    i64(qint64(values.size()));
    for (double value : values)
        f64(value);
}

void ModelWriter::floats(std::span<const float> values)
{
    i64(qint64(values.size()));
    for (float value : values) {
        quint32 bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        appendLittleEndian(m_bytes, bits);
    }
}

void ModelWriter::int32s(std::span<const qint32> values)
{
    i64(qint64(values.size()));
    for (qint32 value : values)
        i32(value);
}

void ModelWriter::matrix(const Eigen::MatrixXd &values)
{
    i64(values.rows());
    i64(values.cols());
    for (Eigen::Index c = 0; c < values.cols(); ++c) {
        for (Eigen::Index r = 0; r < values.rows(); ++r)
            f64(values(r, c));
    }
}

ModelReader::ModelReader(QByteArrayView bytes)
    : m_bytes(bytes)
{}

void ModelReader::fail(const QString &why)
{
    if (!ok())
        return;
    m_error = why;
    m_errorAt = m_at;
    m_at = m_bytes.size();
}

QString ModelReader::error() const
{
    return QCoreApplication::translate("tideline", "at byte %1: %2").arg(m_errorAt).arg(m_error);
}

bool ModelReader::take(void *out, qsizetype size)
{
    if (!ok() || m_bytes.size() - m_at < size) {
        fail(QCoreApplication::translate("tideline", "the file ends too early"));
        std::memset(out, 0, std::size_t(size));
        return false;
    }
    std::memcpy(out, m_bytes.data() + m_at, std::size_t(size));
    m_at += size;
    return true;
}

std::uint8_t ModelReader::u8()
{
    std::uint8_t value = 0;
    take(&value, 1);
    return value;
}

qint32 ModelReader::i32()
{
    qint32 value = 0;
    take(&value, sizeof value);
    return qFromLittleEndian(value);
}

qint64 ModelReader::i64()
{
    qint64 value = 0;
    take(&value, sizeof value);
    return qFromLittleEndian(value);
}

double ModelReader::f64()
{
    quint64 bits = 0;
    take(&bits, sizeof bits);
    bits = qFromLittleEndian(bits);
    double value = 0.0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

qint64 ModelReader::count(qint64 elementSize)
{
    const qint64 n = i64();
    if (!ok())
        return -1;
    if (n < 0 || n > (m_bytes.size() - m_at) / elementSize) {
        fail(QCoreApplication::translate("tideline", "a length of %1 is more than the file holds")
                 .arg(n));
        return -1;
    }
    return n;
}

QString ModelReader::text()
{
    const qint64 n = count(1);
    if (n < 0)
        return {};
    const QString value = QString::fromUtf8(m_bytes.data() + m_at, qsizetype(n));
    m_at += qsizetype(n);
    return value;
}

QStringList ModelReader::texts()
{
    // Each text takes its 8-byte length at least.
    const qint64 n = count(8);
    QStringList values;
    for (qint64 i = 0; i < n && ok(); ++i)
        values << text();
    return ok() ? values : QStringList();
}

std::vector<double> ModelReader::doubles()
{
    const qint64 n = count(8);
    std::vector<double> values(std::size_t(std::max<qint64>(n, 0)));
    for (double &value : values)
        value = f64();
    return values;
}

std::vector<float> ModelReader::floats()
{
    const qint64 n = count(4);
    std::vector<float> values(std::size_t(std::max<qint64>(n, 0)));
    for (float &value : values) {
        quint32 bits = 0;
        take(&bits, sizeof bits);
        bits = qFromLittleEndian(bits);
        std::memcpy(&value, &bits, sizeof value);
    }
    return values;
}

std::vector<qint32> ModelReader::int32s()
{
    const qint64 n = count(4);
    std::vector<qint32> values(std::size_t(std::max<qint64>(n, 0)));
    for (qint32 &value : values)
        value = i32();
    return values;
}

Eigen::MatrixXd ModelReader::matrix()
{
    const qint64 rows = i64();
    const qint64 cols = i64();
    if (!ok())
        return {};
    if (rows < 0 || cols < 0 || (cols > 0 && rows > (m_bytes.size() - m_at) / 8 / cols)) {
        fail(QCoreApplication::translate("tideline",
                                         "a matrix of %1 × %2 is more than the file holds")
                 .arg(rows)
                 .arg(cols));
        return {};
    }
    Eigen::MatrixXd values(rows, cols);
    for (Eigen::Index c = 0; c < cols; ++c) {
        for (Eigen::Index r = 0; r < rows; ++r)
            values(r, c) = f64();
    }
    return values;
}

} // namespace tideline
