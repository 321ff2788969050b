#pragma once

#include "suanli/v1/placement.pb.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QPointer>
#include <string>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace suanli::client {
class Connection;
class PlacementQuery;
} // namespace suanli::client

namespace suanli::app {

class Federation;

// "Where can this run?": the shape of some work (tenant, acceptable accelerator models,
// accelerators in all and per node, hours, queue), asked of every connected centre at once, and
// the answers ranked soonest, greenest or domestic first, with each centre's reasons where it
// cannot take the work. Each centre's answer shows as it comes: one that does not answer is
// marked "no answer" with when it was last heard from, and holds up no one. While open, the
// question is asked again every refreshSeconds() and whenever the shape changes.
class PlacementDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementDialog)
public:
    enum Column {
        CentreColumn,
        ModelColumn,
        QueueColumn,
        StartColumn,
        IntervalColumn,
        HeadroomColumn,
        EnergyColumn,
        Co2Column,
        DomesticColumn,
        WhyNotColumn,
        ColumnCount
    };

    explicit PlacementDialog(Federation *federation, QWidget *parent = nullptr);
    ~PlacementDialog() override;

    static int refreshSeconds() { return 15; }

    // The shape as the form says; false (with `error`) when it cannot be asked.
    bool shape(suanli::v1::QuotePlacementRequest *request, QString *error) const;
    // Asks every connected centre now.
    void ask();
    QTableWidget *table() const { return m_table; }
    QComboBox *orderBox() const { return m_order; }

private:
    struct Centre {
        QPointer<client::PlacementQuery> query;
        bool answered = false;
        bool asked = false;
        suanli::v1::QuotePlacementResponse response;
        QString error;
        QDateTime lastAnswer; // when it last answered
        quint64 generation = 0; // which ask the answer is for
    };

    void centreAdded(client::Connection *centre);
    void centreRemoved(client::Connection *centre);
    void fillChoices();
    void shapeChanged();
    void showAnswers();
    QString lastSeen(client::Connection *centre, const Centre &state) const;

    Federation *m_federation;
    QHash<client::Connection *, Centre> m_centres;
    quint64 m_generation = 0;
    std::string m_askedShape; // the last shape asked, serialized

    QComboBox *m_tenant;
    QListWidget *m_models;
    QSpinBox *m_accelerators;
    QSpinBox *m_perNode;
    QDoubleSpinBox *m_hours;
    QLineEdit *m_queue;
    QComboBox *m_order;
    QTableWidget *m_table;
    QLabel *m_status;
    QTimer *m_refresh;
    QTimer *m_shapeDelay;
};

} // namespace suanli::app
