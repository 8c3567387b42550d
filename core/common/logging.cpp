// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcSecrets, "portico.core.secrets")
Q_LOGGING_CATEGORY(lcSettings, "portico.core.settings")
Q_LOGGING_CATEGORY(lcModel, "portico.core.model")
