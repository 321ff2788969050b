// widgets_gallery: renders every widget with a realistic centre (2,000 nodes in 250 racks) to
// PNGs in light and dark, to look at after a change. Run by hand:
//   build-widgets/widgets/widgets_gallery docs/shots-tmp
#include "widgets/HeatmapCell.h"
#include "widgets/KpiTile.h"
#include "widgets/Palette.h"
#include "widgets/QuotaBar.h"
#include "widgets/QuotaBarDelegate.h"
#include "widgets/RackHeatmap.h"
#include "widgets/StatusBadge.h"
#include "widgets/TimeSeriesPlot.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRandomGenerator>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

using namespace suanli::widgets;

namespace {

QPalette darkPalette()
{
    return Palette::surface(Surface::Dark);
}

// Ten rows of 25 racks ("A01".."J25"), 8 nodes each; mostly busy, a few broken, one rack
// without power and one in maintenance, as a Monday morning looks.
QVector<HeatmapCell> centre()
{
    QRandomGenerator rng(7);
    QVector<HeatmapCell> cells;
    for (int row = 0; row < 10; ++row) {
        for (int r = 1; r <= 25; ++r) {
            const QString rack
                = QChar(u'A' + row) + QStringLiteral("%1").arg(r, 2, 10, QLatin1Char('0'));
            for (int n = 1; n <= 8; ++n) {
                HeatmapCell c;
                c.rack = rack;
                c.name = QStringLiteral("lg-%1-%2")
                             .arg(rack.toLower())
                             .arg(n, 2, 10, QLatin1Char('0'));
                const int roll = int(rng.bounded(1000));
                c.state = roll < 690 ? 2
                    : roll < 820     ? 3
                    : roll < 920     ? 1
                    : roll < 945     ? 4
                    : roll < 975     ? 5
                    : roll < 990     ? 6
                                     : 7;
                if (rack == QStringLiteral("C07"))
                    c.state = 6;
                if (rack == QStringLiteral("G19"))
                    c.state = 7;
                const double base = c.state == 2 ? 88 : c.state == 3 ? 55 : c.state == 1 ? 3 : 20;
                c.value = c.state >= 5 ? std::nan("")
                                       : std::clamp(base + rng.bounded(24.0) - 12.0, 0.0, 100.0);
                cells.append(c);
            }
        }
    }
    return cells;
}

// A federation-sized site: 20,000 nodes in 1,250 racks of 16.
QVector<HeatmapCell> bigCentre()
{
    QRandomGenerator rng(11);
    QVector<HeatmapCell> cells;
    for (int r = 1; r <= 1250; ++r) {
        const QString rack = QStringLiteral("R%1").arg(r, 4, 10, QLatin1Char('0'));
        for (int n = 1; n <= 16; ++n) {
            const int roll = int(rng.bounded(1000));
            HeatmapCell c;
            c.rack = rack;
            c.name = rack.toLower() + QStringLiteral("-n%1").arg(n, 2, 10, QLatin1Char('0'));
            c.state = roll < 700 ? 2
                : roll < 830     ? 3
                : roll < 930     ? 1
                : roll < 960     ? 4
                : roll < 985     ? 5
                : roll < 995     ? 6
                                 : 7;
            cells.append(c);
        }
    }
    return cells;
}

void save(QWidget *w, const QString &dir, const QString &name)
{
    w->ensurePolished();
    if (w->layout())
        w->layout()->activate();
    const QString path = dir + QLatin1Char('/') + name;
    w->grab().save(path);
    QTextStream(stdout) << path << "\n";
}

QWidget *heatmapSheet(RackHeatmap::ColourMode mode, QSize size)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *title = new QLabel(mode == RackHeatmap::ColourMode::States
            ? QObject::tr("Shanghai Lingang · nodes by state")
            : QObject::tr("Shanghai Lingang · accelerator utilisation"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setWeight(QFont::DemiBold);
    title->setFont(f);
    layout->addWidget(title);
    auto *heatmap = new RackHeatmap;
    heatmap->setNodes(centre());
    if (mode == RackHeatmap::ColourMode::Values)
        heatmap->setColourMode(mode, 0, 100, QStringLiteral("%"));
    heatmap->setSelectedNames(
        { QStringLiteral("lg-b03-02"), QStringLiteral("lg-b03-03"), QStringLiteral("lg-b03-04") });
    layout->addWidget(heatmap, 1);
    page->resize(size);
    return page;
}

QWidget *tilesSheet(bool large)
{
    auto *page = new QWidget;
    auto *grid = new QGridLayout(page);
    grid->setSpacing(10);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);

    auto *busy = new KpiTile(QObject::tr("Accelerators in use"));
    busy->setValue(14208);
    busy->setUnit(QObject::tr("/ 16,000"));
    busy->setTrend(+312, 600);
    grid->addWidget(busy, 0, 0);

    auto *wait = new KpiTile(QObject::tr("Queue wait p95"));
    wait->setValue(47);
    wait->setUnit(QObject::tr("min"));
    wait->setSubtitle(QObject::tr("gpu-h800: 212 jobs pending"));
    wait->setSeverity(SeverityColour::Warning);
    grid->addWidget(wait, 0, 1);

    auto *down = new KpiTile(QObject::tr("Nodes down"));
    down->setValue(11);
    down->setTrend(+8, 900);
    down->setSeverity(SeverityColour::Critical);
    grid->addWidget(down, 0, 2);

    auto *power = new KpiTile(QObject::tr("Power draw"));
    power->setValue(6.84, 2);
    power->setUnit(QObject::tr("MW"));
    power->setSubtitle(QObject::tr("PUE 1.18 · 3.9 t CO₂/h"));
    power->setStale(true, 420);
    grid->addWidget(power, 1, 0);

    auto *cjk = new KpiTile(QStringLiteral("加速卡利用率（昇腾 910B）"));
    cjk->setValue(87.5, 1);
    cjk->setUnit(QStringLiteral("%"));
    cjk->setSubtitle(QStringLiteral("较 10 分钟前 +2.1 %"));
    cjk->setSeverity(SeverityColour::Ok);
    grid->addWidget(cjk, 1, 1);

    auto *longOne = new KpiTile(QObject::tr("Accelerator-hours used this month by tenant "
                                            "Zhejiang Lab (all projects)"));
    longOne->setValue(1234567890);
    longOne->setUnit(QObject::tr("accelerator-hours"));
    longOne->setSubtitle(QObject::tr("quota resets on the first of the month at 00:00 CST"));
    longOne->setSeverity(SeverityColour::Info);
    grid->addWidget(longOne, 1, 2);

    auto *badges = new QWidget;
    auto *row = new QHBoxLayout(badges);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new StatusBadge(QObject::tr("Live"), SeverityColour::Ok));
    row->addWidget(new StatusBadge(QObject::tr("Reconnecting in 5 s"), SeverityColour::Warning));
    row->addWidget(new StatusBadge(QObject::tr("Certificate changed"), SeverityColour::Critical));
    row->addWidget(new StatusBadge(QObject::tr("Read only"), SeverityColour::Info));
    row->addWidget(new StatusBadge(QObject::tr("Offline"), SeverityColour::None));
    auto *count = new StatusBadge;
    count->setTone(SeverityColour::Critical);
    count->setCount(3);
    row->addWidget(count);
    auto *many = new StatusBadge;
    many->setTone(SeverityColour::Warning);
    many->setCount(1234);
    row->addWidget(many);
    row->addStretch();
    grid->addWidget(badges, 2, 0, 1, 3);

    const struct {
        double used;
        double limit;
    } quotas[]
        = { { 48, 64 }, { 20, 64 }, { 60, 64 }, { 70, 64 }, { 0, 0 }, { 12, 0 }, { 1.5, 512 } };
    auto *bars = new QWidget;
    auto *barGrid = new QGridLayout(bars);
    barGrid->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (const auto &q : quotas) {
        auto *bar = new QuotaBar;
        bar->setValues(q.used, q.limit);
        barGrid->addWidget(bar, i / 4, i % 4);
        ++i;
    }
    grid->addWidget(bars, 3, 0, 1, 3);

    auto *model = new QStandardItemModel(0, 3, page);
    model->setHorizontalHeaderLabels(
        { QObject::tr("Project"), QObject::tr("Model"), QObject::tr("Accelerators") });
    const struct {
        const char *project;
        const char *model;
        double used;
        double limit;
    } rows[] = { { "llm-pretrain", "H800", 480, 512 }, { "vision", "A100", 96, 256 },
        { "speech", "Ascend 910B", 130, 128 }, { "rl-agents", "H100", 0, 0 },
        { "drug-discovery", "MLU370", 22, 32 } };
    for (const auto &r : rows) {
        auto *quota = new QStandardItem;
        quota->setData(r.used, QuotaBarDelegate::UsedRole);
        quota->setData(r.limit, QuotaBarDelegate::LimitRole);
        model->appendRow({ new QStandardItem(QString::fromUtf8(r.project)),
            new QStandardItem(QString::fromUtf8(r.model)), quota });
    }
    auto *table = new QTableView;
    table->setModel(model);
    table->setItemDelegateForColumn(2, new QuotaBarDelegate(table));
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    table->selectRow(1);
    table->setFixedHeight(table->verticalHeader()->length() + table->horizontalHeader()->height()
        + 2 * table->frameWidth());
    grid->addWidget(table, 4, 0, 1, 3);

    if (large) {
        for (KpiTile *tile : page->findChildren<KpiTile *>())
            tile->setLarge(true);
    }
    const int width = large ? 1500 : 960;
    page->resize(width,
        page->heightForWidth(width) > 0 ? page->heightForWidth(width) : page->sizeHint().height());
    return page;
}

// A node's last hour: eight cards training, one that fell off the bus at 40 minutes, the
// tenant's quota line; shown for a moment so the plots draw (hidden plots do not).
QWidget *plotSheet()
{
    auto *sheet = new QWidget;
    auto *layout = new QVBoxLayout(sheet);
    auto *utilisation = new TimeSeriesPlot(sheet);
    auto *power = new TimeSeriesPlot(sheet);
    layout->addWidget(utilisation);
    layout->addWidget(power);
    const double end = double(QDateTime::currentSecsSinceEpoch() / 60 * 60);
    utilisation->setTitle(QStringLiteral("Utilisation"));
    utilisation->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Percent);
    utilisation->setValueRange(TimeSeriesPlot::Axis::Left, 0, 100);
    power->setTitle(QStringLiteral("Power"));
    power->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Watts);
    QRandomGenerator rng(3);
    for (int card = 0; card < 8; ++card) {
        const QString key = QStringLiteral("acc%1").arg(card);
        const QString label = QStringLiteral("H100 #%1").arg(card);
        utilisation->addSeries(key, label, Palette::categoryColour(card));
        power->addSeries(key, label, Palette::categoryColour(card));
        QVector<double> times, u, w;
        for (int m = 0; m < 60; ++m) {
            const bool lost = card == 5 && m >= 40;
            times.append(end - 60.0 * (59 - m));
            const double busy = 92 + 6 * std::sin(m / 6.0 + card) + rng.bounded(2.0);
            u.append(lost ? qQNaN() : busy);
            w.append(lost ? qQNaN() : 60 + 6.3 * busy + rng.bounded(20.0));
        }
        utilisation->setSeriesData(key, times, u);
        power->setSeriesData(key, times, w);
    }
    const QList<TimeSeriesPlot::Marker> markers
        = { { end - 19 * 60, QStringLiteral("H100 #5: XID 79 (fell off the bus)"),
            Palette::severityColour(SeverityColour::Critical) } };
    for (TimeSeriesPlot *p : { utilisation, power }) {
        p->setMarkers(markers);
        p->setEndTime(end);
    }
    power->setReferenceLine(QStringLiteral("cap"), 700, QStringLiteral("H100 TDP 700 W"),
        Palette::seriesColour(SeriesMeaning::Quota));
    sheet->resize(1280, 800);
    sheet->show();
    QEventLoop loop;
    QTimer::singleShot(400, &loop, &QEventLoop::quit);
    loop.exec();
    utilisation->showCrosshairAt(end - 19 * 60);
    QTimer::singleShot(200, &loop, &QEventLoop::quit);
    loop.exec();
    return sheet;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("shots");
    QDir().mkpath(dir);
    const QPalette light = QApplication::style()->standardPalette();

    for (bool dark : { false, true }) {
        QApplication::setPalette(dark ? darkPalette() : light);
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        std::unique_ptr<QWidget> states(
            heatmapSheet(RackHeatmap::ColourMode::States, QSize(1280, 720)));
        save(states.get(), dir, QStringLiteral("heatmap-states-%1.png").arg(theme));
        std::unique_ptr<QWidget> values(
            heatmapSheet(RackHeatmap::ColourMode::Values, QSize(1280, 720)));
        save(values.get(), dir, QStringLiteral("heatmap-values-%1.png").arg(theme));
        std::unique_ptr<QWidget> small(
            heatmapSheet(RackHeatmap::ColourMode::States, QSize(560, 420)));
        save(small.get(), dir, QStringLiteral("heatmap-small-%1.png").arg(theme));
        RackHeatmap big;
        big.setNodes(bigCentre());
        big.resize(1920, 1080);
        save(&big, dir, QStringLiteral("heatmap-20k-%1.png").arg(theme));
        std::unique_ptr<QWidget> tiles(tilesSheet(false));
        save(tiles.get(), dir, QStringLiteral("tiles-%1.png").arg(theme));
        std::unique_ptr<QWidget> wall(tilesSheet(true));
        save(wall.get(), dir, QStringLiteral("tiles-wall-%1.png").arg(theme));
        std::unique_ptr<QWidget> plots(plotSheet());
        save(plots.get(), dir, QStringLiteral("plots-%1.png").arg(theme));
    }
    return 0;
}
