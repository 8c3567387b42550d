// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/tryit/wireheaders.h"

#include <algorithm>

namespace portico::core {

HeaderList joinRepeatedHeaders(const HeaderList &headers)
{
    HeaderList joined;
    for (const auto &[name, value] : headers) {
        if (name.isEmpty())
            continue;
        auto same = std::find_if(joined.begin(), joined.end(), [&name](const auto &field) {
            return field.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (same == joined.end()) {
            joined.append({ name, value });
            continue;
        }
        if (value.isEmpty())
            continue;
        if (!same->second.isEmpty())
            same->second += name.compare("Cookie", Qt::CaseInsensitive) == 0 ? "; " : ", ";
        same->second += value;
    }
    return joined;
}

} // namespace portico::core
