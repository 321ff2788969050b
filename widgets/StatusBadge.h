#pragma once

#include "widgets/Palette.h"

#include <QColor>
#include <QWidget>

namespace suanli::widgets {

// StatusBadge is a small pill with a word or a count on a Palette colour: a connection's state
// ("Live", "Reconnecting in 5 s", "Certificate changed") or the number of alerts beside a page.
class StatusBadge : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBadge)
public:
    explicit StatusBadge(QWidget *parent = nullptr);
    StatusBadge(const QString &text, SeverityColour tone, QWidget *parent = nullptr);
    ~StatusBadge() override;

    void setText(const QString &text);
    QString text() const { return m_text; }
    // Shows count with the locale's digits; above cap it shows "cap+" ("99+").
    void setCount(int count, int cap = 99);
    // The pill's colour from Palette; follows the light or dark theme.
    void setTone(SeverityColour tone);
    SeverityColour tone() const { return m_tone; }
    // A colour of the caller's (overrides the tone until setTone is called again).
    void setColour(const QColor &colour);
    // The colour the pill is painted with.
    QColor colour() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QString m_text;
    SeverityColour m_tone = SeverityColour::None;
    QColor m_colour;
};

} // namespace suanli::widgets
