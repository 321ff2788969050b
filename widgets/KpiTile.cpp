#include "widgets/KpiTile.h"

#include "widgets/AgeText.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace suanli::widgets {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
        float(a.greenF() + (b.greenF() - a.greenF()) * t),
        float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

// Elides only what does not fit: elidedText() alone shortens a text exactly as wide as the room.
QString elide(const QFontMetrics &fm, const QString &text, int room)
{
    return fm.horizontalAdvance(text) <= room ? text : fm.elidedText(text, Qt::ElideRight, room);
}

bool showsBadge(SeverityColour severity)
{
    return severity == SeverityColour::Warning || severity == SeverityColour::Critical;
}

} // namespace

KpiTile::KpiTile(QWidget *parent)
    : KpiTile(QString(), parent)
{
}

KpiTile::KpiTile(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    refresh();
}

KpiTile::~KpiTile() = default;

void KpiTile::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    refresh();
}

void KpiTile::setValue(double value, int decimals)
{
    setValueText(
        std::isnan(value) ? QStringLiteral("\u2014") : locale().toString(value, 'f', decimals));
}

void KpiTile::setValueText(const QString &text)
{
    if (text == m_value)
        return;
    m_value = text;
    refresh();
}

void KpiTile::setUnit(const QString &unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    refresh();
}

void KpiTile::setSubtitle(const QString &subtitle)
{
    if (subtitle == m_subtitle)
        return;
    m_subtitle = subtitle;
    refresh();
}

void KpiTile::setExplanation(const QString &explanation)
{
    if (explanation == m_explanation)
        return;
    m_explanation = explanation;
    refresh();
}

void KpiTile::setTrend(double delta, qint64 periodSeconds, int decimals)
{
    const QLocale loc = locale();
    QString number = loc.toString(std::abs(delta), 'f', decimals);
    if (delta > 0)
        number.prepend(loc.positiveSign());
    else if (delta < 0 && std::round(delta * std::pow(10, decimals)) != 0)
        number.prepend(loc.negativeSign());
    setSubtitle(tr("%1 in the last %2", "trend: change, period")
                    .arg(number, AgeText::of(periodSeconds, loc)));
}

void KpiTile::setSeverity(SeverityColour severity)
{
    if (severity == m_severity)
        return;
    m_severity = severity;
    refresh();
}

void KpiTile::setStale(bool stale, qint64 ageSeconds)
{
    if (stale == m_stale && ageSeconds == m_ageSeconds)
        return;
    m_stale = stale;
    m_ageSeconds = ageSeconds;
    refresh();
}

void KpiTile::setScale(qreal scale)
{
    scale = std::clamp(scale, 0.5, 6.0);
    if (qFuzzyCompare(scale, m_scale))
        return;
    m_scale = scale;
    refresh();
}

void KpiTile::setLarge(bool large)
{
    setScale(large ? 2.0 : 1.0);
}

QString KpiTile::shownText(Part part) const
{
    const Layout l = layoutFor(size());
    switch (part) {
    case Part::Title:
        return l.titleText;
    case Part::Value:
        return l.valueText;
    case Part::Unit:
        return l.unitText;
    case Part::Subtitle:
        return l.subtitleText;
    }
    return QString();
}

QSize KpiTile::sizeHint() const
{
    const Layout l = layoutFor(QSize(1 << 20, 0));
    const QFontMetrics title(l.titleFont);
    const QFontMetrics value(l.valueFont);
    const QFontMetrics unit(l.unitFont);
    const QFontMetrics sub(l.subtitleFont);
    // A long title is elided rather than widening the tile: the figure is what matters.
    int content = std::min(title.horizontalAdvance(m_title), int(220 * m_scale));
    if (!l.badgeText.isEmpty())
        content += l.badge.width() + l.spacing * 2;
    content = std::max(content,
        value.horizontalAdvance(m_value)
            + (m_unit.isEmpty() ? 0 : l.spacing + unit.horizontalAdvance(m_unit)));
    content = std::max(content, sub.horizontalAdvance(lastLine()));
    const int chrome = l.accent + 2 * l.padding;
    const int width = std::clamp(content + chrome, int(150 * m_scale), int(360 * m_scale));
    return QSize(width, l.subtitle.bottom() + 1 + l.padding);
}

QSize KpiTile::minimumSizeHint() const
{
    const QSize hint = sizeHint();
    return QSize(std::min(hint.width(), int(96 * m_scale)), hint.height());
}

void KpiTile::paintEvent(QPaintEvent *)
{
    const Layout l = layoutFor(size());
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const bool dark = Palette::isDark(pal);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor secondary = mix(text, base, 0.38);
    const QColor greyed = mix(text, base, 0.55);
    const bool accented = m_severity != SeverityColour::None && !m_stale;
    const QColor severity = Palette::severityColour(m_severity, dark);
    const qreal radius = 6 * m_scale;

    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath shape;
    shape.addRoundedRect(frame, radius, radius);
    p.fillPath(shape, base);
    if (accented) {
        p.save();
        p.setClipPath(shape);
        p.fillRect(QRectF(0, 0, l.accent, height()), severity);
        p.restore();
    }
    QPen border(accented ? severity : mix(base, text, dark ? 0.3 : 0.2), accented ? 1.5 : 1.0);
    if (m_stale)
        border.setStyle(Qt::DashLine);
    p.setPen(border);
    p.setBrush(Qt::NoBrush);
    p.drawPath(shape);

    p.setFont(l.titleFont);
    p.setPen(m_stale ? greyed : secondary);
    p.drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter, l.titleText);

    if (!l.badgeText.isEmpty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(severity);
        p.drawRoundedRect(QRectF(l.badge), l.badge.height() / 2.0, l.badge.height() / 2.0);
        p.setFont(l.badgeFont);
        p.setPen(Palette::textOn(severity));
        p.drawText(l.badge, Qt::AlignCenter, l.badgeText);
    }

    p.setFont(l.valueFont);
    p.setPen(m_stale ? greyed : text);
    p.drawText(QPoint(l.value.left(), l.valueBaseline), l.valueText);
    if (!l.unitText.isEmpty()) {
        p.setFont(l.unitFont);
        p.setPen(m_stale ? greyed : secondary);
        p.drawText(QPoint(l.unit.left(), l.valueBaseline), l.unitText);
    }

    p.setFont(l.subtitleFont);
    p.setPen(m_stale ? pal.color(QPalette::PlaceholderText) : secondary);
    if (m_stale) {
        QFont italic = l.subtitleFont;
        italic.setItalic(true);
        p.setFont(italic);
    }
    p.drawText(l.subtitle, Qt::AlignLeft | Qt::AlignVCenter, l.subtitleText);
}

void KpiTile::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LocaleChange)
        refresh();
    QWidget::changeEvent(event);
}

void KpiTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QWidget::mouseReleaseEvent(event);
}

KpiTile::Layout KpiTile::layoutFor(const QSize &size) const
{
    Layout l;
    l.titleFont = scaledFont(1.0, QFont::Medium);
    l.valueFont = scaledFont(2.3, QFont::DemiBold);
    l.unitFont = scaledFont(1.15, QFont::Normal);
    l.subtitleFont = scaledFont(0.9, QFont::Normal);
    l.badgeFont = scaledFont(0.8, QFont::Bold);
    l.padding = int(std::lround(10 * m_scale));
    l.spacing = int(std::lround(4 * m_scale));
    l.accent = m_severity != SeverityColour::None && !m_stale ? int(std::lround(4 * m_scale)) : 0;

    const QFontMetrics titleFm(l.titleFont);
    const QFontMetrics valueFm(l.valueFont);
    const QFontMetrics subFm(l.subtitleFont);
    const QFontMetrics badgeFm(l.badgeFont);
    const int left = l.accent + l.padding;
    const int width = std::max(0, size.width() - left - l.padding);
    const int needed
        = l.padding * 2 + titleFm.height() + valueFm.height() + subFm.height() + l.spacing * 2;
    // Extra height is shared above and below, so a stretched tile keeps its block centred.
    int y = l.padding + std::max(0, (size.height() - needed) / 2);

    int titleWidth = width;
    if (showsBadge(m_severity) && !m_stale) {
        l.badgeText = Palette::severityLabel(m_severity);
        const int h = badgeFm.height() + 2;
        const int w = badgeFm.horizontalAdvance(l.badgeText) + h;
        l.badge = QRect(left + width - w, y + (titleFm.height() - h) / 2, w, h);
        titleWidth = std::max(0, width - w - l.spacing * 2);
    }
    l.title = QRect(left, y, titleWidth, titleFm.height());
    l.titleText = elide(titleFm, m_title, titleWidth);
    y += titleFm.height() + l.spacing;

    // The value shrinks (to 60 %) before it is elided; the line keeps its full height.
    l.value = QRect(left, y, width, valueFm.height());
    l.valueBaseline = y + valueFm.ascent();
    const QFontMetrics unitFm(l.unitFont);
    const int gap = m_unit.isEmpty() ? 0 : l.spacing + l.spacing / 2;
    int unitWidth = m_unit.isEmpty() ? 0 : unitFm.horizontalAdvance(m_unit);
    const QFont fullValueFont = l.valueFont;
    int valueWidth = valueFm.horizontalAdvance(m_value);
    for (qreal factor = 0.95; valueWidth + gap + unitWidth > width && factor >= 0.6;
         factor -= 0.05) {
        l.valueFont = fullValueFont;
        if (fullValueFont.pointSizeF() > 0)
            l.valueFont.setPointSizeF(fullValueFont.pointSizeF() * factor);
        else
            l.valueFont.setPixelSize(std::max(1, int(fullValueFont.pixelSize() * factor)));
        valueWidth = QFontMetrics(l.valueFont).horizontalAdvance(m_value);
    }
    // Still too wide: the unit gives up room first, down to a third of the line.
    l.unitText = m_unit;
    if (valueWidth + gap + unitWidth > width && unitWidth > width / 3) {
        const int room = std::max(width / 3, width - gap - valueWidth);
        l.unitText = elide(unitFm, m_unit, room);
        unitWidth = unitFm.horizontalAdvance(l.unitText);
    }
    const QFontMetrics shrunk(l.valueFont);
    l.valueText = elide(shrunk, m_value, std::max(0, width - gap - unitWidth));
    valueWidth = shrunk.horizontalAdvance(l.valueText);
    l.unit = QRect(left + valueWidth + gap, y, unitWidth, valueFm.height());
    y += valueFm.height() + l.spacing;

    l.subtitle = QRect(left, y, width, subFm.height());
    QFont subtitleFont = l.subtitleFont;
    subtitleFont.setItalic(m_stale);
    l.subtitleText = elide(QFontMetrics(subtitleFont), lastLine(), width);
    return l;
}

QFont KpiTile::scaledFont(qreal factor, QFont::Weight weight) const
{
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor * m_scale);
    else
        f.setPixelSize(std::max(1, int(std::lround(f.pixelSize() * factor * m_scale))));
    f.setWeight(weight);
    return f;
}

QString KpiTile::lastLine() const
{
    if (!m_stale)
        return m_subtitle;
    if (m_ageSeconds < 0)
        return tr("Stale: no recent data");
    return tr("Stale: updated %1 ago").arg(AgeText::of(m_ageSeconds, locale()));
}

void KpiTile::refresh()
{
    setAccessibleName(m_title);
    QStringList parts { m_value };
    if (!m_unit.isEmpty())
        parts.append(m_unit);
    QString description = parts.join(QLatin1Char(' '));
    if (!lastLine().isEmpty())
        description += QStringLiteral(". ") + lastLine();
    if (showsBadge(m_severity) && !m_stale)
        description += QStringLiteral(". ") + Palette::severityLabel(m_severity);
    if (!m_explanation.isEmpty())
        description += QLatin1Char('\n') + m_explanation;
    setAccessibleDescription(description);
    // A text that had to be shortened is still readable in full on hover.
    setToolTip(m_title.isEmpty() ? description : m_title + QLatin1Char('\n') + description);
    updateGeometry();
    update();
}

} // namespace suanli::widgets
