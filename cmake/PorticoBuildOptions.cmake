# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
#
# portico_build_options: the one INTERFACE target every Portico target links, so that the
# language level, warnings and Qt string-safety macros are the same everywhere.

add_library(portico_build_options INTERFACE)
target_compile_features(portico_build_options INTERFACE cxx_std_20)
target_compile_definitions(portico_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    PORTICO_VERSION_STRING="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(portico_build_options INTERFACE
        -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual
        # GCC warns about aggregates initialised with fewer members even when the rest have
        # default member initialisers; that is how our option structs are meant to be used.
        -Wno-missing-field-initializers)
    if(PORTICO_WARNINGS_AS_ERRORS)
        target_compile_options(portico_build_options INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(portico_build_options INTERFACE /W4 /permissive- /Zc:__cplusplus)
    if(PORTICO_WARNINGS_AS_ERRORS)
        target_compile_options(portico_build_options INTERFACE /WX)
    endif()
endif()
