# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
file(COPY_FILE ${TS_FILE} ${WORK_DIR}/check_nl.ts)
execute_process(
    COMMAND ${LUPDATE} -no-obsolete -locations none -extensions cpp,h -I ${SOURCE_DIR}
        ${SOURCE_DIR}/ui ${SOURCE_DIR}/app -ts ${WORK_DIR}/check_nl.ts
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${out}${err}")
endif()
file(READ ${WORK_DIR}/check_nl.ts ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*<translation type=\"unfinished\"" missing "${ts}")
list(LENGTH missing count)
if(count GREATER 0)
    string(REPLACE ";" "\n" missing "${missing}")
    message(FATAL_ERROR "${count} string(s) lack a Dutch translation in translations/portico_nl.ts.\n"
        "Run: cmake --build build --target update_translations, then translate:\n${missing}")
endif()
message(STATUS "Dutch translation complete")
