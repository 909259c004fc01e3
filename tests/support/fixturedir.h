#pragma once

// A temporary folder that small hand-written fixture files are written into, for tests.

#include <QFile>
#include <QTemporaryDir>

class FixtureDir
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Writes `content` to `name` in the folder; the path, or empty when it could not.
    QString write(const char *name, const QByteArray &content) const
    {
        const QString target = m_dir.filePath(QLatin1String(name));
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return target;
    }

private:
    QTemporaryDir m_dir;
};
