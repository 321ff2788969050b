# Offscreen GUI tests of the console, most against a real suanlid: one program
# per tst_*.cpp here, each with its own settings folder.
if(NOT TARGET suanli_app)
  return()
endif()
file(GLOB SUANLI_GUI_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/tst_*.cpp)
# tst_slurm_*: the console against the Slurm test cluster, registered with its fixture in
# tests/slurm/slurm.cmake.
list(FILTER SUANLI_GUI_TESTS EXCLUDE REGEX "/tst_slurm_[^/]*\\.cpp$")
foreach(source IN LISTS SUANLI_GUI_TESTS)
  get_filename_component(name ${source} NAME_WE)
  add_executable(${name} ${source})
  suanli_qt_target(${name})
  target_link_libraries(${name} PRIVATE suanli_app suanli_test_gateway Qt6::Test)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS gui TIMEOUT 400
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/${name}-config")
endforeach()

# Run by hand: saves docs/charts-*.png from a running suanlid (see the file's first lines).
add_executable(charts_screenshots ${CMAKE_CURRENT_LIST_DIR}/charts_screenshots.cpp)
suanli_qt_target(charts_screenshots)
target_link_libraries(charts_screenshots PRIVATE suanli_app)
