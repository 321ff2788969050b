# suanlictl: argument parsing and formatting (suanlictl_lib), and the binary itself against an
# in-process fake gateway over TLS.
if(NOT TARGET suanlictl)
  return()
endif()
suanli_test(tst_suanlictl_cli LIBS suanlictl_lib suanli_common suanli_proto gRPC::grpc++)
target_compile_definitions(tst_suanlictl_cli PRIVATE SUANLICTL_PATH="$<TARGET_FILE:suanlictl>")
add_dependencies(tst_suanlictl_cli suanlictl)
