// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/ml/featurehashingexperiment.h"
#include "core/local/ml/mlerror.h"
#include "core/storage/storageaccount.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace portico::local {

// A validated BES submit body: where input1 is read from, where output1 is written, and the
// experiment's parameters. Both forms are accepted: singular `Input` or `Inputs.input1`, each
// with ConnectionString + RelativeLocation (or BaseLocation + SasBlobToken for the input).
// Without `Outputs`, output1 goes next to the input as "<job id>/output1.csv".
struct BesJobRequest
{
    struct Blob
    {
        core::StorageAccount account;
        QString container;
        QString blob;
        QString relativeLocation() const { return container + u'/' + blob; }
    };

    Blob input;
    Blob output;
    FeatureHashingExperiment::Parameters parameters;

    static std::variant<BesJobRequest, MlError> parse(const QByteArray &body, const QString &jobId);
};

} // namespace portico::local
