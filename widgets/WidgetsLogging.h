#pragma once

#include <QLoggingCategory>

// The logging category of the reusable widgets ("suanli.widgets").
Q_DECLARE_LOGGING_CATEGORY(lcWidgets)
