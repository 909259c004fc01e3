#include "sourceidentity.h"

#include "common/throttledprogress.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tideline {

std::optional<SourceIdentity> SourceIdentity::of(const QString &path, QString *error,
                                                 const ProgressCallback &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    SourceIdentity identity;
    identity.path = QFileInfo(path).absoluteFilePath();
    identity.size = file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    ThrottledProgress report(progress, identity.size);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 done = 0;
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path),
                                                      file.errorString());
            return std::nullopt;
        }
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
        done += n;
        if (!report.update(done)) {
            if (error)
                *error = QCoreApplication::translate("tideline", "cancelled");
            return std::nullopt;
        }
    }
    identity.sha256 = hash.result().toHex();
    return identity;
}

bool SourceIdentity::matches(const QString &path, QString *error,
                             const ProgressCallback &progress) const
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (error)
            *error = QCoreApplication::translate("tideline", "%1 does not exist")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (info.size() != size) {
        if (error)
            *error = QCoreApplication::translate(
                         "tideline", "%1 is not the case's source: %2 bytes, the source had %3")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(info.size())
                         .arg(size);
        return false;
    }
    const std::optional<SourceIdentity> now = of(path, error, progress);
    if (!now)
        return false;
    if (now->sha256 != sha256) {
        if (error)
            *error = QCoreApplication::translate("tideline",
                                                 "%1 is not the case's source: its SHA-256 differs")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace tideline
