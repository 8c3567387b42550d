// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/batch/besjobstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace portico::core {

namespace {

Error protocol(const QString &message)
{
    return Error::make(Error::Kind::Protocol, message);
}

QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(200));
    for (QChar &c : text) {
        if (!c.isPrint())
            c = u'?';
    }
    return text;
}

Result<BesOutput> outputOf(const QString &name, const QJsonValue &value)
{
    if (!value.isObject())
        return protocol(u"The batch service described output \"%1\" in an unexpected shape."_qs.arg(name));
    const QJsonObject o = value.toObject();
    BesOutput output;
    output.baseLocation = o.value(u"BaseLocation"_qs).toString();
    output.relativeLocation = o.value(u"RelativeLocation"_qs).toString();
    output.sasBlobToken = o.value(u"SasBlobToken"_qs).toString();
    return output;
}

} // namespace

Result<QUrl> BesOutput::downloadUrl() const
{
    if (baseLocation.isEmpty() || relativeLocation.isEmpty())
        return protocol(u"The batch service did not say where the results are (BaseLocation and RelativeLocation)."_qs);
    QString base = baseLocation;
    QString relative = relativeLocation;
    if (!base.endsWith(u'/'))
        base += u'/';
    while (relative.startsWith(u'/'))
        relative.remove(0, 1);
    QString token = sasBlobToken;
    if (!token.isEmpty() && !token.startsWith(u'?'))
        token.prepend(u'?');
    const QUrl url(base + relative + token, QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https"_qs && url.scheme() != u"http"_qs))
        return protocol(u"The results location \"%1\" is not an http(s) URL."_qs.arg(base + relative));
    return url;
}

Result<BesJobStatus> BesJobStatus::parse(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        Error error = protocol(u"The batch service sent a job status that is not a JSON object."_qs);
        error.technical = excerpt(body);
        return error;
    }
    const QJsonObject root = document.object();
    QJsonValue code = root.value(u"StatusCode"_qs);
    if (code.isUndefined())
        code = root.value(u"Status Code"_qs);
    static const QStringList names { u"NotStarted"_qs, u"Running"_qs, u"Failed"_qs, u"Cancelled"_qs,
                                     u"Finished"_qs };
    BesJobStatus status;
    int index = -1;
    if (code.isString()) {
        status.statusText = code.toString();
        index = int(names.indexOf(status.statusText));
        if (index < 0 && status.statusText.compare(u"Canceled"_qs, Qt::CaseInsensitive) == 0)
            index = 3;
        for (int i = 0; index < 0 && i < names.size(); ++i) {
            if (names.at(i).compare(status.statusText, Qt::CaseInsensitive) == 0)
                index = i;
        }
    } else if (code.isDouble()) {
        const double value = code.toDouble();
        if (value >= 0 && value <= 4 && value == int(value))
            index = int(value);
        if (index >= 0)
            status.statusText = names.at(index);
    }
    if (index < 0) {
        Error error = protocol(u"The batch service sent an unknown job status."_qs);
        error.technical = excerpt(body);
        return error;
    }
    status.state = State(index);
    const QJsonValue details = root.value(u"Details"_qs);
    status.details = details.isString() ? details.toString() : QString();

    const QJsonValue results = root.value(u"Results"_qs);
    if (results.isObject()) {
        const QJsonObject outputs = results.toObject();
        for (auto it = outputs.begin(); it != outputs.end(); ++it) {
            auto output = outputOf(it.key(), it.value());
            if (!output)
                return output.error();
            status.outputs.insert(it.key(), output.value());
        }
    } else if (!results.isNull() && !results.isUndefined()) {
        return protocol(u"The batch service sent Results in an unexpected shape."_qs);
    }
    const QJsonValue legacy = root.value(u"Result"_qs);
    if (status.outputs.isEmpty() && legacy.isObject()) {
        auto output = outputOf(u"output1"_qs, legacy);
        if (!output)
            return output.error();
        status.outputs.insert(u"output1"_qs, output.value());
    }
    return status;
}

Result<QString> BesJobStatus::parseSubmittedJobId(const QByteArray &body)
{
    // A bare JSON string is not a document; wrap it in an array to parse it strictly.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson("[" + body + "]", &parseError);
    const QJsonArray array = document.array();
    if (parseError.error != QJsonParseError::NoError || array.size() != 1 || !array.first().isString()) {
        Error error = protocol(u"The batch service did not answer the submission with a job id."_qs);
        error.technical = excerpt(body);
        return error;
    }
    const QString id = array.first().toString();
    static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,128}$"_qs);
    if (!valid.match(id).hasMatch()) {
        Error error = protocol(u"The batch service answered the submission with an invalid job id."_qs);
        error.technical = excerpt(body);
        return error;
    }
    return id;
}

} // namespace portico::core
