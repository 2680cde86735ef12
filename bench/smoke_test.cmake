# SPDX-License-Identifier: Apache-2.0
# The bench smoke test (ctest -L bench): generates an estate of SIZE into OUT, runs the
# benchmark driver on it, and checks that it prints one JSON object with the expected fields.
# No timing thresholds: CI machines are too noisy for them.
foreach(var GENERATE DRIVER SIZE OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "smoke_test.cmake needs -D${var}=...")
  endif()
endforeach()

execute_process(COMMAND ${GENERATE} --size ${SIZE} --seed 7 --out ${OUT}
                RESULT_VARIABLE result OUTPUT_VARIABLE summary ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "generate failed (${result}): ${errors}")
endif()
message(STATUS "generated: ${summary}")

# Runs the driver with ARGN, fails on a non-zero exit, and sets OUT_VAR to what it printed.
function(run_driver out_var label)
  execute_process(COMMAND ${DRIVER} ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE printed ERROR_VARIABLE errors)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${label} failed (${result}): ${errors}\n${printed}")
  endif()
  message(STATUS "${label}: ${printed}")
  set(${out_var} "${printed}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${OUT}/cache)
run_driver(json "reachcheck_bench" --snapshot ${OUT}/aws_configs --size ${SIZE} --queries 200 --why-runs 1
           --cache-dir ${OUT}/cache)

# Every field must be present (null is allowed for parts that do not exist yet).
foreach(key size input_bytes files load_s load_ingest_s graph_build_s peak_rss_bytes load_peak_rss_bytes point_p50_us
            point_p99_us why_all_ms why_internet_ms exposure_s exposure_first_s lint_s cached_load_s cached_model_s
            model_counts load_parse_s load_model_s load_validate_s cache_file_bytes)
  string(JSON type ERROR_VARIABLE error TYPE "${json}" ${key})
  if(error)
    message(FATAL_ERROR "reachcheck_bench output has no '${key}': ${error}")
  endif()
endforeach()
# The second load must have come from the model cache.
string(JSON cached_type TYPE "${json}" cached_load_s)
if(cached_type STREQUAL "NULL")
  message(FATAL_ERROR "cached_load_s is null: the model cache was not used")
endif()
# The estate must actually have been loaded.
string(JSON bytes GET "${json}" input_bytes)
string(JSON interfaces GET "${json}" model_counts network_interfaces)
if(bytes LESS_EQUAL 0 OR interfaces LESS_EQUAL 0)
  message(FATAL_ERROR "nothing was loaded: input_bytes=${bytes}, interfaces=${interfaces}")
endif()

# A second run's start in a process of its own, from the cache the first run left.
run_driver(start "reachcheck_bench --cached-start" --cached-start --snapshot ${OUT}/aws_configs
           --cache-dir ${OUT}/cache)
string(JSON hit GET "${start}" cached_start_hit)
string(JSON start_s TYPE "${start}" cached_start_s)
if(NOT hit OR NOT start_s STREQUAL "NUMBER")
  message(FATAL_ERROR "the cached start was not served from the cache: ${start}")
endif()

# A first run in a process of its own, into an empty cache folder: it stores the model, and
# a second run's start then finds it (whether it reads files for the key depends on how
# long ago the estate was generated: the unit tests pin that).
file(REMOVE_RECURSE ${OUT}/first-cache)
run_driver(first "reachcheck_bench --first-run" --first-run --snapshot ${OUT}/aws_configs
           --cache-dir ${OUT}/first-cache)
string(JSON stored GET "${first}" first_run_stored)
foreach(key first_run_s first_run_load_s first_run_cache_s first_run_graph_s)
  string(JSON type TYPE "${first}" ${key})
  if(NOT type STREQUAL "NUMBER")
    message(FATAL_ERROR "reachcheck_bench --first-run printed no number for '${key}': ${first}")
  endif()
endforeach()
if(NOT stored)
  message(FATAL_ERROR "the first run did not store the model: ${first}")
endif()
run_driver(again "reachcheck_bench --cached-start after --first-run" --cached-start
           --snapshot ${OUT}/aws_configs --cache-dir ${OUT}/first-cache)
string(JSON hit GET "${again}" cached_start_hit)
if(NOT hit)
  message(FATAL_ERROR "after a first run, the next start missed the cache: ${again}")
endif()
file(REMOVE_RECURSE ${OUT}/first-cache)
