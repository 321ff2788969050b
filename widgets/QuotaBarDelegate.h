#pragma once

#include <QStyledItemDelegate>

namespace suanli::widgets {

// QuotaBarDelegate paints a QuotaBar in a table cell, reading used and limit (numbers) from
// UsedRole and LimitRole; cells without them are painted as usual.
class QuotaBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotaBarDelegate)
public:
    static constexpr int UsedRole = Qt::UserRole + 0x5100;
    static constexpr int LimitRole = Qt::UserRole + 0x5101;

    explicit QuotaBarDelegate(QObject *parent = nullptr);
    ~QuotaBarDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
};

} // namespace suanli::widgets
