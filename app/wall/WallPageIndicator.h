#pragma once

#include <QWidget>

namespace suanli::app {

// WallPageIndicator is the row of dots in the wall's top bar: one per page, the current one
// filled, so a viewer knows where the rotation is.
class WallPageIndicator : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallPageIndicator)
public:
    explicit WallPageIndicator(QWidget *parent = nullptr);

    void setPages(int count, int current);
    int count() const { return m_count; }
    int current() const { return m_current; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int m_count = 0;
    int m_current = -1;
};

} // namespace suanli::app
