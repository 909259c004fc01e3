#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace tideline {

namespace {

constexpr int kMaximumDetails = 8;

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Level level, const QString &text, const QStringList &details)
{
    m_level = level;
    QString html = QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped());
    for (qsizetype i = 0; i < std::min<qsizetype>(details.size(), kMaximumDetails); ++i)
        html += QStringLiteral("<br>• ") + details[i].toHtmlEscaped();
    if (details.size() > kMaximumDetails)
        html += QStringLiteral("<br>") +
                tr("… and %n more", nullptr, int(details.size() - kMaximumDetails));
    m_label->setText(html);

    QColor background;
    switch (level) {
    case Level::Information:
        background = QColor(0x2a, 0x7f, 0xa8);
        break;
    case Level::Warning:
        background = QColor(0xa8, 0x6a, 0x08);
        break;
    case Level::Error:
        background = QColor(0xb7, 0x36, 0x2b);
        break;
    }
    QPalette colours = palette();
    colours.setColor(QPalette::Window, background);
    colours.setColor(QPalette::WindowText, Qt::white);
    colours.setColor(QPalette::ButtonText, Qt::white);
    setPalette(colours);
    show();
}

QString MessageBanner::text() const
{
    return m_label->text();
}

} // namespace tideline
