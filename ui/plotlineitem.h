#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPointF>

namespace tideline {

// A decimated line drawn straight onto a chart's plot area. Qt Charts' QLineSeries rebuilds a
// stroked outline of every segment (for hit-testing it never needs here) on each range change,
// which costs more than drawing; this item only maps and draws. A NaN value breaks the line.
class PlotLineItem : public QGraphicsItem
{
public:
    explicit PlotLineItem(QGraphicsItem *parent = nullptr);

    void setPen(const QPen &pen);
    // Points in data coordinates (x = row position, y = value).
    void setPoints(QList<QPointF> points);
    // Where the data range [xFrom, xTo] × [yFrom, yTo] lies, in parent coordinates; a log
    // axis maps y by its logarithm.
    void setView(const QRectF &area, double xFrom, double xTo, double yFrom, double yTo, bool logY);

    // The plot area and a pixel around it, so values on the axes' edges stay visible.
    QRectF boundingRect() const override { return m_area.adjusted(-1, -1, 1, 1); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPen m_pen;
    QList<QPointF> m_points;
    QRectF m_area;
    double m_xFrom = 0;
    double m_xTo = 1;
    double m_yFrom = 0;
    double m_yTo = 1;
    bool m_logY = false;
};

} // namespace tideline
