#pragma once

#include <QStyledItemDelegate>

namespace suanli::widgets {

// SparklineDelegate draws a small line of percentages (0-100, oldest first) in a table cell,
// read as a QList<double> from the role it is given, its last point marked in the colour its
// value has on the usage scale; a cell with fewer than two points shows its text as usual.
class SparklineDelegate : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)
public:
    explicit SparklineDelegate(int role, QObject *parent = nullptr);
    ~SparklineDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace suanli::widgets
