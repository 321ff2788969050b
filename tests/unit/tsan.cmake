# The gateway's own concurrency, without gRPC's or Qt's threads: the cache publishing while
# watchers come and go and the simulated centre ticking under actions (tst_threads), the store
# and its audit appender (tst_store), the metrics history (tst_metrics), the action executor
# and the Slurm backend's poller (tst_slurm_backend). In a ThreadSanitizer build
# (SUANLI_SANITIZE=thread, `make test-tsan`) they carry the label "tsan" and `tsan_tests`
# builds just them; Debian's gRPC and Qt are not built with TSan, so nothing else runs there.
suanli_test(tst_threads LIBS suanli_cache suanli_sim)
if(SUANLI_SANITIZE STREQUAL "thread")
  set(tsan_tests tst_threads tst_store tst_metrics tst_actionexecutor tst_collection tst_sim)
  if(TARGET tst_slurm_backend)
    list(APPEND tsan_tests tst_slurm_backend)
  endif()
  foreach(t IN LISTS tsan_tests)
    set_property(TEST ${t} APPEND PROPERTY LABELS tsan)
  endforeach()
  add_custom_target(tsan_tests DEPENDS ${tsan_tests})
endif()
