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

# The table tools of every table (copy, CSV, column chooser, header state), no gateway needed.
add_executable(tst_tabletools ${CMAKE_CURRENT_LIST_DIR}/tst_tabletools.cpp)
suanli_qt_target(tst_tabletools)
target_link_libraries(tst_tabletools PRIVATE suanli_app Qt6::Test)
add_test(NAME tst_tabletools COMMAND tst_tabletools)
set_tests_properties(tst_tabletools PROPERTIES LABELS gui TIMEOUT 120
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/tabletools-config")

# The Queues, Jobs, Alerts and Audit pages against a real suanlid.
add_executable(tst_pages ${CMAKE_CURRENT_LIST_DIR}/tst_pages.cpp)
suanli_qt_target(tst_pages)
target_link_libraries(tst_pages PRIVATE suanli_app suanli_test_gateway Qt6::Test)
add_test(NAME tst_pages COMMAND tst_pages)
set_tests_properties(tst_pages PROPERTIES LABELS gui TIMEOUT 300
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/pages-config")
