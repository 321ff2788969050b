#include "app/wall/WallPageIndicator.h"

#include <QPainter>

namespace suanli::app {

WallPageIndicator::WallPageIndicator(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
}

void WallPageIndicator::setPages(int count, int current)
{
    if (count == m_count && current == m_current)
        return;
    const bool resized = count != m_count;
    m_count = count;
    m_current = current;
    if (resized)
        updateGeometry();
    update();
}

QSize WallPageIndicator::sizeHint() const
{
    const int dot = fontMetrics().height() / 2;
    return { m_count * dot * 2, fontMetrics().height() };
}

void WallPageIndicator::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int dot = fontMetrics().height() / 2;
    const QColor text = palette().color(QPalette::WindowText);
    const int y = (height() - dot) / 2;
    for (int i = 0; i < m_count; ++i) {
        const QRectF r(i * dot * 2 + dot / 2.0, y, dot, dot);
        if (i == m_current) {
            p.setPen(Qt::NoPen);
            p.setBrush(text);
        } else {
            p.setPen(QPen(text, std::max(1, dot / 6)));
            p.setBrush(Qt::NoBrush);
        }
        p.drawEllipse(r.adjusted(1, 1, -1, -1));
    }
}

} // namespace suanli::app
