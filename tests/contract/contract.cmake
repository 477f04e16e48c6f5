# Runs the two builds of tests/contract/kernels.cpp (-DFUSED=<exe built with -ffp-contract=fast>
# -DSEPARATE=<exe built with -ffp-contract=off>) and fails unless they print the same bits.
execute_process(COMMAND ${FUSED} OUTPUT_VARIABLE a RESULT_VARIABLE ra)
execute_process(COMMAND ${SEPARATE} OUTPUT_VARIABLE b RESULT_VARIABLE rb)
if(NOT ra EQUAL 0 OR NOT rb EQUAL 0)
    message(FATAL_ERROR "the kernels exited with ${ra} and ${rb}")
endif()
if(NOT a STREQUAL b)
    string(LENGTH "${a}" la)
    message(FATAL_ERROR "the fast kernels' bits depend on -ffp-contract (outputs of ${la} characters differ)")
endif()
message(STATUS "the same bits with -ffp-contract=fast and =off")
