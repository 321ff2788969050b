#pragma once

#include <QLoggingCategory>

namespace suanli::client {

// The client library's log: QT_LOGGING_RULES="suanli.client.debug=true" shows connection steps.
Q_DECLARE_LOGGING_CATEGORY(lcClient)

} // namespace suanli::client
