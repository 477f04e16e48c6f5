# Runs ctdiff-table and checks what it printed.
#   -DTOOL=<exe> -DTYPE=float|double -DINPUT=<file> -DEXPECTED_OUT=<file> -DEXPECTED_ERR=<file>
#   -DEXPECTED_STATUS=<n> [-DARGS=<more arguments, |-separated>]     or     -DTOOL=<exe> -DLIST=ON
# EXPECTED_OUT and EXPECTED_ERR hold one regular expression per line, each matched against the
# whole corresponding output line (so inexact values can be checked to the digits that are
# certain); the number of lines must match too.
if(LIST)
    execute_process(COMMAND ${TOOL} --list OUTPUT_VARIABLE out RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "--list exited with ${status}")
    endif()
    foreach(name sigmoid tanh relu leaky_relu elu selu softplus silu swish mish gelu gelu_tanh softsign
                 hard_sigmoid hard_tanh logit exp log1p erf)
        if(NOT out MATCHES "(^|\n)${name} ")
            message(FATAL_ERROR "--list does not show ${name}:\n${out}")
        endif()
    endforeach()
    return()
endif()

string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND ${TOOL} --type ${TYPE} ${ARGS} INPUT_FILE ${INPUT}
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL EXPECTED_STATUS)
    message(FATAL_ERROR "exit status ${status}, expected ${EXPECTED_STATUS}\nstdout:\n${out}\nstderr:\n${err}")
endif()

function(compare what text expected_file)
    file(STRINGS ${expected_file} expected)
    string(REGEX REPLACE "\n$" "" text "${text}")
    string(REPLACE ";" "\\;" text "${text}")
    string(REPLACE "\n" ";" got "${text}")
    list(LENGTH got n_got)
    list(LENGTH expected n_expected)
    if(NOT n_got EQUAL n_expected)
        message(FATAL_ERROR "${what}: ${n_got} lines, expected ${n_expected}:\n${text}")
    endif()
    math(EXPR last "${n_got} - 1")
    foreach(i RANGE ${last})
        list(GET got ${i} g)
        list(GET expected ${i} e)
        if(NOT g MATCHES "^${e}$")
            math(EXPR line "${i} + 1")
            message(FATAL_ERROR "${what} line ${line}: '${g}' does not match '${e}'")
        endif()
    endforeach()
endfunction()

compare("stdout" "${out}" ${EXPECTED_OUT})
compare("stderr" "${err}" ${EXPECTED_ERR})
