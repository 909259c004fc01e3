#pragma once

#include <QFrame>

class QLabel;

namespace tideline {

// An inline strip above the charts for load warnings and errors: names the file and the place,
// never a modal box, closable.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text, const QStringList &details = {});
    QString text() const;
    Level level() const { return m_level; }

private:
    QLabel *m_label = nullptr;
    Level m_level = Level::Information;
};

} // namespace tideline
