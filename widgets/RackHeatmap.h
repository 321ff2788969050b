#pragma once

#include "widgets/HeatmapCell.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QRect>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <array>

class QRubberBand;

namespace suanli::widgets {

// RackHeatmap shows every node of a centre as one cell, grouped by rack (a rack is a row of
// cells after its name; racks flow down in columns), coloured by state or by a value, with a
// legend. It paints thousands of cells without a widget per cell, and selects like a list view.
class RackHeatmap : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RackHeatmap)
public:
    enum class ColourMode { States, Values };
    Q_ENUM(ColourMode)

    explicit RackHeatmap(QWidget *parent = nullptr);
    ~RackHeatmap() override;

    // Replaces every node. The selection and the current cell are kept for names still present
    // (selectionChanged is emitted only if selected names went away).
    void setNodes(const QVector<HeatmapCell> &cells);
    // Changes the given nodes, found by name; unknown names are added. A change of state, value
    // or tooltip repaints only those cells; only a new node or a change of rack lays out again.
    void updateNodes(const QVector<HeatmapCell> &cells);
    // Removes nodes by name; emits selectionChanged if selected ones went away.
    void removeNodes(const QStringList &names);
    int nodeCount() const;
    int rackCount() const;
    bool contains(const QString &name) const;
    HeatmapCell node(const QString &name) const;

    // States colours by NodeStateColour; Values by HeatmapCell::value on Palette's sequential
    // scale from minimum to maximum, with unit shown in the legend ("%", "°C", "kW").
    void setColourMode(ColourMode mode, double minimum = 0.0, double maximum = 100.0,
        const QString &unit = QString());
    ColourMode colourMode() const { return m_mode; }
    double minimum() const { return m_min; }
    double maximum() const { return m_max; }
    QString unit() const { return m_unit; }

    // The cells grow to fill the widget between these sizes (pixels, gap included); the default
    // is 4 to 24. Below the minimum the widget asks for more height (heightForWidth).
    void setCellSizeRange(int minimum, int maximum);

    // Selected names in the order they are shown (rack by rack).
    QStringList selectedNames() const;
    // Selects exactly these names (unknown and dimmed ones are ignored); emits nothing.
    void setSelectedNames(const QStringList &names);
    // The keyboard's cell; empty when there is none.
    QString currentName() const;
    void setCurrentName(const QString &name);

    // Where a node's cell is painted, in widget coordinates; empty if unknown.
    QRect cellRect(const QString &name) const;
    // The node under pos, or an empty string.
    QString nameAt(const QPoint &pos) const;
    // The text the hover tooltip shows for a node.
    QString toolTipFor(const QString &name) const;
    // The legend's area at the top of the widget.
    QRect legendRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

Q_SIGNALS:
    // The user changed the selection (click, Ctrl/Shift+click, rubber band, keyboard).
    void selectionChanged(const QStringList &names);
    // Double-click or Enter on a node.
    void activated(const QString &name);
    void currentChanged(const QString &name);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    struct Node {
        QString name;
        QString rackName;
        QString tooltip;
        double value = 0.0;
        int state = 0;
        int rack = -1; // index into m_racks
        int slot = 0; // position inside its rack
        int order = 0; // position in the display order
        bool selected = false;
        bool dimmed = false;
    };
    struct Rack {
        QString name;
        QVector<int> members; // node indices in display order
    };
    // One row of cells: a rack, or part of a rack longer than perLine.
    struct Line {
        int rack = 0;
        int first = 0; // slot of the first cell
        int count = 0;
        int x = 0; // left of the first cell
        int y = 0;
    };
    struct Column {
        int left = 0;
        int right = 0;
        int firstLine = 0;
        int endLine = 0;
        QString caption; // "A01 – B11" when cells are too small for a label per rack
    };
    struct LegendItem {
        int state = -1; // -1: the value scale
        QRect swatch;
        QRect text;
    };
    // Everything paint and hit testing need, computed once per size, font or structure change.
    struct Geometry {
        bool valid = false;
        QSize size;
        int pitch = 0;
        int cell = 0;
        int perLine = 1;
        int labelWidth = 0;
        int labelPixelSize = 0;
        int top = 0; // below the legend
        int header = 0;
        QRect legend;
        QVector<LegendItem> legendItems;
        QVector<Line> lines;
        QVector<Column> columns;
        QVector<int> rackFirstLine;
        QVector<QString> labels; // rack names elided to the label column
        int contentHeight = 0;
    };
    struct Metrics {
        int pitch;
        int gap;
        int cell;
        int labelWidth;
        int labelPixelSize;
        int rackGap;
        int blockWidth;
        int columnGap;
        int header; // caption row above each column, when racks have no labels
    };

    void rebuild();
    void recount();
    void refreshColours();
    void refreshAccessibility();
    void invalidateGeometry();
    const Geometry &geometry() const;
    // labels: a name before each rack, where the cells are tall enough for text.
    Metrics metricsFor(int pitch, bool labels) const;
    int linesOf(int rack) const;
    int packedHeight(const Metrics &m, int width, int *columnCount) const;
    int legendHeightFor(int width, QVector<LegendItem> *items) const;
    int labelAdvance(int pixelSize) const;
    QRect cellRectOf(int index) const;
    int indexAt(const QPoint &pos) const;
    QVector<int> indicesIn(const QRect &rect) const;
    // Index into m_fill, m_border and m_mark: a scale step, or kStateColours + a state.
    int colourIndex(const Node &node) const;
    QString legendText(int state) const;
    QString formatValue(double value) const;
    void updateCell(int index);
    int currentIndex() const;
    void moveCurrent(int index, Qt::KeyboardModifiers modifiers);
    int stepFrom(int index, int key) const;
    bool selectOnly(int index);
    bool selectRange(int from, int to, bool add);
    void emitSelectionChanged();

    QVector<Node> m_nodes;
    QHash<QString, int> m_index;
    QVector<Rack> m_racks;
    QVector<int> m_order; // node indices in display order
    int m_maxRackSize = 0;
    int m_perLine = 1; // cells in a row; longer racks take several rows
    std::array<int, 8> m_stateCounts {};
    int m_noValueCount = 0;

    ColourMode m_mode = ColourMode::States;
    double m_min = 0.0;
    double m_max = 100.0;
    QString m_unit;
    int m_minPitch = 4;
    int m_maxPitch = 24;

    bool m_dark = false;
    // Colours worked out once per palette: painting 20,000 cells only looks them up.
    QVector<QColor> m_fill;
    QVector<QColor> m_dimFill;
    QVector<QColor> m_dimBorder;
    QVector<QColor> m_border;
    QVector<QColor> m_mark; // the Down cross on that fill

    mutable Geometry m_geometry;
    mutable QHash<int, int> m_labelAdvance; // pixel size -> widest rack name
    mutable QPair<int, int> m_hfwCache { -1, -1 };

    QString m_current;
    QString m_anchor;
    int m_hover = -1;
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPos;
    int m_pressIndex = -1;
    Qt::KeyboardModifiers m_pressModifiers;
    QVector<bool> m_pressSelection;
    QPointer<QRubberBand> m_band;
};

} // namespace suanli::widgets
