#pragma once

#include "app/models/EnergyFigures.h"
#include "app/models/OverviewFigures.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>
#include <optional>

namespace suanli::client {
class Connection;
}

namespace suanli::app {

// FederationModel sets the centres side by side: one column per centre and a
// Total column, one row per figure (connection, data age, accelerators of
// each model by state, utilisation, jobs, power, PUE, carbon). Each column
// follows its centre's overview stream; stale centres answer StaleRole. The
// figures, and the Total's sums, are the centres' OverviewFigures.
class FederationModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FederationModel)
public:
    enum class Figure {
        Connection,
        DataAge,
        AcceleratorsTotal,
        AcceleratorsInUse,
        AcceleratorsFree,
        AcceleratorsDown,
        // On draining, drained or maintenance nodes: with in use, free and down, the total.
        AcceleratorsUnavailable,
        Utilisation,
        JobsRunning,
        JobsPending,
        ItPower,
        FacilityPower,
        Pue,
        Carbon,
    };
    Q_ENUM(Figure)

    explicit FederationModel(QObject *parent = nullptr);

    // A column for the centre at `place` among the centres (-1: after the last).
    void addCentre(client::Connection *centre, int place = -1);
    void removeCentre(client::Connection *centre);
    QList<client::Connection *> centres() const { return m_centres; }
    // The column of a centre, or -1; the Total column is the last.
    int columnOf(client::Connection *centre) const;
    int totalColumn() const { return int(m_centres.size()); }
    // The centre shown in a column; null for Total.
    client::Connection *centreAt(int column) const;

    // The row of a figure (accelerator figures per model name, as Words::modelName gives it);
    // -1 when there is no such row.
    int rowOf(Figure figure, const QString &acceleratorModel = {}) const;
    // A figure's number in a column (the Total column sums); empty when the centre has
    // not sent an overview yet, or for Connection and DataAge.
    std::optional<double> value(
        int column, Figure figure, const QString &acceleratorModel = {}) const;
    // The figures of a column's centre, or of every centre for the Total; none for another
    // column.
    const OverviewFigures &figures(int column) const;
    // Accelerator model names, in row order.
    QStringList acceleratorModels() const;
    // Centres live and fresh / all centres.
    int liveCentres() const;
    // Centres that have sent an overview, and those of them with accelerator telemetry.
    int reportingCentres() const;
    int telemetryCentres() const;
    // Centres whose overview has the figure (a measured one needs telemetry; PUE, facility
    // power and carbon need the site's configured facts too).
    int centresWith(Figure figure) const;
    // True when the Total of a figure measured by telemetry or following from the site's
    // configured facts (utilisation, power, PUE, carbon) leaves out centres that lack it.
    bool totalIsPartial(Figure figure) const;
    // Why a column has no value for such a figure (not measured, not configured); for the Total,
    // when no centre has it and every one misses it for the same reason. None otherwise.
    EnergyFigures::Missing missing(int column, Figure figure) const;
    // True when the centre's figures are the last known ones (not connected, or its backend
    // unreachable).
    bool isStale(client::Connection *centre) const;
    // A figure of some centres' figures (one centre's, a group's), as value() gives a column's.
    static std::optional<double> valueOf(
        const OverviewFigures &figures, Figure figure, const QString &acceleratorModel = {});
    // A figure's value as every federation view words it ("61.2 %", "5.6 kW", "1.31").
    static QString figureText(Figure figure, double value);
    // Data ages and retry countdowns move with the clock: tells the views once a second.
    void refreshAges();

    // While inactive (its page hidden) the model only notes which centres changed; made active
    // again, it takes their figures in at once. Active, it takes changes in at most once per
    // interval (one second unless set), only those of the centres that changed.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    void setUpdateInterval(int milliseconds);
    // How many times a centre's figures were taken in since the model was made: what following
    // the centres costs, for tests.
    qint64 recomputations() const { return m_recomputations; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        Figure figure;
        QString model;
        bool operator==(const Row &o) const = default;
    };
    QList<Row> rowsFor() const;
    // Rows follow the accelerator models the centres report; a new model reshapes the table.
    void updateRows();
    // Notes a change of a centre, taken in now or at the next update.
    void centreChanged(client::Connection *centre);
    // Takes in the figures of the centres that changed since the last time.
    void takeChanges();
    void recompute(client::Connection *centre);
    QString text(int column, const Row &row) const;
    // Why each centre that reports lacks a figure, for those that do.
    QList<EnergyFigures::Missing> missingAt(Figure figure) const;
    qint64 ageSeconds(client::Connection *centre) const;

    QList<client::Connection *> m_centres;
    // Each centre's figures, by column, as of its last overview; and all of them together.
    QList<OverviewFigures> m_figures;
    OverviewFigures m_total;
    QList<Row> m_rows;
    QList<client::Connection *> m_changed;
    QTimer *m_updates;
    bool m_active = true;
    qint64 m_recomputations = 0;
};

} // namespace suanli::app
