# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
# Fails when BINARY (or a library it loads) needs libQt6Gui or libQt6Widgets.
execute_process(COMMAND ldd ${BINARY} OUTPUT_VARIABLE libs RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ldd failed on ${BINARY}")
endif()
if(libs MATCHES "libQt6(Gui|Widgets)")
    message(FATAL_ERROR "portico_core pulls in QtGui/QtWidgets:\n${libs}")
endif()
if(NOT libs MATCHES "libQt6Core")
    message(FATAL_ERROR "unexpected ldd output (no QtCore):\n${libs}")
endif()
message(STATUS "portico_core needs no QtGui/QtWidgets")
