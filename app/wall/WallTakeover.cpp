#include "app/wall/WallTakeover.h"

#include "app/wall/WallStyle.h"
#include "widgets/Palette.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

namespace suanli::app {

WallTakeover::WallTakeover(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(tr("CRITICAL ALERT"), this))
    , m_centre(new QLabel(this))
    , m_target(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_since(new QLabel(this))
    , m_more(new QLabel(this))
{
    setObjectName(QStringLiteral("WallTakeover"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    const QColor red = widgets::Palette::severityColour(widgets::SeverityColour::Critical, true);
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, widgets::Palette::textOn(red));
    setPalette(pal);
    m_summary->setWordWrap(true);
    for (QLabel *l : { m_heading, m_centre, m_target, m_since, m_more })
        l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(64, 48, 64, 48);
    layout->setSpacing(24);
    layout->addWidget(m_heading);
    layout->addStretch(1);
    layout->addWidget(m_centre);
    layout->addWidget(m_target);
    layout->addWidget(m_summary);
    layout->addWidget(m_since);
    layout->addStretch(1);
    layout->addWidget(m_more);
    applyFonts();
}

void WallTakeover::setAlerts(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    const Alert &a = alerts.first();
    m_centre->setText(a.centre);
    m_target->setText(a.target);
    m_summary->setText(a.summary);
    m_since->setText(a.since);
    m_more->setText(alerts.size() > 1
            ? tr("More new critical alerts: %1").arg(QLocale().toString(alerts.size() - 1))
            : QString());
}

QStringList WallTakeover::texts() const
{
    return { m_heading->text(), m_centre->text(), m_target->text(), m_summary->text(),
        m_since->text(), m_more->text() };
}

void WallTakeover::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), widgets::Palette::severityColour(widgets::SeverityColour::Critical, true));
}

void WallTakeover::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applyFonts();
    QWidget::changeEvent(event);
}

void WallTakeover::applyFonts()
{
    const QFont f = font();
    m_heading->setFont(WallStyle::font(f, 1.4, QFont::Black));
    m_centre->setFont(WallStyle::font(f, 3.2, QFont::Bold));
    m_target->setFont(WallStyle::font(f, 2.4, QFont::DemiBold));
    m_summary->setFont(WallStyle::font(f, 1.6, QFont::Normal));
    m_since->setFont(WallStyle::font(f, 1.3, QFont::Normal));
    m_more->setFont(WallStyle::font(f, 1.2, QFont::Medium));
}

} // namespace suanli::app
