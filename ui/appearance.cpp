#include "appearance.h"

#include <QApplication>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOptionButton>

namespace tideline::appearance {

namespace {

QPalette darkPalette()
{
    const QColor window(0x35, 0x35, 0x35), base(0x26, 0x26, 0x26), text(0xe6, 0xe6, 0xe6),
        highlight(0x3d, 0x8e, 0xd8), disabled(0x80, 0x80, 0x80);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x2e, 0x2e, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x2c, 0x2c, 0x2c));
    p.setColor(QPalette::Dark, QColor(0x22, 0x22, 0x22));
    p.setColor(QPalette::Shadow, QColor(0x14, 0x14, 0x14));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

// Fusion outlines check boxes and radio buttons in the window colour darkened, which vanishes
// on a dark base (unticked boxes in tables disappear); outline them halfway to the text colour.
class ContrastStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option);
        if (!button || !isDark(option->palette) ||
            (element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton))
            return QProxyStyle::drawPrimitive(element, option, painter, widget);
        QStyleOptionButton lighter = *button;
        const QColor outline =
            mix(option->palette.color(QPalette::Base), option->palette.color(QPalette::Text), 0.5);
        // Fusion darkens the window colour by 140 % for its outline: undo that.
        lighter.palette.setColor(QPalette::Window, outline.lighter(140));
        QProxyStyle::drawPrimitive(element, &lighter, painter, widget);
    }
};

} // namespace

QStringList names()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
}

bool apply(const QString &name)
{
    if (name == QLatin1String("system"))
        return true;
    if (name != QLatin1String("light") && name != QLatin1String("dark"))
        return false;
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    if (!fusion)
        return false;
    QApplication::setStyle(new ContrastStyle(fusion));
    QApplication::setPalette(name == QLatin1String("dark") ? darkPalette()
                                                           : fusion->standardPalette());
    return true;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < palette.color(QPalette::Text).lightnessF();
}

QColor mix(const QColor &a, const QColor &b, double amount)
{
    const auto blend = [amount](double x, double y) { return x + (y - x) * amount; };
    return QColor::fromRgbF(float(blend(a.redF(), b.redF())), float(blend(a.greenF(), b.greenF())),
                            float(blend(a.blueF(), b.blueF())),
                            float(blend(a.alphaF(), b.alphaF())));
}

} // namespace tideline::appearance
