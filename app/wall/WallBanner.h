#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace suanli::app {

// WallBanner is the strip under the wall's top bar that says which centres are not current
// and why ("Wuhan: no connection for 2 min — data 2 min old"). It hides itself when all is well.
class WallBanner : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallBanner)
public:
    explicit WallBanner(QWidget *parent = nullptr);

    // One line per problem; critical paints the strip red instead of amber. Empty hides it.
    void setLines(const QStringList &lines, bool critical);
    QStringList lines() const { return m_lines; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_text;
    QStringList m_lines;
    bool m_critical = false;
};

} // namespace suanli::app
