# Offscreen QtTest programs of the console's own pieces: saved centres, the connect dialog,
# themes, the filter's messages. No keychain daemon runs here (the D-Bus session bus is pointed
# nowhere), so tokens take the 0600-file fallback, as on a desktop without one.
if(NOT TARGET suanli_app)
  return()
endif()


foreach(t profilestore connectdialog theme profilesdialog filtertext)
  suanli_test(tst_${t} QT OFFSCREEN SETTINGS LIBS suanli_app LABELS app TIMEOUT 120
              ENVIRONMENT "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/suanli-test-bus")
endforeach()

# The programs themselves, run with no display.
suanli_test(tst_programs QT SETTINGS LABELS app TIMEOUT 120)
target_compile_definitions(tst_programs PRIVATE SUANLI_PATH="$<TARGET_FILE:suanli>"
  SUANLID_PATH="$<TARGET_FILE:suanlid>" SUANLICTL_PATH="$<TARGET_FILE:suanlictl>"
  SUANLI_VERSION="${PROJECT_VERSION}")
add_dependencies(tst_programs suanli suanlid suanlictl)

# The console and the gateway run on the allocator the build chose for them (see SUANLI_TCMALLOC):
# linked, and kept although nothing calls it by name.
if(TCMALLOC_FOUND)
  add_test(NAME programs_allocate_with_tcmalloc COMMAND sh -c
    "readelf -d \"$1\" | grep -q libtcmalloc_minimal && readelf -d \"$2\" | grep -q libtcmalloc_minimal"
    sh $<TARGET_FILE:suanli> $<TARGET_FILE:suanlid>)
  set_tests_properties(programs_allocate_with_tcmalloc PROPERTIES LABELS app)
endif()
