# Integration tests: a real suanlid on a free loopback port with TLS, driven
# through suanlictl and the generated C++ stubs.
if(NOT TARGET suanlid OR NOT TARGET suanlictl)
  return()
endif()
add_library(suanli_probe_proto STATIC ${CMAKE_CURRENT_LIST_DIR}/proto/grpc_probe.proto
            ${CMAKE_CURRENT_LIST_DIR}/proto/reflection_probe.proto)
target_link_libraries(suanli_probe_proto PUBLIC protobuf::libprotobuf gRPC::grpc++)
# protobuf_generate keeps the sources' path below tests/ under the output folder.
target_include_directories(suanli_probe_proto PUBLIC ${CMAKE_CURRENT_BINARY_DIR}/probe
                           ${CMAKE_CURRENT_BINARY_DIR}/probe/integration/proto)
target_compile_options(suanli_probe_proto PRIVATE -w)
protobuf_generate(TARGET suanli_probe_proto LANGUAGE cpp IMPORT_DIRS ${CMAKE_CURRENT_LIST_DIR}/proto
                  PROTOC_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/probe)
protobuf_generate(TARGET suanli_probe_proto LANGUAGE grpc GENERATE_EXTENSIONS .grpc.pb.h .grpc.pb.cc
                  PLUGIN "protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>"
                  IMPORT_DIRS ${CMAKE_CURRENT_LIST_DIR}/proto PROTOC_OUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/probe)

add_library(suanli_test_gateway STATIC ${CMAKE_CURRENT_LIST_DIR}/GatewayProcess.cpp)
target_link_libraries(suanli_test_gateway PUBLIC suanli_proto gRPC::grpc++ GTest::gtest)
target_compile_definitions(suanli_test_gateway PUBLIC SUANLID_PATH="$<TARGET_FILE:suanlid>"
                           SUANLICTL_PATH="$<TARGET_FILE:suanlictl>")
add_dependencies(suanli_test_gateway suanlid suanlictl)

foreach(t watch security quota actions placement)
  if(NOT EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_gateway_${t}.cpp)
    continue()
  endif()
  suanli_test(tst_gateway_${t} LIBS suanli_test_gateway suanli_probe_proto suanli_common suanli_tls SQLite::SQLite3 LABELS integration)
endforeach()

# A gateway in the test process in front of a simulated centre whose scheduler a test switches
# off and on (OutageBackend), for what a scheduler outage does while the gateway stays up.
add_library(suanli_test_outage STATIC ${CMAKE_CURRENT_LIST_DIR}/OutageBackend.cpp
            ${CMAKE_CURRENT_LIST_DIR}/InProcessGateway.cpp)
target_link_libraries(suanli_test_outage PUBLIC suanli_gateway suanli_test_gateway)
suanli_test(tst_gateway_outage LIBS suanli_test_outage suanlictl_lib suanli_common LABELS integration)
suanli_test(tst_gateway_executor LIBS suanli_test_outage suanli_common LABELS integration)

# Faults a gateway meets (ctest label "faults"): a stopped gateway, a killed one restarted on
# its data; each bounded in time, on loopback.
suanli_test(tst_faults LIBS suanli_test_gateway suanli_proto SQLite::SQLite3 LABELS "integration;faults" TIMEOUT 300)
