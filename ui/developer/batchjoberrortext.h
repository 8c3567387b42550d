// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/batch/batchjobrecord.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

namespace portico::ui {

// Puts why a batch job failed into words, in the language Portico runs in: from the facts core
// keeps (the step it failed in, the error's kind, HTTP status, code and target; see
// BatchJobRecord::error), never from core's English message, which stays the technical text for
// a tooltip. The same sentence whether the job failed just now or in an earlier session.
class BatchJobErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(portico::ui::BatchJobErrorText)

public:
    // "What could not be done. Why." e.g. "The input could not be uploaded. The storage
    // account refused the request (HTTP 403): check the account key in its connection string."
    static QString describe(const core::BatchJobRecord &record, const core::Error &error);
    // A few words for the job list's State column, e.g. "Failed: cannot reach the service".
    static QString shortText(const core::BatchJobRecord &record, const core::Error &error);
    // The service's own words about the failure (BES Details of a job it failed, the detail
    // messages of its error reply), labelled as the service's; empty when it said nothing.
    static QString serviceSays(const core::Error &error);
    // Core's technical text (English), for a tooltip.
    static QString technical(const core::Error &error);

    // Why an action in the panel failed (no job step): the reason sentence alone.
    static QString reason(const core::Error &error);
    // Why a new job was refused before anything was sent (BatchJobRunner::submit()).
    static QString submitRefused(const core::Error &error, const QString &inputFile, const QString &container);
    // Why removing a job did not fully work (BatchJob::removalResult()).
    static QString removalProblem(const QString &name, const core::Error &error);
};

} // namespace portico::ui
