#include "widgets/RackHeatmap.h"

#include "widgets/Palette.h"
#include "widgets/WidgetsLogging.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QRubberBand>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace suanli::widgets {

namespace {

constexpr int kMargin = 4;
constexpr int kScaleSteps = 256;
constexpr int kStateColours = kScaleSteps; // state colours follow the scale's in the tables
constexpr int kMaxCellsPerLine = 16;
// Below this many cells a change repaints cell by cell; above, the whole widget at once.
constexpr int kCellRepaintLimit = 256;
// The cell states the legend lists, in the order people read them.
constexpr std::array<NodeStateColour, 8> kLegendStates
    = { NodeStateColour::Allocated, NodeStateColour::Mixed, NodeStateColour::Idle,
          NodeStateColour::Draining, NodeStateColour::Drained, NodeStateColour::Down,
          NodeStateColour::Maintenance, NodeStateColour::Unknown };

// Column captions: a little smaller than the widget's text.
QFont captionFont(const QFont &base)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    else
        f.setPixelSize(std::max(8, f.pixelSize() * 9 / 10));
    return f;
}

int stateIndex(int state)
{
    return int(Palette::stateFromInt(state));
}

int floorDiv(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int ceilDiv(int a, int b)
{
    return -floorDiv(-a, b);
}

// Compares names the way people number racks and nodes: "r2" before "r10", case ignored.
int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype si = i;
            qsizetype sj = j;
            while (si < a.size() && a[si] == u'0')
                ++si;
            while (sj < b.size() && b[sj] == u'0')
                ++sj;
            qsizetype ei = si;
            qsizetype ej = sj;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            for (qsizetype k = 0; k < ei - si; ++k) {
                if (a[si + k] != b[sj + k])
                    return a[si + k] < b[sj + k] ? -1 : 1;
            }
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j)
        return a.size() - i < b.size() - j ? -1 : 1;
    return a.compare(b);
}

} // namespace

RackHeatmap::RackHeatmap(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Rack heatmap"));
    refreshColours();
    refreshAccessibility();
}

RackHeatmap::~RackHeatmap() = default;

void RackHeatmap::setNodes(const QVector<HeatmapCell> &cells)
{
    const QStringList before = selectedNames();
    QHash<QString, bool> selected;
    for (const QString &name : before)
        selected.insert(name, true);

    m_nodes.clear();
    m_nodes.reserve(cells.size());
    m_index.clear();
    m_index.reserve(cells.size());
    for (const HeatmapCell &cell : cells) {
        auto it = m_index.constFind(cell.name);
        if (it != m_index.constEnd()) {
            // A repeated name: the last one wins, as updateNodes would do.
            Node &node = m_nodes[*it];
            node.rackName = cell.rack;
            node.state = cell.state;
            node.value = cell.value;
            node.tooltip = cell.tooltip;
            node.dimmed = cell.dimmed;
            node.selected = node.selected && !cell.dimmed;
            continue;
        }
        Node node;
        node.name = cell.name;
        node.rackName = cell.rack;
        node.tooltip = cell.tooltip;
        node.state = cell.state;
        node.value = cell.value;
        node.dimmed = cell.dimmed;
        node.selected = !cell.dimmed && selected.contains(cell.name);
        m_index.insert(cell.name, int(m_nodes.size()));
        m_nodes.append(node);
    }
    rebuild();
    if (selectedNames() != before)
        emitSelectionChanged();
}

void RackHeatmap::updateNodes(const QVector<HeatmapCell> &cells)
{
    bool structural = false;
    bool countsChanged = false;
    bool lostSelection = false;
    QVector<int> changed;
    changed.reserve(std::min<qsizetype>(cells.size(), kCellRepaintLimit + 1));
    for (const HeatmapCell &cell : cells) {
        auto it = m_index.constFind(cell.name);
        if (it == m_index.constEnd()) {
            Node node;
            node.name = cell.name;
            node.rackName = cell.rack;
            node.tooltip = cell.tooltip;
            node.state = cell.state;
            node.value = cell.value;
            node.dimmed = cell.dimmed;
            m_index.insert(cell.name, int(m_nodes.size()));
            m_nodes.append(node);
            structural = true;
            continue;
        }
        Node &node = m_nodes[*it];
        if (node.rackName != cell.rack) {
            node.rackName = cell.rack;
            structural = true;
        }
        node.tooltip = cell.tooltip;
        const bool stateChanged = node.state != cell.state;
        const bool wasNaN = std::isnan(node.value);
        const bool isNaN = std::isnan(cell.value);
        const bool valueChanged = wasNaN != isNaN || (!isNaN && node.value != cell.value);
        if (stateChanged) {
            --m_stateCounts[std::size_t(stateIndex(node.state))];
            ++m_stateCounts[std::size_t(stateIndex(cell.state))];
            countsChanged = true;
        }
        if (wasNaN != isNaN) {
            m_noValueCount += isNaN ? 1 : -1;
            countsChanged = true;
        }
        node.state = cell.state;
        node.value = cell.value;
        const bool dimmedChanged = node.dimmed != cell.dimmed;
        node.dimmed = cell.dimmed;
        if (node.dimmed && node.selected) {
            node.selected = false;
            lostSelection = true;
        }
        if ((stateChanged || valueChanged || dimmedChanged) && !structural
            && changed.size() <= kCellRepaintLimit)
            changed.append(*it);
    }

    if (lostSelection)
        emitSelectionChanged();
    if (structural) {
        rebuild();
        return;
    }
    if (!m_geometry.valid || changed.size() > kCellRepaintLimit) {
        update();
    } else {
        for (int index : std::as_const(changed))
            updateCell(index);
        if (countsChanged)
            update(m_geometry.legend);
    }
    if (countsChanged)
        refreshAccessibility();
}

void RackHeatmap::removeNodes(const QStringList &names)
{
    bool removedSelected = false;
    bool removedAny = false;
    QVector<bool> gone(m_nodes.size(), false);
    for (const QString &name : names) {
        auto it = m_index.constFind(name);
        if (it == m_index.constEnd())
            continue;
        gone[*it] = true;
        removedAny = true;
        removedSelected = removedSelected || m_nodes[*it].selected;
    }
    if (!removedAny)
        return;
    QVector<Node> kept;
    kept.reserve(m_nodes.size());
    m_index.clear();
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        if (gone[i])
            continue;
        m_index.insert(m_nodes[i].name, int(kept.size()));
        kept.append(std::move(m_nodes[i]));
    }
    m_nodes = std::move(kept);
    rebuild();
    if (removedSelected)
        emitSelectionChanged();
}

int RackHeatmap::nodeCount() const
{
    return int(m_nodes.size());
}

int RackHeatmap::rackCount() const
{
    return int(m_racks.size());
}

bool RackHeatmap::contains(const QString &name) const
{
    return m_index.contains(name);
}

HeatmapCell RackHeatmap::node(const QString &name) const
{
    const int index = m_index.value(name, -1);
    if (index < 0)
        return HeatmapCell();
    const Node &n = m_nodes[index];
    return HeatmapCell { n.name, n.rackName, n.state, n.value, n.tooltip, n.dimmed };
}

void RackHeatmap::setColourMode(
    ColourMode mode, double minimum, double maximum, const QString &unit)
{
    if (m_mode == mode && m_min == minimum && m_max == maximum && m_unit == unit)
        return;
    m_mode = mode;
    m_min = minimum;
    m_max = maximum;
    m_unit = unit;
    invalidateGeometry();
    updateGeometry();
    update();
}

void RackHeatmap::setCellSizeRange(int minimum, int maximum)
{
    minimum = std::max(3, minimum);
    maximum = std::max(minimum, maximum);
    if (m_minPitch == minimum && m_maxPitch == maximum)
        return;
    m_minPitch = minimum;
    m_maxPitch = maximum;
    invalidateGeometry();
    updateGeometry();
    update();
}

QStringList RackHeatmap::selectedNames() const
{
    QStringList names;
    for (int index : m_order) {
        if (m_nodes[index].selected)
            names.append(m_nodes[index].name);
    }
    return names;
}

void RackHeatmap::setSelectedNames(const QStringList &names)
{
    for (Node &node : m_nodes)
        node.selected = false;
    for (const QString &name : names) {
        const int index = m_index.value(name, -1);
        if (index >= 0 && !m_nodes[index].dimmed)
            m_nodes[index].selected = true;
    }
    update();
}

QString RackHeatmap::currentName() const
{
    return currentIndex() >= 0 ? m_current : QString();
}

void RackHeatmap::setCurrentName(const QString &name)
{
    const int index = m_index.value(name, -1);
    if (index < 0 || name == m_current)
        return;
    const int old = currentIndex();
    m_current = name;
    m_anchor = name;
    if (old >= 0)
        updateCell(old);
    updateCell(index);
}

QRect RackHeatmap::cellRect(const QString &name) const
{
    const int index = m_index.value(name, -1);
    return index < 0 ? QRect() : cellRectOf(index);
}

QString RackHeatmap::nameAt(const QPoint &pos) const
{
    const int index = indexAt(pos);
    return index < 0 ? QString() : m_nodes[index].name;
}

QString RackHeatmap::toolTipFor(const QString &name) const
{
    const int index = m_index.value(name, -1);
    if (index < 0)
        return QString();
    const Node &node = m_nodes[index];
    if (!node.tooltip.isEmpty())
        return node.tooltip;
    const QString rack = node.rackName.isEmpty() ? tr("no rack") : node.rackName;
    QString text
        = tr("%1 (rack %2)\n%3")
              .arg(node.name, rack, Palette::stateLabel(Palette::stateFromInt(node.state)));
    if (m_mode == ColourMode::Values) {
        text += QLatin1Char('\n')
            + (std::isnan(node.value) ? Palette::stateLabel(NodeStateColour::Unknown)
                                      : formatValue(node.value));
    }
    return text;
}

QRect RackHeatmap::legendRect() const
{
    return geometry().legend;
}

QSize RackHeatmap::sizeHint() const
{
    constexpr int width = 720;
    const Metrics m = metricsFor(std::clamp(14, m_minPitch, m_maxPitch), true);
    int columns = 0;
    const int content = packedHeight(m, width - 2 * kMargin, &columns);
    return QSize(width, std::max(160, legendHeightFor(width, nullptr) + content + kMargin * 2));
}

QSize RackHeatmap::minimumSizeHint() const
{
    return QSize(160, 80);
}

bool RackHeatmap::hasHeightForWidth() const
{
    return true;
}

int RackHeatmap::heightForWidth(int width) const
{
    if (m_hfwCache.first == width)
        return m_hfwCache.second;
    int columns = 0;
    const int content = packedHeight(metricsFor(m_minPitch, false), width - 2 * kMargin, &columns);
    const int height = legendHeightFor(width, nullptr) + content + 2 * kMargin;
    m_hfwCache = { width, height };
    return height;
}

bool RackHeatmap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = indexAt(help->pos());
        if (index >= 0) {
            QToolTip::showText(
                help->globalPos(), toolTipFor(m_nodes[index].name), this, cellRectOf(index));
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void RackHeatmap::paintEvent(QPaintEvent *event)
{
    const QRect exposed = event->rect();
    const Geometry &g = geometry();
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(exposed, pal.color(QPalette::Window));
    // Borders are one device pixel at any scale: crisp, and no thicker on a high-DPI screen.
    const qreal dpr = devicePixelRatioF();
    const qreal hair = 1.0 / dpr;

    // Legend: a swatch and words for every state, or the value scale between its limits.
    if (exposed.intersects(g.legend)) {
        p.setPen(pal.color(QPalette::WindowText));
        for (const LegendItem &item : g.legendItems) {
            if (item.state < 0) {
                QLinearGradient gradient(item.swatch.topLeft(), item.swatch.topRight());
                const QList<QColor> stops = Palette::scaleStops(m_dark);
                for (qsizetype i = 0; i < stops.size(); ++i)
                    gradient.setColorAt(double(i) / double(stops.size() - 1), stops[i]);
                p.fillRect(item.swatch, gradient);
                const int space = item.swatch.left() - item.text.left();
                p.drawText(QRect(item.text.left(), item.text.top(), space, item.text.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, formatValue(m_min));
                p.drawText(QRect(item.swatch.right() + 1, item.text.top(),
                               item.text.right() - item.swatch.right(), item.text.height()),
                    Qt::AlignRight | Qt::AlignVCenter, formatValue(m_max));
                continue;
            }
            const int c = kStateColours + item.state;
            const QColor &fill = m_fill[c];
            p.fillRect(item.swatch, m_border[c]);
            p.fillRect(QRectF(item.swatch).adjusted(hair, hair, -hair, -hair), fill);
            if (item.state == int(NodeStateColour::Down)) {
                p.save();
                p.setRenderHint(QPainter::Antialiasing);
                p.setPen(QPen(m_mark[c], 1.5));
                const QRectF r = QRectF(item.swatch).adjusted(3, 3, -3, -3);
                p.drawLine(r.topLeft(), r.bottomRight());
                p.drawLine(r.topRight(), r.bottomLeft());
                p.restore();
            }
            p.drawText(item.text, Qt::AlignLeft | Qt::AlignVCenter, legendText(item.state));
        }
    }

    if (g.lines.isEmpty())
        return;

    QFont labelFont = font();
    if (g.labelWidth > 0) {
        labelFont.setPixelSize(g.labelPixelSize);
        p.setFont(labelFont);
    }
    const QColor window = pal.color(QPalette::Window);
    const QColor text = pal.color(QPalette::WindowText);
    const bool bordered = g.cell >= 7;
    const bool marks = g.cell >= 7;
    const int frame = g.cell >= 10 ? 2 : 1;
    // Selection rings reach one pixel into the gap: repaint the cells next to the exposed rect.
    const QRect area = exposed.adjusted(-1, -1, 1, 1);
    QVector<QPair<QRect, QColor>> crosses;

    if (g.header > 0 && area.top() < g.top + g.header) {
        p.save();
        p.setFont(captionFont(font()));
        QColor caption = text;
        caption.setAlphaF(0.7f);
        p.setPen(caption);
        for (const Column &column : g.columns) {
            p.drawText(QRect(column.left, g.top, column.right - column.left + 1, g.header),
                Qt::AlignLeft | Qt::AlignTop, column.caption);
        }
        p.restore();
    }
    p.setPen(text);
    for (const Column &column : g.columns) {
        if (column.right < area.left() || column.left > area.right())
            continue;
        const auto begin = g.lines.cbegin() + column.firstLine;
        const auto end = g.lines.cbegin() + column.endLine;
        auto it = std::partition_point(
            begin, end, [&](const Line &line) { return line.y + g.cell <= area.top(); });
        for (; it != end && it->y <= area.bottom(); ++it) {
            const Line &line = *it;
            const Rack &rack = m_racks[line.rack];
            if (g.labelWidth > 0 && line.first == 0 && area.left() < line.x) {
                p.drawText(QRect(column.left, line.y - 3, g.labelWidth, g.cell + 6),
                    Qt::AlignLeft | Qt::AlignVCenter, g.labels[line.rack]);
            }
            const int c0 = std::max(0, ceilDiv(area.left() - line.x - g.cell + 1, g.pitch));
            const int c1 = std::min(line.count - 1, floorDiv(area.right() - line.x, g.pitch));
            for (int c = c0; c <= c1; ++c) {
                const Node &node = m_nodes[rack.members[line.first + c]];
                const QRect r(line.x + c * g.pitch, line.y, g.cell, g.cell);
                const int colour = colourIndex(node);
                const QColor &fill = node.dimmed ? m_dimFill[colour] : m_fill[colour];
                if (node.selected) {
                    // A ring in the text colour outside and one in the window colour inside
                    // show on every fill, whatever the theme's highlight colour.
                    p.fillRect(r.adjusted(-1, -1, 1, 1), text);
                    if (g.cell >= 5) {
                        p.fillRect(r, window);
                        p.fillRect(r.adjusted(frame, frame, -frame, -frame), fill);
                    }
                } else if (bordered) {
                    p.fillRect(r, node.dimmed ? m_dimBorder[colour] : m_border[colour]);
                    if (dpr == 1.0)
                        p.fillRect(r.adjusted(1, 1, -1, -1), fill);
                    else
                        p.fillRect(QRectF(r).adjusted(hair, hair, -hair, -hair), fill);
                } else {
                    p.fillRect(r, fill);
                }
                if (marks && stateIndex(node.state) == int(NodeStateColour::Down))
                    crosses.append({ r, node.dimmed ? m_dimBorder[colour] : m_mark[colour] });
            }
        }
    }

    // Down nodes carry a cross, so they stand out without telling colours apart.
    if (!crosses.isEmpty()) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        const qreal inset = std::max(2, g.cell / 4);
        for (const auto &[r, colour] : std::as_const(crosses)) {
            p.setPen(QPen(colour, std::max(1.0, g.cell / 8.0)));
            const QRectF f = QRectF(r).adjusted(inset, inset, -inset, -inset);
            p.drawLine(f.topLeft(), f.bottomRight());
            p.drawLine(f.topRight(), f.bottomLeft());
        }
        p.restore();
    }

    // The hovered cell, and the keyboard's cell while the widget has focus: a ring in the gap.
    const auto ring = [&](int index, const QColor &colour, Qt::PenStyle style) {
        const QRect r = cellRectOf(index).adjusted(-1, -1, 0, 0);
        if (!r.intersects(area))
            return;
        p.setPen(QPen(colour, 0, style));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r); // a QRect outline covers width + 1 pixels: just the gap around the cell
    };
    if (m_hover >= 0) {
        QColor hover = text;
        hover.setAlphaF(0.55f);
        ring(m_hover, hover, Qt::SolidLine);
    }
    if (hasFocus() && currentIndex() >= 0)
        ring(currentIndex(), text, Qt::DotLine);
}

void RackHeatmap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidateGeometry();
}

void RackHeatmap::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        refreshColours();
        update();
        break;
    case QEvent::FontChange:
    case QEvent::LocaleChange:
        m_labelAdvance.clear();
        m_hfwCache = { -1, -1 };
        invalidateGeometry();
        updateGeometry();
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void RackHeatmap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressIndex = indexAt(m_pressPos);
    m_pressModifiers = event->modifiers();
    m_pressSelection.resize(m_nodes.size());
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        m_pressSelection[i] = m_nodes[i].selected;
}

void RackHeatmap::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_pressed) {
        const int hover = indexAt(pos);
        if (hover != m_hover) {
            if (m_hover >= 0)
                updateCell(m_hover);
            m_hover = hover;
            if (m_hover >= 0)
                updateCell(m_hover);
        }
        return;
    }
    if (!m_dragging) {
        if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_dragging = true;
        if (!m_band)
            m_band = new QRubberBand(QRubberBand::Rectangle, this);
        m_band->show();
        update();
    }
    const QRect band = QRect(m_pressPos, pos).normalized();
    const QRect before = m_band->geometry();
    m_band->setGeometry(band);
    // A plain drag replaces the selection; Ctrl+drag adds to it.
    const bool add = m_pressModifiers & Qt::ControlModifier;
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        m_nodes[i].selected = add && m_pressSelection[i];
    for (int index : indicesIn(band))
        m_nodes[index].selected = true;
    update(before.united(band).adjusted(-2, -2, 2, 2));
}

void RackHeatmap::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        if (m_band)
            m_band->hide();
    } else {
        const int index = m_pressIndex;
        const Qt::KeyboardModifiers mods = m_pressModifiers;
        if (index < 0) {
            if (!(mods & (Qt::ControlModifier | Qt::ShiftModifier))) {
                for (Node &node : m_nodes)
                    node.selected = false;
            }
        } else if (mods & Qt::ShiftModifier) {
            int anchor = m_index.value(m_anchor, -1);
            if (anchor < 0) {
                anchor = index;
                m_anchor = m_nodes[index].name;
            }
            selectRange(anchor, index, mods & Qt::ControlModifier);
        } else if (mods & Qt::ControlModifier) {
            m_nodes[index].selected = !m_nodes[index].selected;
            m_anchor = m_nodes[index].name;
        } else {
            selectOnly(index);
            m_anchor = m_nodes[index].name;
        }
        if (index >= 0 && m_nodes[index].name != m_current) {
            m_current = m_nodes[index].name;
            Q_EMIT currentChanged(m_current);
        }
        update();
    }
    bool changed = m_pressSelection.size() != m_nodes.size();
    for (qsizetype i = 0; !changed && i < m_nodes.size(); ++i)
        changed = m_pressSelection[i] != m_nodes[i].selected;
    if (changed)
        emitSelectionChanged();
}

void RackHeatmap::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    // The release that follows does nothing; the cell is selected here in case no click came
    // first (synthesised events).
    m_pressed = false;
    const int index = indexAt(event->position().toPoint());
    if (index < 0)
        return;
    const int old = currentIndex();
    m_current = m_nodes[index].name;
    m_anchor = m_current;
    if (old != index)
        Q_EMIT currentChanged(m_current);
    if (selectOnly(index)) {
        update();
        emitSelectionChanged();
    }
    Q_EMIT activated(m_nodes[index].name);
}

void RackHeatmap::keyPressEvent(QKeyEvent *event)
{
    const int current = currentIndex();
    if (event->matches(QKeySequence::SelectAll)) {
        bool changed = false;
        for (Node &node : m_nodes) {
            changed = changed || !node.selected;
            node.selected = true;
        }
        update();
        if (changed)
            emitSelectionChanged();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End: {
        const int next = stepFrom(current, event->key());
        if (next >= 0)
            moveCurrent(next, event->modifiers());
        return;
    }
    case Qt::Key_Space:
    case Qt::Key_Select: {
        if (current < 0)
            return;
        bool changed = true;
        if (event->modifiers() & Qt::ControlModifier)
            m_nodes[current].selected = !m_nodes[current].selected;
        else
            changed = selectOnly(current);
        m_anchor = m_current;
        update();
        if (changed)
            emitSelectionChanged();
        return;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current >= 0)
            Q_EMIT activated(m_current);
        return;
    case Qt::Key_Escape: {
        bool changed = false;
        for (Node &node : m_nodes) {
            changed = changed || node.selected;
            node.selected = false;
        }
        if (changed) {
            update();
            emitSelectionChanged();
            return;
        }
        break;
    }
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void RackHeatmap::leaveEvent(QEvent *event)
{
    if (m_hover >= 0) {
        updateCell(m_hover);
        m_hover = -1;
    }
    QWidget::leaveEvent(event);
}

void RackHeatmap::focusInEvent(QFocusEvent *event)
{
    if (currentIndex() >= 0)
        updateCell(currentIndex());
    QWidget::focusInEvent(event);
}

void RackHeatmap::focusOutEvent(QFocusEvent *event)
{
    if (currentIndex() >= 0)
        updateCell(currentIndex());
    QWidget::focusOutEvent(event);
}

// Groups nodes into racks and sorts both by name; called when the set of nodes or racks changes.
void RackHeatmap::rebuild()
{
    QElapsedTimer timer;
    timer.start();
    QHash<QString, int> rackIndex;
    m_racks.clear();
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        const QString &rackName = m_nodes[i].rackName;
        auto it = rackIndex.constFind(rackName);
        if (it == rackIndex.constEnd()) {
            it = rackIndex.insert(rackName, int(m_racks.size()));
            m_racks.append(Rack { rackName, {} });
        }
        m_racks[*it].members.append(int(i));
    }
    std::sort(m_racks.begin(), m_racks.end(),
        [](const Rack &a, const Rack &b) { return naturalCompare(a.name, b.name) < 0; });
    m_order.clear();
    m_order.reserve(m_nodes.size());
    m_maxRackSize = 0;
    for (qsizetype r = 0; r < m_racks.size(); ++r) {
        QVector<int> &members = m_racks[r].members;
        std::sort(members.begin(), members.end(),
            [this](int a, int b) { return naturalCompare(m_nodes[a].name, m_nodes[b].name) < 0; });
        for (qsizetype s = 0; s < members.size(); ++s) {
            Node &node = m_nodes[members[s]];
            node.rack = int(r);
            node.slot = int(s);
            node.order = int(m_order.size());
            m_order.append(members[s]);
        }
        m_maxRackSize = std::max(m_maxRackSize, int(members.size()));
    }
    const int rows = std::max(1, ceilDiv(m_maxRackSize, kMaxCellsPerLine));
    m_perLine = std::max(1, ceilDiv(m_maxRackSize, rows));

    recount();
    m_hover = -1;
    // Indices held by a drag in progress no longer mean the same nodes: end it.
    if (m_pressed || m_dragging) {
        m_pressed = false;
        m_dragging = false;
        if (m_band)
            m_band->hide();
    }
    m_labelAdvance.clear();
    m_hfwCache = { -1, -1 };
    invalidateGeometry();
    updateGeometry();
    update();
    refreshAccessibility();
    qCDebug(lcWidgets) << "heatmap: grouped" << m_nodes.size() << "nodes into" << m_racks.size()
                       << "racks in" << timer.elapsed() << "ms";
}

void RackHeatmap::recount()
{
    m_stateCounts.fill(0);
    m_noValueCount = 0;
    for (const Node &node : std::as_const(m_nodes)) {
        ++m_stateCounts[std::size_t(stateIndex(node.state))];
        if (std::isnan(node.value))
            ++m_noValueCount;
    }
}

void RackHeatmap::refreshColours()
{
    m_dark = Palette::isDark(palette());
    m_fill.resize(kStateColours + Palette::StateCount);
    for (int i = 0; i < kScaleSteps; ++i)
        m_fill[i] = Palette::scaleColour(double(i) / (kScaleSteps - 1), m_dark);
    for (int s = 0; s < Palette::StateCount; ++s)
        m_fill[kStateColours + s] = Palette::stateColour(s, m_dark);
    m_border.resize(m_fill.size());
    m_mark.resize(m_fill.size());
    m_dimFill.resize(m_fill.size());
    m_dimBorder.resize(m_fill.size());
    // A node the filter hides keeps a quarter of its colour over the window's.
    const QColor window = palette().color(QPalette::Window);
    const auto blend = [&window](const QColor &c, double keep) {
        return QColor::fromRgbF(float(c.redF() * keep + window.redF() * (1 - keep)),
            float(c.greenF() * keep + window.greenF() * (1 - keep)),
            float(c.blueF() * keep + window.blueF() * (1 - keep)));
    };
    for (qsizetype i = 0; i < m_fill.size(); ++i) {
        m_border[i] = m_fill[i].darker(135);
        m_mark[i] = Palette::textOn(m_fill[i]);
        m_dimFill[i] = blend(m_fill[i], 0.25);
        m_dimBorder[i] = blend(m_border[i], 0.4);
    }
}

void RackHeatmap::refreshAccessibility()
{
    const QLocale loc = locale();
    QStringList parts;
    for (NodeStateColour state : kLegendStates) {
        const int count = m_stateCounts[std::size_t(state)];
        if (count > 0)
            parts.append(legendText(int(state)));
    }
    setAccessibleDescription(
        tr("%1 nodes in %2 racks: %3")
            .arg(loc.toString(nodeCount()), loc.toString(rackCount()), parts.join(tr(", "))));
}

void RackHeatmap::invalidateGeometry()
{
    m_geometry.valid = false;
}

RackHeatmap::Metrics RackHeatmap::metricsFor(int pitch, bool labels) const
{
    Metrics m {};
    m.pitch = pitch;
    m.gap = pitch >= 12 ? 2 : 1;
    m.cell = pitch - m.gap;
    const int basePixels = QFontInfo(font()).pixelSize();
    m.labelPixelSize = std::min(basePixels, m.cell + 1);
    m.labelWidth = labels && m.labelPixelSize >= 9 ? labelAdvance(m.labelPixelSize) + 6 : 0;
    m.rackGap = m_maxRackSize > m_perLine ? std::max(2, pitch / 3) : 0;
    m.blockWidth = m.labelWidth + m_perLine * pitch - m.gap;
    m.columnGap = std::max(12, pitch);
    m.header = m.labelWidth == 0 ? QFontMetrics(captionFont(font())).height() + 2 : 0;
    return m;
}

int RackHeatmap::linesOf(int rack) const
{
    return std::max(1, ceilDiv(int(m_racks[rack].members.size()), m_perLine));
}

// The height of the tallest column when the racks are spread evenly over as many columns as
// fit in width; packs nothing, so the cell size can be searched cheaply.
int RackHeatmap::packedHeight(const Metrics &m, int width, int *columnCount) const
{
    *columnCount = 0;
    if (m_racks.isEmpty())
        return 0;
    const int fit = std::max(1, (width + m.columnGap) / (m.blockWidth + m.columnGap));
    const int columns = std::min(fit, int(m_racks.size()));
    int total = 0;
    int tallest = 0;
    for (qsizetype r = 0; r < m_racks.size(); ++r) {
        const int advance = linesOf(int(r)) * m.pitch + m.rackGap;
        total += advance;
        tallest = std::max(tallest, advance);
    }
    const auto needed = [&](int capacity) {
        int count = 1;
        int used = 0;
        for (qsizetype r = 0; r < m_racks.size(); ++r) {
            const int advance = linesOf(int(r)) * m.pitch + m.rackGap;
            if (used + advance > capacity && used > 0) {
                ++count;
                used = 0;
            }
            used += advance;
        }
        return count;
    };
    int lo = std::max(tallest, total / columns);
    int hi = total;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (needed(mid) <= columns)
            hi = mid;
        else
            lo = mid + 1;
    }
    *columnCount = needed(lo);
    return lo - m.rackGap - m.gap + m.header;
}

int RackHeatmap::labelAdvance(int pixelSize) const
{
    auto it = m_labelAdvance.constFind(pixelSize);
    if (it != m_labelAdvance.constEnd())
        return *it;
    QFont f = font();
    f.setPixelSize(pixelSize);
    const QFontMetrics fm(f);
    int widest = 0;
    for (const Rack &rack : m_racks)
        widest = std::max(widest, fm.horizontalAdvance(rack.name));
    // Long names are elided from the left: the end of a rack name is what tells racks apart.
    widest = std::min(widest, fm.horizontalAdvance(QLatin1Char('0')) * 10);
    m_labelAdvance.insert(pixelSize, widest);
    return widest;
}

int RackHeatmap::legendHeightFor(int width, QVector<LegendItem> *items) const
{
    const QFontMetrics fm(font());
    const int rowHeight = fm.height() + 6;
    const int swatchSize = std::max(10, fm.height() - 2);
    const int spacing = fm.horizontalAdvance(QLatin1Char(' '));
    int x = kMargin;
    int y = kMargin;
    const auto place = [&](int itemWidth) {
        if (x > kMargin && x + itemWidth > width - kMargin) {
            x = kMargin;
            y += rowHeight;
        }
        const QPoint at(x, y);
        x += itemWidth + spacing * 3;
        return at;
    };
    if (m_mode == ColourMode::Values) {
        const int low = fm.horizontalAdvance(formatValue(m_min));
        const int high = fm.horizontalAdvance(formatValue(m_max));
        const int scale = std::clamp(width / 4, 80, 220);
        const int itemWidth = low + high + scale + 2 * spacing;
        const QPoint at = place(itemWidth);
        if (items) {
            LegendItem item;
            item.state = -1;
            item.text = QRect(at.x(), at.y(), itemWidth, rowHeight);
            item.swatch = QRect(
                at.x() + low + spacing, at.y() + (rowHeight - swatchSize) / 2, scale, swatchSize);
            items->append(item);
        }
    }
    // Counts change with every update; the room kept for them does not, so the legend never
    // moves the cells.
    const int countWidth = fm.horizontalAdvance(locale().toString(std::max(9, nodeCount())));
    const auto addState = [&](NodeStateColour state) {
        const QString label = Palette::stateLabel(state);
        const int textWidth
            = fm.horizontalAdvance(tr("%1 %2", "legend: state, count").arg(label, QString()))
            + countWidth;
        const int itemWidth = swatchSize + spacing + textWidth;
        const QPoint at = place(itemWidth);
        if (items) {
            LegendItem item;
            item.state = int(state);
            item.swatch
                = QRect(at.x(), at.y() + (rowHeight - swatchSize) / 2, swatchSize, swatchSize);
            item.text = QRect(at.x() + swatchSize + spacing, at.y(), textWidth, rowHeight);
            items->append(item);
        }
    };
    if (m_mode == ColourMode::States) {
        for (NodeStateColour state : kLegendStates)
            addState(state);
    } else {
        addState(NodeStateColour::Unknown);
        addState(NodeStateColour::Down);
    }
    return y + rowHeight + kMargin;
}

const RackHeatmap::Geometry &RackHeatmap::geometry() const
{
    Geometry &g = m_geometry;
    if (g.valid && g.size == size())
        return g;
    QElapsedTimer timer;
    timer.start();
    g = Geometry();
    g.valid = true;
    g.size = size();
    const int width = std::max(1, size().width());
    const int legendHeight = legendHeightFor(width, &g.legendItems);
    g.legend = QRect(0, 0, width, legendHeight);
    const int top = legendHeight;
    const int availableWidth = width - 2 * kMargin;
    const int availableHeight = size().height() - top - kMargin;

    // The largest cells that let every rack fit; with rack names, unless names would cost more
    // than a quarter of the cell size.
    int labelled = 0;
    int plain = 0;
    for (int pitch = m_maxPitch; pitch >= m_minPitch && (labelled == 0 || plain == 0); --pitch) {
        int columns = 0;
        if (labelled == 0) {
            const Metrics withNames = metricsFor(pitch, true);
            if (withNames.labelWidth > 0
                && packedHeight(withNames, availableWidth, &columns) <= availableHeight)
                labelled = pitch;
        }
        if (plain == 0
            && packedHeight(metricsFor(pitch, false), availableWidth, &columns) <= availableHeight)
            plain = pitch;
    }
    const bool names = labelled > 0 && labelled * 4 >= plain * 3;
    const Metrics m = metricsFor(names ? labelled : std::max(plain, m_minPitch), names);
    int columns = 0;
    const int capacity = packedHeight(m, availableWidth, &columns) - m.header + m.rackGap + m.gap;
    g.pitch = m.pitch;
    g.cell = m.cell;
    g.perLine = m_perLine;
    g.labelWidth = m.labelWidth;
    g.labelPixelSize = m.labelPixelSize;
    g.top = top;
    g.header = m.header;

    QFont labelFont = font();
    labelFont.setPixelSize(std::max(1, m.labelPixelSize));
    const QFontMetrics fm(labelFont);
    g.rackFirstLine.resize(m_racks.size());
    g.labels.resize(m_racks.size());
    const QFontMetrics captionFm(captionFont(font()));
    const auto close = [&](Column &column) {
        column.endLine = int(g.lines.size());
        if (m.header > 0 && column.endLine > column.firstLine) {
            const QString &first = m_racks[g.lines[column.firstLine].rack].name;
            const QString &last = m_racks[g.lines[column.endLine - 1].rack].name;
            const QString caption
                = first == last ? first : tr("%1 \u2013 %2", "racks from, to").arg(first, last);
            column.caption
                = captionFm.elidedText(caption, Qt::ElideRight, column.right - column.left + 1);
        }
        g.columns.append(column);
    };
    int used = 0;
    int x = kMargin;
    const int firstY = top + m.header;
    int y = firstY;
    Column column { x, x + m.blockWidth - 1, 0, 0, {} };
    for (qsizetype r = 0; r < m_racks.size(); ++r) {
        const int lines = linesOf(int(r));
        const int advance = lines * m.pitch + m.rackGap;
        if (used + advance > capacity && used > 0) {
            close(column);
            x += m.blockWidth + m.columnGap;
            y = firstY;
            used = 0;
            column = Column { x, x + m.blockWidth - 1, int(g.lines.size()), 0, {} };
        }
        g.rackFirstLine[r] = int(g.lines.size());
        const int size = int(m_racks[r].members.size());
        for (int l = 0; l < lines; ++l) {
            const int first = l * m_perLine;
            g.lines.append(
                Line { int(r), first, std::min(m_perLine, size - first), x + m.labelWidth, y });
            y += m.pitch;
        }
        y += m.rackGap;
        used += advance;
        g.contentHeight = std::max(g.contentHeight, y - top);
        if (m.labelWidth > 0) {
            const QString name = m_racks[r].name.isEmpty() ? tr("no rack") : m_racks[r].name;
            const int room = m.labelWidth - 6;
            g.labels[r] = fm.horizontalAdvance(name) <= room
                ? name
                : fm.elidedText(name, Qt::ElideLeft, room);
        }
    }
    if (!m_racks.isEmpty())
        close(column);
    qCDebug(lcWidgets) << "heatmap: laid out" << m_nodes.size() << "cells at" << g.pitch << "px in"
                       << g.columns.size() << "columns in" << timer.elapsed() << "ms";
    return g;
}

QRect RackHeatmap::cellRectOf(int index) const
{
    if (index < 0 || index >= m_nodes.size())
        return QRect();
    const Geometry &g = geometry();
    const Node &node = m_nodes[index];
    if (node.rack < 0 || node.rack >= g.rackFirstLine.size())
        return QRect();
    const Line &line = g.lines[g.rackFirstLine[node.rack] + node.slot / g.perLine];
    const int c = node.slot % g.perLine;
    return QRect(line.x + c * g.pitch, line.y, g.cell, g.cell);
}

int RackHeatmap::indexAt(const QPoint &pos) const
{
    const Geometry &g = geometry();
    for (const Column &column : g.columns) {
        if (pos.x() < column.left || pos.x() > column.right)
            continue;
        const auto begin = g.lines.cbegin() + column.firstLine;
        const auto end = g.lines.cbegin() + column.endLine;
        const auto it = std::partition_point(
            begin, end, [&](const Line &line) { return line.y + g.cell <= pos.y(); });
        if (it == end || pos.y() < it->y)
            return -1;
        const int dx = pos.x() - it->x;
        if (dx < 0 || dx % g.pitch >= g.cell)
            return -1;
        const int c = dx / g.pitch;
        if (c >= it->count)
            return -1;
        return m_racks[it->rack].members[it->first + c];
    }
    return -1;
}

QVector<int> RackHeatmap::indicesIn(const QRect &rect) const
{
    QVector<int> found;
    const Geometry &g = geometry();
    for (const Column &column : g.columns) {
        if (column.right < rect.left() || column.left > rect.right())
            continue;
        const auto begin = g.lines.cbegin() + column.firstLine;
        const auto end = g.lines.cbegin() + column.endLine;
        auto it = std::partition_point(
            begin, end, [&](const Line &line) { return line.y + g.cell <= rect.top(); });
        for (; it != end && it->y <= rect.bottom(); ++it) {
            const int c0 = std::max(0, ceilDiv(rect.left() - it->x - g.cell + 1, g.pitch));
            const int c1 = std::min(it->count - 1, floorDiv(rect.right() - it->x, g.pitch));
            for (int c = c0; c <= c1; ++c)
                found.append(m_racks[it->rack].members[it->first + c]);
        }
    }
    return found;
}

int RackHeatmap::colourIndex(const Node &node) const
{
    if (m_mode == ColourMode::States)
        return kStateColours + stateIndex(node.state);
    if (std::isnan(node.value))
        return kStateColours + int(NodeStateColour::Unknown);
    const double span = m_max - m_min;
    const double fraction = span > 0 ? (node.value - m_min) / span : 1.0;
    return std::clamp(int(std::lround(fraction * (kScaleSteps - 1))), 0, kScaleSteps - 1);
}

QString RackHeatmap::legendText(int state) const
{
    const int count = state == int(NodeStateColour::Unknown) && m_mode == ColourMode::Values
        ? m_noValueCount
        : m_stateCounts[std::size_t(stateIndex(state))];
    return tr("%1 %2", "legend: state, count")
        .arg(Palette::stateLabel(Palette::stateFromInt(state)), locale().toString(count));
}

QString RackHeatmap::formatValue(double value) const
{
    const int decimals = std::abs(m_max - m_min) < 10.0 ? 1 : 0;
    const QString number = locale().toString(value, 'f', decimals);
    if (m_unit.isEmpty())
        return number;
    return tr("%1 %2", "value, unit").arg(number, m_unit);
}

void RackHeatmap::updateCell(int index)
{
    const QRect r = cellRectOf(index);
    if (!r.isEmpty())
        update(r.adjusted(-2, -2, 2, 2));
}

int RackHeatmap::currentIndex() const
{
    return m_current.isEmpty() ? -1 : m_index.value(m_current, -1);
}

void RackHeatmap::moveCurrent(int index, Qt::KeyboardModifiers modifiers)
{
    const int old = currentIndex();
    m_current = m_nodes[index].name;
    if (old >= 0)
        updateCell(old);
    updateCell(index);
    if (modifiers & Qt::ShiftModifier) {
        int anchor = m_index.value(m_anchor, -1);
        if (anchor < 0)
            anchor = old >= 0 ? old : index;
        m_anchor = m_nodes[anchor].name;
        if (selectRange(anchor, index, modifiers & Qt::ControlModifier)) {
            update();
            emitSelectionChanged();
        }
    } else {
        m_anchor = m_current;
    }
    if (old != index)
        Q_EMIT currentChanged(m_current);
}

int RackHeatmap::stepFrom(int index, int key) const
{
    if (m_order.isEmpty())
        return -1;
    if (index < 0)
        return m_order.first();
    const int order = m_nodes[index].order;
    switch (key) {
    case Qt::Key_Left:
        return order > 0 ? m_order[order - 1] : -1;
    case Qt::Key_Right:
        return order + 1 < m_order.size() ? m_order[order + 1] : -1;
    case Qt::Key_Home:
        return m_order.first();
    case Qt::Key_End:
        return m_order.last();
    default:
        break;
    }
    // Up and Down go to the row above or below, keeping the position in the row.
    const Geometry &g = geometry();
    const Node &node = m_nodes[index];
    const int line = g.rackFirstLine[node.rack] + node.slot / g.perLine;
    const int target = key == Qt::Key_Up ? line - 1 : line + 1;
    if (target < 0 || target >= g.lines.size())
        return -1;
    const Line &to = g.lines[target];
    const int c = std::min(node.slot % g.perLine, to.count - 1);
    return m_racks[to.rack].members[to.first + c];
}

bool RackHeatmap::selectOnly(int index)
{
    bool changed = false;
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        const bool want = i == index;
        changed = changed || m_nodes[i].selected != want;
        m_nodes[i].selected = want;
    }
    return changed;
}

bool RackHeatmap::selectRange(int from, int to, bool add)
{
    int a = m_nodes[from].order;
    int b = m_nodes[to].order;
    if (a > b)
        std::swap(a, b);
    bool changed = false;
    for (qsizetype o = 0; o < m_order.size(); ++o) {
        Node &node = m_nodes[m_order[o]];
        const bool want = (o >= a && o <= b) || (add && node.selected);
        changed = changed || node.selected != want;
        node.selected = want;
    }
    return changed;
}

void RackHeatmap::emitSelectionChanged()
{
    // Clicks, ranges and Select All pass over the nodes the filter hides.
    for (Node &node : m_nodes)
        node.selected = node.selected && !node.dimmed;
    Q_EMIT selectionChanged(selectedNames());
}

} // namespace suanli::widgets
