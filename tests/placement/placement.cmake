# The start forecaster and placement quotes (server/placement), on hand-made and simulated centres.
suanli_test(tst_forecaster LIBS suanli_placement)
suanli_test(tst_forecastquality LIBS suanli_placement suanli_sim TIMEOUT 900)
suanli_test(tst_placementquotes LIBS suanli_placement suanli_sim)
