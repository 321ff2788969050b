# QtTest programs of suanli_client (client/). tst_siteState is a unit test;
# tst_connection and tst_actions start real suanlid gateways over loopback TLS; tst_outage runs
# one in the test process.
if(NOT TARGET suanli_client)
  return()
endif()

# suanli_client_test(NAME [GATEWAY]): tests/client/NAME.cpp, labelled "client".
function(suanli_client_test name)
  cmake_parse_arguments(T "GATEWAY" "" "" ${ARGN})
  add_executable(${name} ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp ${CMAKE_CURRENT_LIST_DIR}/TestSupport.h)
  suanli_qt_target(${name})
  target_link_libraries(${name} PRIVATE Qt6::Test suanli_client)
  if(T_GATEWAY)
    target_link_libraries(${name} PRIVATE suanli_test_gateway)
  endif()
  add_test(NAME ${name} COMMAND ${name})
  # QtTest turns every debug category on; the client's steps stay at info level.
  set_tests_properties(${name} PROPERTIES LABELS client TIMEOUT 600
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=suanli.client.debug=false")
endfunction()

suanli_client_test(tst_siteState)
# The gateway tests need suanlid (tests/integration defines suanli_test_gateway).
if(TARGET suanlid AND TARGET suanlictl)
  suanli_client_test(tst_connection GATEWAY)
  suanli_client_test(tst_actions GATEWAY)
  suanli_client_test(tst_metricsApi GATEWAY)
  # An in-process gateway whose scheduler the test switches off (tests/integration).
  suanli_client_test(tst_outage GATEWAY)
  target_link_libraries(tst_outage PRIVATE suanli_test_outage)
endif()
