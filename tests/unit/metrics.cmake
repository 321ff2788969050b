# Telemetry history behind QueryMetrics and StreamMetrics.
suanli_gtest(tst_metrics SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_metrics.cpp LIBS suanli_metrics
             LABELS unit)
