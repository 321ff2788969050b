#pragma once

#include "app/pages/Page.h"

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace suanli::client {
class Connection;
struct ActionResult;
} // namespace suanli::client

namespace suanli::widgets {
class RackHeatmap;
struct HeatmapCell;
} // namespace suanli::widgets

namespace suanli::v1 {
class Node;
}

namespace suanli::app {

class FilterBar;
class TableProxyModel;
class NodeDetailDialog;
class NodeTableModel;
class TableTools;

// NodesPage shows one centre's nodes as a rack heatmap beside a table, with
// one selection shared by both, the filter language in a filter bar, and
// drain, resume and reboot on the selection.
class NodesPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodesPage)
public:
    // Asks the user to confirm an action on targets; true with the reason.
    using Prompt = std::function<bool(const QString &title, const QString &question,
        const QStringList &targets, bool reasonRequired, QString *reason)>;

    explicit NodesPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();
    ~NodesPage() override;

    QStringList selectedNames() const;
    void setSelectedNames(const QStringList &names);
    void setFilterText(const QString &text);
    // Replaces the confirmation dialog (tests, scripted use).
    void setPrompt(Prompt prompt);

    QAction *drainAction() const { return m_drain; }
    QAction *resumeAction() const { return m_resume; }
    QAction *rebootAction() const { return m_reboot; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_filter; }
    widgets::RackHeatmap *heatmap() const { return m_heatmap; }

    // Opens (non-modal) the node's charts; Enter or a double-click on a node does too.
    NodeDetailDialog *openNodeDetail(const QString &name);

    void saveState() const override;
    void restoreState() override;

private:
    void rebuildHeatmap();
    void updateHeatmap(const QStringList &upserted, const QStringList &removed);
    widgets::HeatmapCell cellFor(const suanli::v1::Node &node) const;
    // Every node of the centre as the heatmap shows it now.
    QVector<widgets::HeatmapCell> allCells() const;
    void applyColourMode();
    void tableSelectionChanged();
    void heatmapSelectionChanged(const QStringList &names);
    void updateActions();
    void runAction(QAction *action);

    client::Connection *m_connection;
    NodeTableModel *m_model;
    TableProxyModel *m_proxy;
    FilterBar *m_filter;
    QComboBox *m_colourBy;
    widgets::RackHeatmap *m_heatmap;
    QTableView *m_table;
    TableTools *m_tools;
    QAction *m_drain;
    QAction *m_resume;
    QAction *m_reboot;
    QAction *m_export;
    Prompt m_prompt;
    bool m_syncing = false;
};

} // namespace suanli::app
