#include "widgets/SparklineDelegate.h"

#include "widgets/Palette.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace suanli::widgets {

SparklineDelegate::SparklineDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{
}

SparklineDelegate::~SparklineDelegate() = default;

void SparklineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QList<double> points = index.data(m_role).value<QList<double>>();
    if (points.size() < 2) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background and selection as any other cell's, without its text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
    if (area.width() < 8 || area.height() < 4)
        return;
    const auto at = [&](qsizetype i) {
        const double x = area.left() + area.width() * double(i) / double(points.size() - 1);
        const double y
            = area.bottom() - area.height() * std::clamp(points.at(i), 0.0, 100.0) / 100.0;
        return QPointF(x, y);
    };
    QPainterPath line(at(0));
    for (qsizetype i = 1; i < points.size(); ++i)
        line.lineTo(at(i));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    QPen pen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
    pen.setWidthF(1.2);
    painter->setPen(pen);
    painter->drawPath(line);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Palette::usageColour(points.constLast()));
    painter->drawEllipse(at(points.size() - 1), 2.5, 2.5);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize text = QStyledItemDelegate::sizeHint(option, index);
    return { std::max(text.width(), 90), text.height() };
}

} // namespace suanli::widgets
