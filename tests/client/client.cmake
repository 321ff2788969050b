# QtTest programs of suanli_client (client/). tst_siteState is a unit test;
# tst_connection and tst_actions start real suanlid gateways over loopback TLS; tst_outage runs
# one in the test process.
if(NOT TARGET suanli_client)
  return()
endif()

# suanli_client_test(NAME [GATEWAY]): tests/client/NAME.cpp, labelled "client". QtTest turns
# every debug category on; the client's steps stay at info level.
macro(suanli_client_test name)
  if("${ARGN}" STREQUAL "GATEWAY")
    set(_gateway suanli_test_gateway)
  else()
    set(_gateway)
  endif()
  suanli_test(${name} QT OFFSCREEN SOURCES ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp
              ${CMAKE_CURRENT_LIST_DIR}/TestSupport.h LIBS suanli_client ${_gateway} LABELS client
              ENVIRONMENT "QT_LOGGING_RULES=suanli.client.debug=false")
endmacro()

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
