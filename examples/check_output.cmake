# Runs an example and checks its output: ctest's PASS_REGULAR_EXPRESSION accepts a test when ANY
# of its expressions matches; the showcase needs ALL of them, each line of <example>.expect.
#   cmake -DEXE=<program> -DEXPECT=<file.expect> -P check_output.cmake
# Lines of the .expect file: a CMake regular expression each; empty lines and lines starting
# with '#' are skipped; "\n" in a line stands for a line break. The example must also exit with
# status 0. Avoid ";" in a line: file(STRINGS) splits a line there (each part is then checked alone).
execute_process(COMMAND ${EXE} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${EXE} exited with status ${status}\n${err}")
endif()
file(STRINGS ${EXPECT} lines ENCODING UTF-8)
set(missing "")
foreach(re IN LISTS lines)
    if(re STREQUAL "" OR re MATCHES "^#")
        continue()
    endif()
    string(REPLACE "\\n" "\n" re "${re}")
    if(NOT out MATCHES "${re}")
        string(APPEND missing "  ${re}\n")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "the output of ${EXE} does not match:\n${missing}")
endif()
