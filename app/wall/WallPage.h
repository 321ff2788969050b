#pragma once

#include "client/Connection.h"

#include <QList>
#include <QWidget>

namespace suanli::app {

// WallPage is one page of the wall display: a title for the top bar, the centre it shows (none
// for the federation), and a refresh() the wall calls once a second while the page is on screen,
// so a hidden page costs nothing. Pages hold a fixed set of widgets and only change their text.
class WallPage : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallPage)
public:
    // centre may be null for pages about every centre.
    WallPage(client::Connection *centre, QWidget *parent = nullptr);

    client::Connection *centre() const { return m_centre; }
    // "Wuhan · Queue pressure", for the top bar.
    virtual QString title() const = 0;
    // True when what the page shows is not current (the wall greys it and shows its age).
    virtual bool isStale() const;
    // Seconds since the data was current; -1 when unknown.
    virtual qint64 dataAgeSeconds() const;

    // What the page reads of its centre beyond the overview and alerts: the wall watches it
    // while the page is on screen or next.
    virtual QList<client::Connection::Collection> needs() const { return {}; }

    // Brings the page up to date with its centre; greys it when stale.
    void refresh();

protected:
    virtual void refreshContent() = 0;
    // Greys w (a colourless, dimmed copy) while greyed is true.
    static void setGreyed(QWidget *w, bool greyed);
    void showEvent(QShowEvent *event) override;

private:
    client::Connection *m_centre;
};

} // namespace suanli::app
