# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
#
# portico_check_no_gui(<target>): fails the configure step when <target>, or anything it
# links transitively, pulls in QtGui or QtWidgets. portico_core must stay usable from the
# headless portico-local and from servers without a display stack.

function(_portico_collect_links target out_var)
    set(seen ${${out_var}})
    if(NOT TARGET ${target} OR target IN_LIST seen)
        set(${out_var} ${seen} PARENT_SCOPE)
        return()
    endif()
    list(APPEND seen ${target})
    get_target_property(aliased ${target} ALIASED_TARGET)
    if(aliased)
        _portico_collect_links(${aliased} seen)
    endif()
    foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
        get_target_property(links ${target} ${property})
        if(links)
            foreach(link IN LISTS links)
                string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
                if(link MATCHES "^\\$<")
                    continue()
                endif()
                _portico_collect_links(${link} seen)
            endforeach()
        endif()
    endforeach()
    set(${out_var} ${seen} PARENT_SCOPE)
endfunction()

function(portico_check_no_gui target)
    set(all "")
    _portico_collect_links(${target} all)
    foreach(forbidden Qt6::Gui Qt6::Widgets Qt::Gui Qt::Widgets Qt6::GuiPrivate)
        if(forbidden IN_LIST all)
            message(FATAL_ERROR
                "${target} links ${forbidden}; the core library must not depend on QtGui or QtWidgets.")
        endif()
    endforeach()
    message(STATUS "${target}: no QtGui/QtWidgets in its link closure")
endfunction()
