# QtTest programs of suanli_widgets (widgets/), run offscreen.
if(NOT TARGET suanli_widgets)
  return()
endif()


foreach(t palette rackheatmap quotabar kpitile statusbadge timeseriesplot)
  suanli_test(tst_${t} QT OFFSCREEN LIBS suanli_widgets LABELS widgets TIMEOUT 300)
endforeach()
