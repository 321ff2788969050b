#pragma once

#include "app/wall/WallPage.h"

#include <QList>

class QHBoxLayout;
class QLabel;
class QVBoxLayout;

namespace suanli::widgets {
class KpiTile;
}

namespace suanli::app {

// WallFederationPage shows every centre side by side: its accelerators in use, free and down
// by model, utilisation, jobs running and pending, power and carbon. A centre whose data is
// not current is greyed on its own, with its age.
class WallFederationPage : public WallPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallFederationPage)
public:
    explicit WallFederationPage(QWidget *parent = nullptr);
    QString title() const override;
    bool isStale() const override;
    qint64 dataAgeSeconds() const override;

    void addCentre(client::Connection *centre);
    void removeCentre(client::Connection *centre);
    int centreCount() const { return int(m_columns.size()); }
    // What a centre's column shows, for tests: its name, then each tile's title and value,
    // then the per-model lines.
    QStringList columnText(int index) const;

protected:
    void refreshContent() override;
    void changeEvent(QEvent *event) override;

private:
    struct Column {
        client::Connection *centre = nullptr;
        QWidget *frame = nullptr;
        QLabel *name = nullptr;
        QLabel *status = nullptr;
        widgets::KpiTile *utilisation = nullptr;
        widgets::KpiTile *inUse = nullptr;
        widgets::KpiTile *running = nullptr;
        widgets::KpiTile *pending = nullptr;
        widgets::KpiTile *power = nullptr;
        widgets::KpiTile *carbon = nullptr;
        QVBoxLayout *models = nullptr;
        QList<QLabel *> modelLines; // reused; hidden when a centre has fewer models
    };
    void refreshColumn(Column &column);
    void applyFonts();

    QHBoxLayout *m_layout;
    QList<Column> m_columns;
};

} // namespace suanli::app
