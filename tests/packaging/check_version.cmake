# cmake -DPROGRAM=exe -DEXPECTED="name 1.2.3" -P check_version.cmake
# Passes when `PROGRAM --version` exits 0 and prints exactly EXPECTED (one line).
execute_process(COMMAND "${PROGRAM}" --version
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 30)
string(STRIP "${out}" out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --version exited with '${rc}': ${out} ${err}")
endif()
if(NOT out STREQUAL EXPECTED)
    message(FATAL_ERROR "${PROGRAM} --version printed '${out}', expected '${EXPECTED}'")
endif()
message(STATUS "${PROGRAM} --version: ${out}")
