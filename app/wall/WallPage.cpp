#include "app/wall/WallPage.h"

#include "app/wall/WallStyle.h"

#include <QGraphicsColorizeEffect>

namespace suanli::app {

WallPage::WallPage(client::Connection *centre, QWidget *parent)
    : QWidget(parent)
    , m_centre(centre)
{
    setFocusPolicy(Qt::NoFocus);
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

bool WallPage::isStale() const
{
    return m_centre && WallStyle::isStale(m_centre);
}

qint64 WallPage::dataAgeSeconds() const
{
    return m_centre ? WallStyle::dataAgeSeconds(m_centre) : -1;
}

void WallPage::refresh()
{
    refreshContent();
}

void WallPage::setGreyed(QWidget *w, bool greyed)
{
    auto *effect = qobject_cast<QGraphicsColorizeEffect *>(w->graphicsEffect());
    if (greyed == (effect != nullptr && effect->isEnabled()))
        return;
    if (!effect) {
        effect = new QGraphicsColorizeEffect(w);
        effect->setColor(QColor(0x80, 0x80, 0x80));
        effect->setStrength(0.85);
        w->setGraphicsEffect(effect);
    }
    effect->setEnabled(greyed);
}

void WallPage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

} // namespace suanli::app
