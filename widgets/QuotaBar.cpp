#include "widgets/QuotaBar.h"

#include "widgets/Palette.h"

#include <QEvent>
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

QString number(double value, const QLocale &locale)
{
    if (std::abs(value - std::round(value)) < 1e-9 && std::abs(value) < 1e15)
        return locale.toString(qint64(std::llround(value)));
    return locale.toString(value, 'f', 1);
}

QString percent(double value, const QLocale &locale)
{
    // One decimal only where rounding would say 0 % of a quota that is in use.
    if (value > 0.0 && value < 1.0)
        return locale.toString(value, 'f', 1);
    return locale.toString(qint64(std::llround(value)));
}

} // namespace

QuotaBar::QuotaBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Quota"));
    refresh();
}

QuotaBar::~QuotaBar() = default;

void QuotaBar::setValues(double used, double limit)
{
    if (used == m_used && limit == m_limit)
        return;
    m_used = used;
    m_limit = limit;
    refresh();
}

QString QuotaBar::text() const
{
    return textFor(m_used, m_limit, locale());
}

QColor QuotaBar::barColour() const
{
    return colourFor(m_used, m_limit, Palette::isDark(palette()));
}

QString QuotaBar::textFor(double used, double limit, const QLocale &locale)
{
    if (!(limit > 0.0)) {
        return used > 0.0 ? tr("%1 used, no quota").arg(number(used, locale)) : tr("no quota");
    }
    const QString pct = percent(used / limit * 100.0, locale);
    if (isOverLimit(used, limit)) {
        return tr("%1 / %2 (%3 %, over quota)")
            .arg(number(used, locale), number(limit, locale), pct);
    }
    return tr("%1 / %2 (%3 %)").arg(number(used, locale), number(limit, locale), pct);
}

QColor QuotaBar::colourFor(double used, double limit, bool dark)
{
    if (!(limit > 0.0))
        return Palette::noDataColour(dark);
    return Palette::usageColour(used / limit * 100.0, dark);
}

bool QuotaBar::isOverLimit(double used, double limit)
{
    return limit > 0.0 && used > limit;
}

void QuotaBar::paint(QPainter *painter, const QRect &rect, double used, double limit,
    const QPalette &palette, const QLocale &locale)
{
    if (rect.width() < 4 || rect.height() < 4)
        return;
    painter->save();
    const bool dark = Palette::isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor fill = colourFor(used, limit, dark);
    const QRectF bar = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath shape;
    shape.addRoundedRect(bar, 3, 3);

    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillPath(shape, mix(base, text, dark ? 0.16 : 0.08));

    QRectF filled(bar.left(), bar.top(), 0, bar.height());
    const bool over = isOverLimit(used, limit);
    if (limit > 0.0 && used > 0.0) {
        // Over the limit the bar's end is the usage, and the limit becomes a mark inside it.
        const double scale = std::max(used, limit);
        filled.setWidth(bar.width() * std::clamp(used / scale, 0.0, 1.0));
        painter->save();
        painter->setClipPath(shape, Qt::IntersectClip);
        painter->fillRect(filled, fill);
        if (over) {
            const double limitX = bar.left() + bar.width() * limit / scale;
            QColor hatch = Palette::textOn(fill);
            hatch.setAlpha(110);
            const QRectF past(limitX, bar.top(), bar.right() - limitX, bar.height());
            painter->fillRect(past, QBrush(hatch, Qt::BDiagPattern));
            painter->fillRect(
                QRectF(limitX - 1.0, bar.top(), 2.0, bar.height()), Palette::textOn(fill));
        }
        painter->restore();
    }
    painter->setPen(QPen(mix(base, text, dark ? 0.45 : 0.35), 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(shape);

    // The text is written once in the colour that reads on the fill, once in the one that reads
    // on the empty track, each clipped to its part of the bar.
    const QFontMetrics fm = painter->fontMetrics();
    const QString full = textFor(used, limit, locale);
    const int room = std::max(0, rect.width() - 8);
    const QString label
        = fm.horizontalAdvance(full) <= room ? full : fm.elidedText(full, Qt::ElideRight, room);
    const QRect textRect = rect.adjusted(4, 0, -4, 0);
    const QColor emptyText = limit > 0.0 ? text : palette.color(QPalette::PlaceholderText);
    painter->save();
    painter->setClipRect(filled, Qt::IntersectClip);
    painter->setPen(Palette::textOn(fill));
    painter->drawText(textRect, Qt::AlignCenter, label);
    painter->restore();
    painter->save();
    painter->setClipRect(
        QRectF(filled.right(), bar.top() - 1, bar.right() - filled.right() + 2, bar.height() + 2),
        Qt::IntersectClip);
    painter->setPen(emptyText);
    painter->drawText(textRect, Qt::AlignCenter, label);
    painter->restore();
    painter->restore();
}

QSize QuotaBar::sizeFor(const QFontMetrics &fm, double used, double limit, const QLocale &locale)
{
    return QSize(fm.horizontalAdvance(textFor(used, limit, locale)) + 16, fm.height() + 6);
}

QSize QuotaBar::sizeHint() const
{
    const QSize needed = sizeFor(fontMetrics(), m_used, m_limit, locale());
    return QSize(std::max(160, needed.width()), needed.height());
}

QSize QuotaBar::minimumSizeHint() const
{
    return QSize(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 6, fontMetrics().height() + 6);
}

void QuotaBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QPalette pal = palette();
    // On a window background the bar's text reads like any label's.
    pal.setColor(QPalette::Base, pal.color(QPalette::Window));
    pal.setColor(QPalette::Text, pal.color(QPalette::WindowText));
    paint(&p, rect(), m_used, m_limit, pal, locale());
}

void QuotaBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LocaleChange)
        refresh();
    QWidget::changeEvent(event);
}

void QuotaBar::refresh()
{
    setAccessibleDescription(text());
    updateGeometry();
    update();
}

} // namespace suanli::widgets
