#include "app/pages/Page.h"

namespace suanli::app {

Page::Page(QWidget *parent)
    : QWidget(parent)
{
}

Page::~Page() = default;

void Page::saveState() const { }

void Page::restoreState() { }

void Page::setBadge(int count)
{
    if (count == m_badge)
        return;
    m_badge = count;
    Q_EMIT badgeChanged(count);
}

} // namespace suanli::app
