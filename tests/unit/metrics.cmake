# Telemetry history behind QueryMetrics and StreamMetrics.
suanli_test(tst_metrics LIBS suanli_metrics)
