#include "app/wall/WallBanner.h"

#include "widgets/Palette.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace suanli::app {

WallBanner::WallBanner(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("WallBanner"));
    m_text->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 12, 32, 12);
    layout->addWidget(m_text);
    setVisible(false);
}

void WallBanner::setLines(const QStringList &lines, bool critical)
{
    if (lines == m_lines && critical == m_critical)
        return;
    m_lines = lines;
    m_critical = critical;
    const QColor background = widgets::Palette::severityColour(
        critical ? widgets::SeverityColour::Critical : widgets::SeverityColour::Warning, true);
    QPalette pal = m_text->palette();
    pal.setColor(QPalette::WindowText, widgets::Palette::textOn(background));
    m_text->setPalette(pal);
    m_text->setText(lines.join(u'\n'));
    setVisible(!lines.isEmpty());
    update();
}

void WallBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(),
        widgets::Palette::severityColour(
            m_critical ? widgets::SeverityColour::Critical : widgets::SeverityColour::Warning,
            true));
}

} // namespace suanli::app
