#pragma once

#include "app/wall/WallPage.h"

#include <QList>

class QGridLayout;
class QLabel;

namespace suanli::widgets {
class QuotaBar;
}

namespace suanli::app {

// WallTenantPage shows the tenants using most of a centre right now: accelerators in use
// against their quota (all models together) and what their pending jobs ask for.
class WallTenantPage : public WallPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallTenantPage)
public:
    static constexpr int kMaxRows = 10;

    explicit WallTenantPage(client::Connection *centre, QWidget *parent = nullptr);
    QString title() const override;
    QList<client::Connection::Collection> needs() const override
    {
        return { client::Connection::Collection::Tenants };
    }

    // Tenant names in the order shown.
    QStringList shownTenants() const;
    widgets::QuotaBar *bar(int row) const;

protected:
    void refreshContent() override;
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QLabel *rank = nullptr;
        QLabel *name = nullptr;
        widgets::QuotaBar *bar = nullptr;
        QLabel *pending = nullptr;
    };
    Row &row(int index);

    QWidget *m_body;
    QGridLayout *m_grid;
    QLabel *m_empty;
    QList<Row> m_rows;
    int m_shown = 0;
};

} // namespace suanli::app
