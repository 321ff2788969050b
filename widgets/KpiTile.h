#pragma once

#include "widgets/Palette.h"

#include <QLocale>
#include <QWidget>

namespace suanli::widgets {

// KpiTile shows one key figure of a centre (accelerators in use, queue wait, power): a title,
// a big value with its unit, a trend or subtitle line, an optional severity accent, and a
// greyed "stale" look with the data's age when the figure is not fresh. It scales up for a
// wall display and elides rather than cuts text.
class KpiTile : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiTile)
public:
    enum class Part { Title, Value, Unit, Subtitle };
    Q_ENUM(Part)

    explicit KpiTile(QWidget *parent = nullptr);
    explicit KpiTile(const QString &title, QWidget *parent = nullptr);
    ~KpiTile() override;

    void setTitle(const QString &title);
    QString title() const { return m_title; }
    // Formats value with the widget's locale ("1,532", "1.25").
    void setValue(double value, int decimals = 0);
    // A value already in words or formatted ("—", "3 h 20 min").
    void setValueText(const QString &text);
    QString valueText() const { return m_value; }
    void setUnit(const QString &unit);
    QString unit() const { return m_unit; }
    // The line under the value: a trend ("+3 in the last 10 min") or any short note.
    void setSubtitle(const QString &subtitle);
    QString subtitle() const { return m_subtitle; }
    // Sets the subtitle to "+3 in the last 10 min" (sign and number by the locale).
    void setTrend(double delta, qint64 periodSeconds, int decimals = 0);
    // Why the figure is what it is, e.g. why there is none ("this centre reports no
    // telemetry…"): added to the tooltip and the accessible description. Empty: nothing to add.
    void setExplanation(const QString &explanation);
    QString explanation() const { return m_explanation; }

    // None: no accent; otherwise a border and left accent in Palette::severityColour, and, for
    // Warning and Critical, the severity's word in the corner.
    void setSeverity(SeverityColour severity);
    SeverityColour severity() const { return m_severity; }

    // A stale tile is greyed, and its last line says how old the figure is (ageSeconds < 0:
    // unknown).
    void setStale(bool stale, qint64 ageSeconds = -1);
    bool isStale() const { return m_stale; }

    // Wall displays: every font and margin grows by scale (setLarge(true) is 2).
    void setScale(qreal scale);
    qreal scale() const { return m_scale; }
    void setLarge(bool large);
    bool isLarge() const { return m_scale > 1.0; }

    // The text of a part as it is painted at the current size (elided when it does not fit).
    QString shownText(Part part) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    struct Layout {
        QFont titleFont;
        QFont valueFont;
        QFont unitFont;
        QFont subtitleFont;
        QFont badgeFont;
        int padding = 0;
        int accent = 0;
        int spacing = 0;
        QRect title;
        QRect badge;
        QRect value;
        QRect unit;
        QRect subtitle;
        QString titleText;
        QString valueText;
        QString unitText;
        QString subtitleText;
        QString badgeText;
        int valueBaseline = 0;
    };
    Layout layoutFor(const QSize &size) const;
    QFont scaledFont(qreal factor, QFont::Weight weight) const;
    QString lastLine() const;
    void refresh();

    QString m_title;
    QString m_value;
    QString m_unit;
    QString m_subtitle;
    QString m_explanation;
    SeverityColour m_severity = SeverityColour::None;
    bool m_stale = false;
    qint64 m_ageSeconds = -1;
    qreal m_scale = 1.0;
};

} // namespace suanli::widgets
