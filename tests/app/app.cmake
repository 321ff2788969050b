# Offscreen QtTest programs of the console's own pieces: saved centres, the connect dialog,
# themes, the filter's messages. No keychain daemon runs here (the D-Bus session bus is pointed
# nowhere), so tokens take the 0600-file fallback, as on a desktop without one.
if(NOT TARGET suanli_app)
  return()
endif()

function(suanli_app_test name)
  add_executable(${name} ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp)
  suanli_qt_target(${name})
  target_link_libraries(${name} PRIVATE suanli_app Qt6::Test)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS app TIMEOUT 120
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/${name}-config;DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/suanli-test-bus")
endfunction()

foreach(t profilestore connectdialog theme profilesdialog filtertext)
  suanli_app_test(tst_${t})
endforeach()
