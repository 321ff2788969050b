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
  suanli_test(${name} QT OFFSCREEN SETTINGS SOURCES ${source} ${CMAKE_CURRENT_LIST_DIR}/ConsoleTestSupport.h
              LIBS suanli_app suanli_test_gateway LABELS gui TIMEOUT 400)
endforeach()

# Run by hand: saves docs/charts-*.png from a running suanlid (see the file's first lines).
add_executable(charts_screenshots ${CMAKE_CURRENT_LIST_DIR}/charts_screenshots.cpp)
suanli_qt_target(charts_screenshots)
target_link_libraries(charts_screenshots PRIVATE suanli_app)
