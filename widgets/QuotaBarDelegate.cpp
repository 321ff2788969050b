#include "widgets/QuotaBarDelegate.h"

#include "widgets/QuotaBar.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace suanli::widgets {

namespace {

bool hasQuota(const QModelIndex &index)
{
    return index.data(QuotaBarDelegate::UsedRole).isValid()
        && index.data(QuotaBarDelegate::LimitRole).isValid();
}

} // namespace

QuotaBarDelegate::QuotaBarDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QuotaBarDelegate::~QuotaBarDelegate() = default;

void QuotaBarDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!hasQuota(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The cell's own background (selection, alternate rows), then the bar on it.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const int vmargin = std::max(2, (opt.rect.height() - opt.fontMetrics.height() - 6) / 2);
    const QRect bar = opt.rect.adjusted(4, vmargin, -4, -vmargin);
    painter->save();
    painter->setFont(opt.font);
    QuotaBar::paint(painter, bar, index.data(UsedRole).toDouble(), index.data(LimitRole).toDouble(),
        opt.palette, opt.locale);
    painter->restore();
}

QSize QuotaBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!hasQuota(index))
        return QStyledItemDelegate::sizeHint(option, index);
    const QSize bar = QuotaBar::sizeFor(option.fontMetrics, index.data(UsedRole).toDouble(),
        index.data(LimitRole).toDouble(), option.locale);
    return bar + QSize(8, 6);
}

bool QuotaBarDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    // Without a tooltip of its own, a cell too narrow for its text shows it on hover.
    if (event->type() == QEvent::ToolTip && hasQuota(index)
        && !index.data(Qt::ToolTipRole).isValid()) {
        QToolTip::showText(event->globalPos(),
            QuotaBar::textFor(
                index.data(UsedRole).toDouble(), index.data(LimitRole).toDouble(), option.locale),
            view, option.rect);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace suanli::widgets
