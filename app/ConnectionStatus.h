#pragma once

#include "widgets/Palette.h"

#include <QCoreApplication>
#include <QString>

namespace suanli::client {
class Connection;
}

namespace suanli::app {

// ConnectionStatus is how the console words a centre's connection for its status badge ("Wuhan:
// reconnecting in 5 s", "Wuhan: backend unreachable, data 40 s old"), with the tone it is shown
// in and the connection's own detail for the tooltip.
struct ConnectionStatus {
    Q_DECLARE_TR_FUNCTIONS(ConnectionStatus)
public:
    QString text;
    widgets::SeverityColour tone = widgets::SeverityColour::Ok;
    QString detail;

    static ConnectionStatus of(const client::Connection &connection);
};

} // namespace suanli::app
