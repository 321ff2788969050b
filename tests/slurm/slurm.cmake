# Slurm tests: a real Slurm 22.05 cluster on loopback (scripts/slurm), started
# once by a fixture for every test labelled `slurm` and always stopped after
# them. Where no cluster can run (not root, packages missing, no mknod),
# start.sh exits 77 and every Slurm test is reported as skipped with the reason.
if(NOT TARGET suanli_test_gateway)
  return()
endif()

# The cluster lives in the build folder, unless other users cannot reach it
# (a checkout under /root): munge and slurmrestd need that, so then in /tmp.
set(SUANLI_SLURM_DIR ${CMAKE_BINARY_DIR}/slurm-cluster)
execute_process(COMMAND runuser -u nobody -- test -x ${CMAKE_BINARY_DIR} RESULT_VARIABLE _reachable
                OUTPUT_QUIET ERROR_QUIET)
if(NOT _reachable EQUAL 0)
  string(MD5 _hash "${CMAKE_BINARY_DIR}")
  string(SUBSTRING "${_hash}" 0 12 _hash)
  set(SUANLI_SLURM_DIR /tmp/suanli-slurm-${_hash})
endif()
set(SUANLI_SLURM_SCRIPTS ${PROJECT_SOURCE_DIR}/scripts/slurm)
set(SUANLI_SLURM_ENV "SUANLI_BUILD_DIR=${CMAKE_BINARY_DIR}" "SUANLI_SLURM_CLUSTER_DIR=${SUANLI_SLURM_DIR}")

add_test(NAME slurm_cluster_start COMMAND /bin/bash ${SUANLI_SLURM_SCRIPTS}/start.sh ${SUANLI_SLURM_DIR})
# Starting takes turns with the lab's start (RESOURCE_LOCK): two clusters
# starting at once overload 2 cores and contend for the host's resources.
set_tests_properties(slurm_cluster_start PROPERTIES FIXTURES_SETUP slurm_cluster SKIP_RETURN_CODE 77
                     RESOURCE_LOCK slurm_cluster TIMEOUT 300 LABELS slurm)
add_test(NAME slurm_cluster_stop COMMAND /bin/bash ${SUANLI_SLURM_SCRIPTS}/stop.sh ${SUANLI_SLURM_DIR})
set_tests_properties(slurm_cluster_stop PROPERTIES FIXTURES_CLEANUP slurm_cluster TIMEOUT 120 LABELS slurm)

add_library(suanli_test_slurm STATIC ${CMAKE_CURRENT_LIST_DIR}/SlurmCluster.cpp)
target_link_libraries(suanli_test_slurm PUBLIC suanli_test_gateway)
target_compile_definitions(suanli_test_slurm PRIVATE SUANLI_SLURM_SCRIPTS="${SUANLI_SLURM_SCRIPTS}")

# suanli_slurm_test(NAME LIBS...): a GoogleTest program run against the fixture's cluster.
# One cluster for all: the tests change its nodes, jobs and quotas, so they take turns.
function(suanli_slurm_test name)
  suanli_test(${name} OWN_MAIN SOURCES ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp ${CMAKE_CURRENT_LIST_DIR}/slurm_main.cpp
              LIBS suanli_test_slurm ${ARGN} FIXTURE slurm_cluster LOCK slurm_cluster LABELS slurm
              ENVIRONMENT ${SUANLI_SLURM_ENV})
endfunction()

suanli_slurm_test(tst_slurm_cluster)
# suanlid against the cluster, where suanlid is built with its Slurm backend (server/backends/slurm).
if(TARGET suanli_slurm)
  suanli_slurm_test(tst_slurm_gateway suanli_common suanli_proto)
  # The same tests through slurmrestd, for sites that expose only it.
  add_test(NAME tst_slurm_gateway_rest COMMAND tst_slurm_gateway)
  set_tests_properties(tst_slurm_gateway_rest PROPERTIES FIXTURES_REQUIRED slurm_cluster
                       RESOURCE_LOCK slurm_cluster SKIP_RETURN_CODE 77 TIMEOUT 600 LABELS slurm
                       ENVIRONMENT "${SUANLI_SLURM_ENV};SUANLI_SLURM_API=rest")
  # The console, offscreen, on a Slurm centre: what the gateway leaves unconfigured or unmeasured
  # (tests/gui/tst_slurm_*.cpp, which need this cluster).
  if(TARGET suanli_app)
    file(GLOB SUANLI_SLURM_GUI_TESTS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/gui/tst_slurm_*.cpp)
    foreach(source IN LISTS SUANLI_SLURM_GUI_TESTS)
      get_filename_component(name ${source} NAME_WE)
      suanli_test(${name} QT OFFSCREEN SETTINGS SOURCES ${source} LIBS suanli_app suanli_test_slurm
                  FIXTURE slurm_cluster LOCK slurm_cluster LABELS slurm gui ENVIRONMENT ${SUANLI_SLURM_ENV})
    endforeach()
  endif()
endif()

# The big lab: the same cluster plus SUANLI_SLURM_LAB_NODES slurmd-less nodes
# (start.sh --extra-nodes) and SUANLI_SLURM_LAB_JOBS pending jobs
# (queue-jobs.sh), in a folder of its own, for tests of the Slurm backend at
# scale. Its fixture (start, queue, stop) is registered with the first test
# that needs it, so `make test` starts no lab while no test uses one. Lab
# tests and the lab's setup take turns with the small cluster's tests
# (RESOURCE_LOCK slurm_cluster): two clusters busy at once overload 2 cores.
set(SUANLI_SLURM_LAB_NODES 2000 CACHE STRING "slurmd-less nodes of the Slurm lab the slurm_lab tests run against")
set(SUANLI_SLURM_LAB_JOBS 2000 CACHE STRING "jobs queued on the Slurm lab the slurm_lab tests run against")
set(SUANLI_SLURM_LAB_DIR ${SUANLI_SLURM_DIR}-lab)
set(SUANLI_SLURM_LAB_ENV "SUANLI_BUILD_DIR=${CMAKE_BINARY_DIR}" "SUANLI_SLURM_CLUSTER_DIR=${SUANLI_SLURM_LAB_DIR}")

function(suanli_slurm_lab_fixture)
  if(TEST slurm_lab_start)
    return()
  endif()
  add_test(NAME slurm_lab_start COMMAND /bin/bash ${SUANLI_SLURM_SCRIPTS}/start.sh ${SUANLI_SLURM_LAB_DIR}
                                        --extra-nodes ${SUANLI_SLURM_LAB_NODES})
  set_tests_properties(slurm_lab_start PROPERTIES FIXTURES_SETUP slurm_lab_daemons SKIP_RETURN_CODE 77
                       RESOURCE_LOCK slurm_cluster TIMEOUT 600 LABELS "slurm;slurm_lab")
  add_test(NAME slurm_lab_queue COMMAND /bin/bash ${SUANLI_SLURM_SCRIPTS}/queue-jobs.sh ${SUANLI_SLURM_LAB_DIR}
                                        ${SUANLI_SLURM_LAB_JOBS})
  set_tests_properties(slurm_lab_queue PROPERTIES FIXTURES_REQUIRED slurm_lab_daemons FIXTURES_SETUP slurm_lab
                       SKIP_RETURN_CODE 77 RESOURCE_LOCK slurm_cluster TIMEOUT 900 LABELS "slurm;slurm_lab")
  add_test(NAME slurm_lab_stop COMMAND /bin/bash ${SUANLI_SLURM_SCRIPTS}/stop.sh ${SUANLI_SLURM_LAB_DIR})
  set_tests_properties(slurm_lab_stop PROPERTIES FIXTURES_CLEANUP "slurm_lab_daemons;slurm_lab" TIMEOUT 180
                       LABELS "slurm;slurm_lab")
endfunction()

# suanli_slurm_lab_test(NAME LIBS...): a GoogleTest program run against the lab
# (SlurmCluster::load() reads the lab's DIR/env; extraNodes(), labJobs() say its size).
function(suanli_slurm_lab_test name)
  suanli_slurm_lab_fixture()
  suanli_test(${name} OWN_MAIN SOURCES ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp ${CMAKE_CURRENT_LIST_DIR}/slurm_main.cpp
              LIBS suanli_test_slurm ${ARGN} FIXTURE slurm_lab LOCK slurm_cluster LABELS slurm slurm_lab
              TIMEOUT 900 ENVIRONMENT ${SUANLI_SLURM_LAB_ENV})
endfunction()

# suanlid with its defaults against the lab: every node and job served, a drain and a
# cancel round trip, a minute of ticks that leaves slurmrestd alone.
if(TARGET suanli_slurm)
  suanli_slurm_lab_test(tst_slurm_scale suanli_common suanli_proto)
endif()
