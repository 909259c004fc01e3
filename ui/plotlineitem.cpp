#include "plotlineitem.h"

#include <QPainter>
#include <QPolygonF>
#include <cmath>

namespace tideline {

PlotLineItem::PlotLineItem(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{}

void PlotLineItem::setPen(const QPen &pen)
{
    m_pen = pen;
    update();
}

void PlotLineItem::setPoints(QList<QPointF> points)
{
    m_points = std::move(points);
    update();
}

void PlotLineItem::setView(const QRectF &area, double xFrom, double xTo, double yFrom, double yTo,
                           bool logY)
{
    if (area != m_area)
        prepareGeometryChange();
    m_area = area;
    m_xFrom = xFrom;
    m_xTo = xTo;
    m_yFrom = logY ? std::log10(yFrom) : yFrom;
    m_yTo = logY ? std::log10(yTo) : yTo;
    m_logY = logY;
    update();
}

void PlotLineItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_points.isEmpty() || m_area.isEmpty() || m_xTo <= m_xFrom || m_yTo <= m_yFrom)
        return;
    const double xScale = m_area.width() / (m_xTo - m_xFrom);
    const double yScale = m_area.height() / (m_yTo - m_yFrom);
    painter->setPen(m_pen);
    painter->setClipRect(boundingRect());
    QPolygonF run;
    run.reserve(m_points.size());
    const auto flush = [&] {
        if (run.size() == 1)
            painter->drawPoint(run.front());
        else if (run.size() > 1)
            painter->drawPolyline(run);
        run.clear();
    };
    for (const QPointF &p : m_points) {
        const double y = m_logY ? std::log10(p.y()) : p.y();
        if (!std::isfinite(y)) {
            flush();
            continue;
        }
        run.append(QPointF(m_area.left() + (p.x() - m_xFrom) * xScale,
                           m_area.bottom() - (y - m_yFrom) * yScale));
    }
    flush();
}

} // namespace tideline
