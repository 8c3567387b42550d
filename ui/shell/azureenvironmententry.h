// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to AzureEnvironments (azureenvironments.cpp and azureenvironmentduplicates.cpp).

#include "core/environments/environmentsession.h"
#include "ui/common/bannerwidget.h"
#include "ui/shell/azureenvironments.h"

#include <QPointer>
#include <QUrl>

#include <memory>

namespace portico::ui {

struct AzureEnvironments::Entry
{
    core::Environment environment;
    QUrl authority;
    std::unique_ptr<core::EnvironmentSession> session;
    QPointer<BannerWidget> banner;
    enum class Problem { None, SignInExpired, Unreachable } problem = Problem::None;
};

} // namespace portico::ui
