#include "app/wall/WallAlertTicker.h"

#include "app/models/Words.h"
#include "widgets/Palette.h"

#include <QEvent>
#include <QPainter>
#include <QTimerEvent>

namespace suanli::app {

namespace {
widgets::SeverityColour toneOf(int severity)
{
    return severity >= 1 && severity <= 3 ? widgets::SeverityColour(severity)
                                          : widgets::SeverityColour::Info;
}
} // namespace

WallAlertTicker::WallAlertTicker(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("WallAlertTicker"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void WallAlertTicker::setItems(const QList<Item> &items)
{
    QList<Item> next = items.mid(0, kMaxItems);
    if (next == m_next)
        return;
    m_next = std::move(next);
    // Nothing on screen to finish: show at once.
    if (m_shown.isEmpty() || m_next.isEmpty())
        startLap();
    updateTimer();
}

QStringList WallAlertTicker::texts() const
{
    QStringList out;
    out.reserve(m_next.size());
    for (const auto &item : m_next)
        out.append(item.text);
    return out;
}

void WallAlertTicker::setSpeed(int pixelsPerSecond)
{
    m_speed = pixelsPerSecond;
}

QSize WallAlertTicker::sizeHint() const
{
    return { 400, fontMetrics().height() * 2 };
}

int WallAlertTicker::pillWidth(int severity) const
{
    return fontMetrics().horizontalAdvance(Words::severity(severity)) + fontMetrics().height();
}

void WallAlertTicker::startLap()
{
    m_shown = m_next;
    m_widths.clear();
    m_lapWidth = 0;
    const int gap = fontMetrics().height() * 2;
    for (const auto &item : std::as_const(m_shown)) {
        const int w = pillWidth(item.severity) + fontMetrics().height() / 2
            + fontMetrics().horizontalAdvance(item.text) + gap;
        m_widths.append(w);
        m_lapWidth += w;
    }
    m_offset = 0;
    m_clock.restart();
    update();
}

void WallAlertTicker::updateTimer()
{
    const bool run = isVisible() && !m_shown.isEmpty();
    if (run && !m_timer.isActive()) {
        m_timer.start(33, Qt::PreciseTimer, this);
        m_clock.restart();
    } else if (!run) {
        m_timer.stop();
    }
}

void WallAlertTicker::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId())
        return QWidget::timerEvent(event);
    const int speed = m_speed > 0 ? m_speed : fontMetrics().height() * 4;
    m_offset += speed * double(m_clock.restart()) / 1000.0;
    // The lap has scrolled off the left edge: take the latest list.
    if (m_offset > width() + m_lapWidth)
        startLap();
    update();
}

void WallAlertTicker::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const bool dark = widgets::Palette::isDark(palette());
    p.fillRect(rect(), palette().color(QPalette::Dark));
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int h = fm.height();
    const int pillHeight = h + h / 4;
    const int y = (height() - pillHeight) / 2;
    if (m_shown.isEmpty()) {
        const QColor ok = widgets::Palette::severityColour(widgets::SeverityColour::Ok, dark);
        p.setPen(ok);
        p.drawText(rect().adjusted(h, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("No open alerts at any centre"));
        return;
    }
    qreal x = width() - m_offset;
    for (int i = 0; i < m_shown.size(); ++i) {
        const qreal w = m_widths.at(i);
        if (x + w >= 0 && x <= width()) {
            const Item &item = m_shown.at(i);
            const QColor colour = widgets::Palette::severityColour(toneOf(item.severity), dark);
            const QRectF pill(x, y, pillWidth(item.severity), pillHeight);
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawRoundedRect(pill, pillHeight / 2.0, pillHeight / 2.0);
            p.setPen(widgets::Palette::textOn(colour));
            p.drawText(pill, Qt::AlignCenter, Words::severity(item.severity));
            p.setPen(item.severity >= 3 ? colour : palette().color(QPalette::WindowText));
            p.drawText(QRectF(pill.right() + h / 2, 0, w, height()),
                Qt::AlignLeft | Qt::AlignVCenter, item.text);
        }
        x += w;
        if (x > width())
            break;
    }
}

void WallAlertTicker::showEvent(QShowEvent *event)
{
    updateTimer();
    QWidget::showEvent(event);
}

void WallAlertTicker::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

void WallAlertTicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        startLap();
    QWidget::changeEvent(event);
}

} // namespace suanli::app
