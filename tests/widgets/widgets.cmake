# QtTest programs of suanli_widgets (widgets/), run offscreen.
if(NOT TARGET suanli_widgets)
  return()
endif()

# suanli_widgets_test(NAME SOURCE): one program, registered with ctest under the label "widgets".
function(suanli_widgets_test name source)
  add_executable(${name} ${source})
  suanli_qt_target(${name})
  target_link_libraries(${name} PRIVATE Qt6::Test suanli_widgets)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS widgets TIMEOUT 300
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()

foreach(t palette rackheatmap quotabar kpitile statusbadge timeseriesplot)
  suanli_widgets_test(tst_${t} ${CMAKE_CURRENT_LIST_DIR}/tst_${t}.cpp)
endforeach()
