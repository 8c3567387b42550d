// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/local/ml/swaggerdocument.h"

#include "core/local/ml/featurehashingexperiment.h"

#include <QJsonArray>

namespace portico::local {

namespace {

using Experiment = FeatureHashingExperiment;

QJsonObject ref(const QString &definition)
{
    return { { u"$ref"_qs, QString(u"#/definitions/"_qs + definition) } };
}

QJsonObject parameter(const QString &name, const QString &in, const QString &description,
                      bool required, const QJsonObject &extra = {})
{
    QJsonObject p { { u"name"_qs, name },
                    { u"in"_qs, in },
                    { u"description"_qs, description },
                    { u"required"_qs, required } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        p.insert(it.key(), it.value());
    return p;
}

QJsonObject apiVersion()
{
    return parameter(u"api-version"_qs, u"query"_qs, u"API version"_qs, true,
                     { { u"type"_qs, u"string"_qs }, { u"default"_qs, u"2.0"_qs } });
}

QJsonObject authorization()
{
    return parameter(u"Authorization"_qs, u"header"_qs, u"Bearer <API key>"_qs, true,
                     { { u"type"_qs, u"string"_qs } });
}

QJsonObject jobIdParameter()
{
    return parameter(u"jobId"_qs, u"path"_qs, u"The job id returned by submit"_qs, true,
                     { { u"type"_qs, u"string"_qs } });
}

QJsonObject responses(const QJsonObject &ok)
{
    return { { u"200"_qs, ok },
             { u"default"_qs,
               QJsonObject { { u"description"_qs, u"Error"_qs },
                             { u"schema"_qs, ref(u"ErrorResponse"_qs) } } } };
}

QJsonObject stringSchema()
{
    return { { u"type"_qs, u"string"_qs } };
}

} // namespace

QJsonObject featureHashingSwagger(const QString &host, const QString &workspace,
                                  const QString &service)
{
    const Experiment::Parameters defaults;
    const QStringList outputs = Experiment::outputColumns(defaults);
    const QString base = u"/workspaces/%1/services/%2"_qs.arg(workspace, service);

    QJsonObject outputProperties;
    for (const QString &column : outputs)
        outputProperties.insert(column, QJsonObject { { u"type"_qs, u"string"_qs } });
    const QJsonObject inputItem {
        { u"type"_qs, u"object"_qs },
        { u"properties"_qs,
          QJsonObject { { Experiment::column.toString(), QJsonObject { { u"type"_qs, u"string"_qs } } } } }
    };
    const QJsonObject example {
        { u"Inputs"_qs,
          QJsonObject { { Experiment::inputName.toString(),
                          QJsonArray { QJsonObject {
                              { Experiment::column.toString(), u"This is a good day"_qs } } } } } },
        { u"GlobalParameters"_qs, QJsonObject {} }
    };
    const QJsonObject globalParameters {
        { u"type"_qs, u"object"_qs },
        { u"properties"_qs,
          QJsonObject {
              { Experiment::bitsParameter.toString(),
                QJsonObject { { u"type"_qs, u"integer"_qs },
                              { u"format"_qs, u"int32"_qs },
                              { u"minimum"_qs, 1 },
                              { u"maximum"_qs, 20 },
                              { u"default"_qs, Experiment::defaultBits } } },
              { Experiment::ngramsParameter.toString(),
                QJsonObject { { u"type"_qs, u"integer"_qs },
                              { u"format"_qs, u"int32"_qs },
                              { u"minimum"_qs, 0 },
                              { u"maximum"_qs, 10 },
                              { u"default"_qs, Experiment::defaultNgrams } } } } }
    };
    const QJsonObject blobReference {
        { u"type"_qs, u"object"_qs },
        { u"properties"_qs,
          QJsonObject { { u"ConnectionString"_qs, stringSchema() },
                        { u"RelativeLocation"_qs, stringSchema() },
                        { u"BaseLocation"_qs, stringSchema() },
                        { u"SasBlobToken"_qs, stringSchema() } } }
    };

    QJsonObject definitions {
        { u"ExecutionRequest"_qs,
          QJsonObject {
              { u"type"_qs, u"object"_qs },
              { u"properties"_qs,
                QJsonObject {
                    { u"Inputs"_qs,
                      QJsonObject { { u"type"_qs, u"object"_qs },
                                    { u"properties"_qs,
                                      QJsonObject { { Experiment::inputName.toString(),
                                                      QJsonObject { { u"type"_qs, u"array"_qs },
                                                                    { u"items"_qs, ref(u"input1Item"_qs) } } } } } } },
                    { u"GlobalParameters"_qs, ref(u"GlobalParameters"_qs) } } },
              { u"example"_qs, example } } },
        { u"input1Item"_qs, inputItem },
        { u"output1Item"_qs, QJsonObject { { u"type"_qs, u"object"_qs }, { u"properties"_qs, outputProperties } } },
        { u"ExecutionResults"_qs,
          QJsonObject { { u"type"_qs, u"object"_qs },
                        { u"properties"_qs,
                          QJsonObject { { u"Results"_qs,
                                          QJsonObject {
                                              { u"type"_qs, u"object"_qs },
                                              { u"properties"_qs,
                                                QJsonObject { { Experiment::outputName.toString(),
                                                                QJsonObject { { u"type"_qs, u"array"_qs },
                                                                              { u"items"_qs, ref(u"output1Item"_qs) } } } } } } } } } } },
        { u"GlobalParameters"_qs, globalParameters },
        { u"BlobReference"_qs, blobReference },
        { u"BatchExecutionRequest"_qs,
          QJsonObject { { u"type"_qs, u"object"_qs },
                        { u"properties"_qs,
                          QJsonObject { { u"Inputs"_qs,
                                          QJsonObject { { u"type"_qs, u"object"_qs },
                                                        { u"additionalProperties"_qs, ref(u"BlobReference"_qs) } } },
                                        { u"Outputs"_qs,
                                          QJsonObject { { u"type"_qs, u"object"_qs },
                                                        { u"additionalProperties"_qs, ref(u"BlobReference"_qs) } } },
                                        { u"GlobalParameters"_qs, ref(u"GlobalParameters"_qs) } } } } },
        { u"BatchJobStatus"_qs,
          QJsonObject { { u"type"_qs, u"object"_qs },
                        { u"properties"_qs,
                          QJsonObject { { u"StatusCode"_qs,
                                          QJsonObject { { u"type"_qs, u"string"_qs },
                                                        { u"enum"_qs,
                                                          QJsonArray { u"NotStarted"_qs, u"Running"_qs, u"Failed"_qs,
                                                                       u"Cancelled"_qs, u"Finished"_qs } } } },
                                        { u"Results"_qs,
                                          QJsonObject { { u"type"_qs, u"object"_qs },
                                                        { u"additionalProperties"_qs, ref(u"BlobReference"_qs) } } },
                                        { u"Details"_qs, stringSchema() } } } } },
        { u"ErrorResponse"_qs,
          QJsonObject { { u"type"_qs, u"object"_qs },
                        { u"properties"_qs,
                          QJsonObject { { u"error"_qs,
                                          QJsonObject { { u"type"_qs, u"object"_qs },
                                                        { u"properties"_qs,
                                                          QJsonObject { { u"code"_qs, stringSchema() },
                                                                        { u"message"_qs, stringSchema() },
                                                                        { u"details"_qs,
                                                                          QJsonObject { { u"type"_qs, u"array"_qs },
                                                                                        { u"items"_qs, QJsonObject { { u"type"_qs, u"object"_qs } } } } } } } } } } } } },
    };

    const QJsonObject execute {
        { u"post"_qs,
          QJsonObject {
              { u"summary"_qs, u"Execute the web service and get a response synchronously"_qs },
              { u"operationId"_qs, u"execute"_qs },
              { u"consumes"_qs, QJsonArray { u"application/json"_qs } },
              { u"produces"_qs, QJsonArray { u"application/json"_qs } },
              { u"parameters"_qs,
                QJsonArray { apiVersion(),
                             parameter(u"format"_qs, u"query"_qs, u"swagger"_qs, true,
                                       { { u"type"_qs, u"string"_qs }, { u"default"_qs, u"swagger"_qs } }),
                             authorization(),
                             parameter(u"body"_qs, u"body"_qs, u"The input to the web service"_qs, true,
                                       { { u"schema"_qs, ref(u"ExecutionRequest"_qs) } }) } },
              { u"responses"_qs,
                responses({ { u"description"_qs, u"OK"_qs }, { u"schema"_qs, ref(u"ExecutionResults"_qs) } }) } } }
    };
    const QJsonObject jobs {
        { u"post"_qs,
          QJsonObject { { u"summary"_qs, u"Submit a batch execution job"_qs },
                        { u"operationId"_qs, u"submitJob"_qs },
                        { u"parameters"_qs,
                          QJsonArray { apiVersion(), authorization(),
                                       parameter(u"body"_qs, u"body"_qs, u"The job"_qs, true,
                                                 { { u"schema"_qs, ref(u"BatchExecutionRequest"_qs) } }) } },
                        { u"responses"_qs,
                          responses({ { u"description"_qs, u"The job id"_qs }, { u"schema"_qs, stringSchema() } }) } } }
    };
    const QJsonObject start {
        { u"post"_qs,
          QJsonObject { { u"summary"_qs, u"Start a submitted job"_qs },
                        { u"operationId"_qs, u"startJob"_qs },
                        { u"parameters"_qs, QJsonArray { apiVersion(), authorization(), jobIdParameter() } },
                        { u"responses"_qs, responses({ { u"description"_qs, u"Started"_qs } }) } } }
    };
    const QJsonObject job {
        { u"get"_qs,
          QJsonObject { { u"summary"_qs, u"Get the status of a job"_qs },
                        { u"operationId"_qs, u"getJobStatus"_qs },
                        { u"parameters"_qs, QJsonArray { apiVersion(), authorization(), jobIdParameter() } },
                        { u"responses"_qs,
                          responses({ { u"description"_qs, u"OK"_qs }, { u"schema"_qs, ref(u"BatchJobStatus"_qs) } }) } } },
        { u"delete"_qs,
          QJsonObject { { u"summary"_qs, u"Cancel a job"_qs },
                        { u"operationId"_qs, u"cancelJob"_qs },
                        { u"parameters"_qs, QJsonArray { apiVersion(), authorization(), jobIdParameter() } },
                        { u"responses"_qs, responses({ { u"description"_qs, u"Cancelled"_qs } }) } } }
    };

    return {
        { u"swagger"_qs, u"2.0"_qs },
        { u"info"_qs,
          QJsonObject { { u"version"_qs, u"2.0"_qs },
                        { u"title"_qs, u"Feature Hashing [Predictive Exp.]"_qs },
                        { u"description"_qs,
                          u"Book Reviews from Amazon: Col2 hashed into 2^Hashing bitsize count "
                          "features (Vowpal Wabbit feature hashing)."_qs } } },
        { u"host"_qs, host },
        { u"basePath"_qs, base },
        { u"schemes"_qs, QJsonArray { u"http"_qs } },
        { u"paths"_qs,
          QJsonObject { { u"/execute?format=swagger"_qs, execute },
                        { u"/jobs"_qs, jobs },
                        { u"/jobs/{jobId}/start"_qs, start },
                        { u"/jobs/{jobId}"_qs, job } } },
        { u"definitions"_qs, definitions },
    };
}

} // namespace portico::local
