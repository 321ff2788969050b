#include "app/wall/WallCapacityBar.h"

#include "widgets/Palette.h"

#include <QLocale>
#include <QPainter>
#include <algorithm>

namespace suanli::app {

WallCapacityBar::WallCapacityBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void WallCapacityBar::setValues(
    qint64 inUse, qint64 free, qint64 unavailable, qint64 down, qint64 pending)
{
    if (inUse == m_inUse && free == m_free && unavailable == m_unavailable && down == m_down
        && pending == m_pending)
        return;
    m_inUse = inUse;
    m_free = free;
    m_unavailable = unavailable;
    m_down = down;
    m_pending = pending;
    update();
}

QString WallCapacityBar::text() const
{
    const QLocale locale;
    QString out = tr("%1 in use · %2 free").arg(locale.toString(m_inUse), locale.toString(m_free));
    if (m_down > 0)
        out += tr(" · %1 down").arg(locale.toString(m_down));
    if (m_pending > 0)
        out += tr(" · %1 asked for").arg(locale.toString(m_pending));
    return out;
}

QSize WallCapacityBar::sizeHint() const
{
    return { fontMetrics().horizontalAdvance(text()) + 40, fontMetrics().height() * 3 / 2 };
}

QSize WallCapacityBar::minimumSizeHint() const
{
    return { 100, fontMetrics().height() * 3 / 2 };
}

void WallCapacityBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const bool dark = widgets::Palette::isDark(palette());
    const QRect r = rect();
    p.fillRect(r, palette().color(QPalette::Base));
    const qint64 total = m_inUse + m_free + m_unavailable + m_down;
    // Room for demand past the queue's own capacity, so a queue asked for twice its size shows.
    const qint64 scale = std::max<qint64>(1, std::max(total, m_inUse + m_pending));
    int x = r.left();
    auto segment = [&](qint64 count, widgets::NodeStateColour state) {
        const int w = int(double(r.width()) * double(count) / double(scale));
        p.fillRect(QRect(x, r.top(), w, r.height()), widgets::Palette::stateColour(state, dark));
        x += w;
    };
    segment(m_inUse, widgets::NodeStateColour::Allocated);
    segment(m_free, widgets::NodeStateColour::Idle);
    segment(m_unavailable, widgets::NodeStateColour::Drained);
    segment(m_down, widgets::NodeStateColour::Down);
    if (m_pending > 0) {
        // Demand: a hatched band from the end of the in-use part.
        const int from = r.left() + int(double(r.width()) * double(m_inUse) / double(scale));
        const int w = int(double(r.width()) * double(m_pending) / double(scale));
        const QColor amber
            = widgets::Palette::severityColour(widgets::SeverityColour::Warning, dark);
        p.fillRect(QRect(from, r.top() + r.height() * 3 / 4, w, r.height() / 4), amber);
    }
    if (scale > total && total > 0) {
        // Where the queue's own capacity ends, when demand runs past it.
        const int end = r.left() + int(double(r.width()) * double(total) / double(scale));
        p.fillRect(QRect(end - 1, r.top(), 3, r.height()), palette().color(QPalette::WindowText));
    }
    const QString label = text();
    const QRect textRect = r.adjusted(12, 0, -12, -r.height() / 4);
    const QString shown = fontMetrics().elidedText(label, Qt::ElideRight, textRect.width());
    // Light text with a dark shadow reads on every segment's colour.
    const int shadow = std::max(1, fontMetrics().height() / 16);
    p.setPen(QColor(0, 0, 0, 200));
    p.drawText(textRect.translated(shadow, shadow), Qt::AlignLeft | Qt::AlignVCenter, shown);
    p.setPen(Qt::white);
    p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, shown);
}

} // namespace suanli::app
