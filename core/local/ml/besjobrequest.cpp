// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/besjobrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace portico::local {

namespace {

using Blob = BesJobRequest::Blob;

// "container/blob" or "/container/blob".
std::variant<QPair<QString, QString>, MlError> splitLocation(QString location)
{
    while (location.startsWith(u'/'))
        location.remove(0, 1);
    const qsizetype slash = location.indexOf(u'/');
    if (slash <= 0 || slash == location.size() - 1)
        return MlError::inputBlobRelativeLocationInvalid();
    return QPair<QString, QString> { location.left(slash), location.mid(slash + 1) };
}

std::variant<Blob, MlError> blobReference(const QJsonValue &value, bool isOutput)
{
    if (!value.isObject())
        return MlError::missingInputBlobInformation();
    const QJsonObject reference = value.toObject();
    const QString connectionString = reference.value(u"ConnectionString").toString();
    const QString relative = reference.value(u"RelativeLocation").toString();
    const QString base = reference.value(u"BaseLocation").toString();
    const QString sas = reference.value(u"SasBlobToken").toString();

    Blob blob;
    if (!connectionString.isEmpty()) {
        auto account = core::StorageAccount::fromConnectionString(connectionString);
        if (!account)
            return MlError::invalidBlobConnectionString(account.error().message);
        if (isOutput && account->key.isEmpty())
            return MlError::invalidBlobConnectionString(
                u"an output needs a connection string with an AccountKey"_qs);
        blob.account = account.value();
    } else if (!isOutput && !base.isEmpty() && !sas.isEmpty()) {
        QUrl endpoint(base);
        if (!endpoint.isValid() || endpoint.host().isEmpty())
            return MlError::invalidBlobConnectionString(u"BaseLocation is not a URL"_qs);
        blob.account.blobEndpoint = endpoint.adjusted(QUrl::StripTrailingSlash);
        blob.account.sasToken = sas.startsWith(u'?') ? sas.mid(1) : sas;
    } else {
        return MlError::missingInputBlobInformation();
    }
    if (relative.isEmpty())
        return MlError::inputBlobRelativeLocationInvalid();
    auto parts = splitLocation(relative);
    if (auto *error = std::get_if<MlError>(&parts))
        return *error;
    blob.container = std::get<0>(parts).first;
    blob.blob = std::get<0>(parts).second;
    return blob;
}

} // namespace

std::variant<BesJobRequest, MlError> BesJobRequest::parse(const QByteArray &body, const QString &jobId)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return MlError::requestBodyInvalid();
    const QJsonObject request = document.object();

    BesJobRequest result;
    auto parameters = FeatureHashingExperiment::parameters(request.value(u"GlobalParameters"));
    if (auto *error = std::get_if<MlError>(&parameters))
        return *error;
    result.parameters = std::get<FeatureHashingExperiment::Parameters>(parameters);

    const QJsonValue single = request.value(u"Input");
    const QJsonValue multiple = request.value(u"Inputs");
    const bool hasSingle = !single.isUndefined() && !single.isNull();
    const bool hasMultiple = !multiple.isUndefined() && !multiple.isNull();
    if (hasSingle && hasMultiple)
        return MlError::duplicateInputInBatchCall();
    QJsonValue input = single;
    if (hasMultiple) {
        const QJsonObject inputs = multiple.toObject();
        QStringList unknown;
        for (auto it = inputs.begin(); it != inputs.end(); ++it) {
            if (it.key() != FeatureHashingExperiment::inputName)
                unknown.append(it.key());
        }
        if (!unknown.isEmpty())
            return MlError::invalidInputNames(unknown.join(u", "_qs));
        input = inputs.value(FeatureHashingExperiment::inputName);
    }
    if (input.isUndefined() || input.isNull())
        return MlError::batchJobInputsNotSpecified(FeatureHashingExperiment::inputName.toString());
    auto inputBlob = blobReference(input, false);
    if (auto *error = std::get_if<MlError>(&inputBlob))
        return *error;
    result.input = std::get<Blob>(inputBlob);

    const QJsonObject outputs = request.value(u"Outputs").toObject();
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        if (it.key() != FeatureHashingExperiment::outputName)
            return MlError::invalidOutputOverrideName(it.key());
    }
    if (outputs.contains(FeatureHashingExperiment::outputName)) {
        auto outputBlob = blobReference(outputs.value(FeatureHashingExperiment::outputName), true);
        if (auto *error = std::get_if<MlError>(&outputBlob))
            return *error;
        result.output = std::get<Blob>(outputBlob);
        if (!result.output.blob.endsWith(u".csv"_qs, Qt::CaseInsensitive))
            return MlError::invalidBlobExtension(result.output.relativeLocation(), u".csv"_qs);
    } else {
        if (result.input.account.key.isEmpty())
            return MlError::invalidBlobConnectionString(
                u"without Outputs the input needs a connection string with an AccountKey"_qs);
        result.output = result.input;
        result.output.blob = jobId + u"/output1.csv"_qs;
    }
    const auto url = [](const Blob &b) { return b.account.blobUrl(b.container, b.blob); };
    if (url(result.output) == url(result.input))
        return MlError::outputIsTheInput(result.output.relativeLocation());
    return result;
}

} // namespace portico::local
