#pragma once

#include <QColor>
#include <QLocale>
#include <QWidget>

class QPainter;

namespace suanli::widgets {

// QuotaBar shows how much of a quota is used: a bar coloured by Palette's usage thresholds with
// "48 / 64 (75 %)" written on it; over the limit it is hatched past a limit mark, and a limit
// of 0 reads "no quota". QuotaBarDelegate paints the same bar in table cells.
class QuotaBar : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotaBar)
public:
    explicit QuotaBar(QWidget *parent = nullptr);
    ~QuotaBar() override;

    void setValues(double used, double limit);
    double used() const { return m_used; }
    double limit() const { return m_limit; }
    // The text written on the bar.
    QString text() const;
    // The colour of the filled part.
    QColor barColour() const;

    // "48 / 64 (75 %)", "70 / 64 (109 %, over quota)", "no quota", "12 used, no quota".
    static QString textFor(double used, double limit, const QLocale &locale = QLocale());
    // Palette::usageColour of the percentage; the no-data grey when there is no quota.
    static QColor colourFor(double used, double limit, bool dark);
    static bool isOverLimit(double used, double limit);
    // Paints the bar and its text in rect, with the palette's text colours; used by the widget
    // and by QuotaBarDelegate so both look the same.
    static void paint(QPainter *painter, const QRect &rect, double used, double limit,
        const QPalette &palette, const QLocale &locale = QLocale());
    // The size the bar needs to show text with font metrics fm without eliding.
    static QSize sizeFor(
        const QFontMetrics &fm, double used, double limit, const QLocale &locale = QLocale());

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    double m_used = 0.0;
    double m_limit = 0.0;
};

} // namespace suanli::widgets
