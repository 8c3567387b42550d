// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/local/ml/mlerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <variant>

namespace portico::local {

// The seed's experiment, published as workspace `local`, service `feature-hashing`: input port
// input1 with column Col2 -> Feature Hashing (Hashing bitsize 3, N-grams 2) -> output port output1
// with Col2 followed by Col2_HashingFeature.0 .. .(2^bits - 1).
class FeatureHashingExperiment final
{
public:
    static constexpr QStringView workspace = u"local";
    static constexpr QStringView service = u"feature-hashing";
    static constexpr QStringView inputName = u"input1";
    static constexpr QStringView outputName = u"output1";
    static constexpr QStringView column = u"Col2";
    static constexpr QStringView bitsParameter = u"Hashing bitsize";
    static constexpr QStringView ngramsParameter = u"N-grams";
    static constexpr int defaultBits = 3;
    static constexpr int defaultNgrams = 2;
    // A request-response call is for a handful of rows; bigger inputs go through BES.
    static constexpr qsizetype maxRrsRows = 1000;

    struct Parameters
    {
        int bits = defaultBits;
        int ngrams = defaultNgrams;
    };

    // GlobalParameters (absent, null or an object of name -> string; JSON integers are accepted
    // too). Unknown names are UnexpectedParameter, bad or out-of-range values BadParameterValue.
    static std::variant<Parameters, MlError> parameters(const QJsonValue &globalParameters);

    // Column names of output1.
    static QStringList outputColumns(const Parameters &parameters);

    // One RRS call: `body` as sent, `details` and `swagger` from the query. The result is the
    // complete 200 body, or the error to send.
    static std::variant<QJsonObject, MlError> execute(const QByteArray &body, bool details,
                                                      bool swagger);
};

} // namespace portico::local
