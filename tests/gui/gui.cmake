# Offscreen GUI tests of the console against a real suanlid.
if(NOT TARGET suanli_app)
  return()
endif()
add_executable(tst_console ${CMAKE_CURRENT_LIST_DIR}/tst_console.cpp)
suanli_qt_target(tst_console)
target_link_libraries(tst_console PRIVATE suanli_app suanli_test_gateway Qt6::Test)
add_test(NAME tst_console COMMAND tst_console)
set_tests_properties(tst_console PROPERTIES LABELS gui TIMEOUT 300
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/gui-config")

add_executable(tst_wall ${CMAKE_CURRENT_LIST_DIR}/tst_wall.cpp)
suanli_qt_target(tst_wall)
target_link_libraries(tst_wall PRIVATE suanli_app suanli_test_gateway Qt6::Test)
add_test(NAME tst_wall COMMAND tst_wall)
set_tests_properties(tst_wall PROPERTIES LABELS gui TIMEOUT 400
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/wall-config")

add_executable(tst_charts ${CMAKE_CURRENT_LIST_DIR}/tst_charts.cpp)
suanli_qt_target(tst_charts)
target_link_libraries(tst_charts PRIVATE suanli_app suanli_test_gateway Qt6::Test)
add_test(NAME tst_charts COMMAND tst_charts)
set_tests_properties(tst_charts PROPERTIES LABELS gui TIMEOUT 300
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/gui-config-charts")

# Run by hand: saves docs/charts-*.png from a running suanlid (see the file's first lines).
add_executable(charts_screenshots ${CMAKE_CURRENT_LIST_DIR}/charts_screenshots.cpp)
suanli_qt_target(charts_screenshots)
target_link_libraries(charts_screenshots PRIVATE suanli_app)
