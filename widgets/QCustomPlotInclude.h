#pragma once

// qcustomplot.h uses the `signals`, `slots` and `foreach` keywords that the house's strict Qt
// defines (QT_NO_KEYWORDS, QT_NO_FOREACH) switch off: include it through this header only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach(variable, container) for (variable : container)
#include <qcustomplot.h>
#undef foreach
#undef slots
#undef signals
