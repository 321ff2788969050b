#include "widgets/WidgetsLogging.h"

// Debug output (layout timings) only on request: QT_LOGGING_RULES="suanli.widgets.debug=true".
Q_LOGGING_CATEGORY(lcWidgets, "suanli.widgets", QtInfoMsg)
