#include "widgets/StatusBadge.h"

#include <QEvent>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>

namespace suanli::widgets {

StatusBadge::StatusBadge(QWidget *parent)
    : StatusBadge(QString(), SeverityColour::None, parent)
{
}

StatusBadge::StatusBadge(const QString &text, SeverityColour tone, QWidget *parent)
    : QWidget(parent)
    , m_text(text)
    , m_tone(tone)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    QFont f = font();
    f.setWeight(QFont::DemiBold);
    setFont(f);
    refresh();
}

StatusBadge::~StatusBadge() = default;

void StatusBadge::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    refresh();
}

void StatusBadge::setCount(int count, int cap)
{
    const QLocale loc = locale();
    setText(
        count > cap ? tr("%1+", "more than a count").arg(loc.toString(cap)) : loc.toString(count));
}

void StatusBadge::setTone(SeverityColour tone)
{
    if (tone == m_tone && !m_colour.isValid())
        return;
    m_tone = tone;
    m_colour = QColor();
    update();
}

void StatusBadge::setColour(const QColor &colour)
{
    m_colour = colour;
    update();
}

QColor StatusBadge::colour() const
{
    return m_colour.isValid() ? m_colour
                              : Palette::severityColour(m_tone, Palette::isDark(palette()));
}

QSize StatusBadge::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int height = fm.height() + 4;
    return QSize(std::max(height, fm.horizontalAdvance(m_text) + height), height);
}

QSize StatusBadge::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int height = fm.height() + 4;
    // Room for the first letters and an ellipsis: a long state is elided, never cut.
    const int some = fm.horizontalAdvance(m_text.left(3) + QChar(0x2026)) + height;
    return QSize(std::min(sizeHint().width(), some), height);
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor fill = colour();
    const QRectF pill = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = pill.height() / 2.0;
    p.setPen(QPen(fill.darker(120), 1.0));
    p.setBrush(fill);
    p.drawRoundedRect(pill, radius, radius);
    p.setPen(Palette::textOn(fill));
    const int pad = height() / 2;
    const QRect textRect = rect().adjusted(pad, 0, -pad, 0);
    const QFontMetrics fm = fontMetrics();
    // elidedText() alone would shorten a text exactly as wide as the room.
    const bool fits = fm.horizontalAdvance(m_text) <= textRect.width();
    p.drawText(textRect, Qt::AlignCenter | Qt::TextDontClip,
        fits ? m_text : fm.elidedText(m_text, Qt::ElideRight, textRect.width()));
}

void StatusBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void StatusBadge::refresh()
{
    setAccessibleName(m_text);
    setToolTip(m_text);
    updateGeometry();
    update();
}

} // namespace suanli::widgets
