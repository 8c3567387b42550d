# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
#
# portico_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>]
#                  [TIMEOUT <seconds>])
#
# Builds one Qt Test executable and registers it with CTest so that ctest, ./test.sh and CI
# run it the same way: offscreen platform, test-mode standard paths, a timeout and a label.
# Every test links portico_test_support, which knows where the built portico-local and the
# project-local Azurite live.

function(portico_add_test)
    cmake_parse_arguments(arg "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT arg_NAME OR NOT arg_SOURCES)
        message(FATAL_ERROR "portico_add_test needs NAME and SOURCES")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()
    if(NOT arg_LABELS)
        set(arg_LABELS unit)
    endif()
    qt_add_executable(${arg_NAME} ${arg_SOURCES})
    set_target_properties(${arg_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests/bin)
    target_link_libraries(${arg_NAME} PRIVATE portico_build_options portico_test_support Qt6::Test
        ${arg_LIBS})
    add_test(NAME ${arg_NAME} COMMAND ${arg_NAME})
    set_tests_properties(${arg_NAME} PROPERTIES
        TIMEOUT ${arg_TIMEOUT}
        LABELS "${arg_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=portico.*.debug=false")
endfunction()
