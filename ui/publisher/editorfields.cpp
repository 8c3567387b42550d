// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/editorfields.h"

#include "ui/common/forbiddentext.h"

namespace portico::ui::editorfields {

namespace {

QVariantMap fromParameter(const core::ParameterContract &p)
{
    QVariantMap map { { u"name"_qs, p.name },
                      { u"type"_qs, p.type },
                      { u"required"_qs, p.required },
                      { u"values"_qs, p.values },
                      { u"description"_qs, p.description } };
    if (!p.defaultValue.isEmpty())
        map.insert(u"defaultValue"_qs, p.defaultValue);
    return map;
}

// The row's fields over `p` (the server's parameter of that name, or a new one): what the
// editor does not show (schemaId, typeName, examples) stays as the server has it.
core::ParameterContract toParameter(const QVariantMap &map, core::ParameterContract p = {})
{
    p.name = map.value(u"name"_qs).toString().trimmed();
    p.type = map.value(u"type"_qs).toString().trimmed();
    if (p.type.isEmpty())
        p.type = u"string"_qs;
    p.required = map.value(u"required"_qs).toBool();
    p.values = map.value(u"values"_qs).toStringList();
    p.description = map.value(u"description"_qs).toString();
    p.defaultValue = map.value(u"defaultValue"_qs).toString();
    return p;
}

// Takes the first item of `from` that `matches`, or a default one.
template <typename T, typename Match>
T takeMatching(QList<T> &from, Match matches)
{
    for (qsizetype i = 0; i < from.size(); ++i) {
        if (matches(from.at(i)))
            return from.takeAt(i);
    }
    return T {};
}

QVariantList fromParameters(const QList<core::ParameterContract> &list)
{
    QVariantList out;
    for (const auto &p : list)
        out.append(fromParameter(p));
    return out;
}

// Rows in the editor's order; a row named like one of `base` keeps that parameter's other data.
QList<core::ParameterContract> toParameters(const QVariant &value,
                                            QList<core::ParameterContract> base,
                                            Qt::CaseSensitivity names = Qt::CaseSensitive)
{
    QList<core::ParameterContract> out;
    for (const QVariant &row : value.toList()) {
        const QVariantMap map = row.toMap();
        const QString name = map.value(u"name"_qs).toString().trimmed();
        if (name.isEmpty())
            continue;
        out.append(toParameter(map, takeMatching(base, [&](const core::ParameterContract &p) {
                                   return p.name.compare(name, names) == 0;
                               })));
    }
    return out;
}

bool sameContentType(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

QVariantMap fromApi(const core::Api &api, const QStringList &productIds)
{
    return { { u"name"_qs, api.name },
             { u"displayName"_qs, api.displayName },
             { u"serviceUrl"_qs, api.serviceUrl },
             { u"path"_qs, api.path },
             { u"protocols"_qs, api.protocols },
             { u"products"_qs, productIds },
             { u"subscriptionRequired"_qs, api.subscriptionRequired.value_or(true) },
             { u"headerName"_qs, api.subscriptionKeyParameterNames.header },
             { u"queryName"_qs, api.subscriptionKeyParameterNames.query },
             { u"description"_qs, api.description } };
}

core::Api toApi(const QVariantMap &fields, core::Api base)
{
    base.name = fields.value(u"name"_qs).toString();
    base.displayName = fields.value(u"displayName"_qs).toString().trimmed();
    base.serviceUrl = fields.value(u"serviceUrl"_qs).toString().trimmed();
    base.path = fields.value(u"path"_qs).toString().trimmed();
    base.protocols = fields.value(u"protocols"_qs).toStringList();
    base.subscriptionRequired = fields.value(u"subscriptionRequired"_qs).toBool();
    base.subscriptionKeyParameterNames.header = fields.value(u"headerName"_qs).toString().trimmed();
    base.subscriptionKeyParameterNames.query = fields.value(u"queryName"_qs).toString().trimmed();
    base.description = fields.value(u"description"_qs).toString();
    return base;
}

QVariantMap fromOperation(const core::Operation &operation)
{
    QVariantList representations;
    for (const auto &r : operation.request.representations)
        representations.append(QVariantMap { { u"contentType"_qs, r.contentType },
                                             { u"sample"_qs, r.sample } });
    QVariantList responses;
    for (const auto &response : operation.responses) {
        QVariantMap row { { u"statusCode"_qs, response.statusCode },
                          { u"description"_qs, response.description } };
        if (!response.representations.isEmpty()) {
            row.insert(u"contentType"_qs, response.representations.first().contentType);
            row.insert(u"sample"_qs, response.representations.first().sample);
        }
        responses.append(row);
    }
    return { { u"name"_qs, operation.name },
             { u"method"_qs, operation.method },
             { u"urlTemplate"_qs, operation.urlTemplate },
             { u"displayName"_qs, operation.displayName },
             { u"description"_qs, operation.description },
             { u"templateParameters"_qs, fromParameters(operation.templateParameters) },
             { u"queryParameters"_qs, fromParameters(operation.request.queryParameters) },
             { u"headers"_qs, fromParameters(operation.request.headers) },
             { u"representations"_qs, representations },
             { u"responses"_qs, responses } };
}

core::Operation toOperation(const QVariantMap &fields, core::Operation base)
{
    base.name = fields.value(u"name"_qs).toString();
    base.method = fields.value(u"method"_qs).toString().trimmed().toUpper();
    base.urlTemplate = fields.value(u"urlTemplate"_qs).toString();
    base.displayName = fields.value(u"displayName"_qs).toString().trimmed();
    base.description = fields.value(u"description"_qs).toString();
    base.templateParameters = toParameters(fields.value(u"templateParameters"_qs),
                                           base.templateParameters);
    base.request.queryParameters = toParameters(fields.value(u"queryParameters"_qs),
                                                base.request.queryParameters);
    base.request.headers = toParameters(fields.value(u"headers"_qs), base.request.headers,
                                        Qt::CaseInsensitive);

    // Request representations by content type; schema links, examples and form parameters stay.
    QList<core::RepresentationContract> representations;
    for (const QVariant &row : fields.value(u"representations"_qs).toList()) {
        const QString contentType = row.toMap().value(u"contentType"_qs).toString().trimmed();
        if (contentType.isEmpty())
            continue;
        core::RepresentationContract r = takeMatching(
            base.request.representations,
            [&](const core::RepresentationContract &b) { return sameContentType(b.contentType, contentType); });
        r.contentType = contentType;
        r.sample = row.toMap().value(u"sample"_qs).toString();
        representations.append(r);
    }
    base.request.representations = representations;

    // Responses by status code. The editor shows each response's first representation only:
    // the others and the response headers stay as the server has them.
    QList<core::ResponseContract> responses;
    for (const QVariant &row : fields.value(u"responses"_qs).toList()) {
        const QVariantMap map = row.toMap();
        const int statusCode = map.value(u"statusCode"_qs).toInt();
        core::ResponseContract response = takeMatching(
            base.responses, [&](const core::ResponseContract &b) { return b.statusCode == statusCode; });
        response.statusCode = statusCode;
        response.description = map.value(u"description"_qs).toString();
        const QString contentType = map.value(u"contentType"_qs).toString().trimmed();
        QList<core::RepresentationContract> &shown = response.representations;
        if (contentType.isEmpty()) {
            if (!shown.isEmpty())
                shown.removeFirst(); // the user cleared the one the editor showed
        } else {
            core::RepresentationContract r;
            if (!shown.isEmpty() && sameContentType(shown.first().contentType, contentType)) {
                r = shown.takeFirst();
            } else {
                if (!shown.isEmpty())
                    shown.removeFirst(); // the shown one was given another content type
                r = takeMatching(shown, [&](const core::RepresentationContract &b) {
                    return sameContentType(b.contentType, contentType);
                });
            }
            r.contentType = contentType;
            r.sample = map.value(u"sample"_qs).toString();
            shown.prepend(r);
        }
        responses.append(response);
    }
    base.responses = responses;
    return base;
}

QString idFromDisplayName(const QString &displayName)
{
    QString id;
    for (const QChar c : displayName.trimmed().toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            id += c;
        else if (!id.isEmpty() && !id.endsWith(u'-'))
            id += u'-';
    }
    while (id.endsWith(u'-'))
        id.chop(1);
    return id.left(80);
}

QString describeSaveFailure(const core::Error &error, const QStringList &unclaimed,
                            const SaveFailureTexts &texts, const QString &id, bool isNew)
{
    switch (error.kind) {
    case core::Error::Kind::Network:
    case core::Error::Kind::Timeout:
        return texts.unreachable.arg(error.message);
    case core::Error::Kind::Unauthorized:
        return texts.refused.arg(error.message);
    case core::Error::Kind::Forbidden:
        return ForbiddenText::withAdvice(
            (isNew ? texts.forbiddenCreate : texts.forbidden).arg(id, error.message));
    default:
        return unclaimed.isEmpty() ? texts.seeFields : texts.other.arg(unclaimed.join(u'\n'));
    }
}

} // namespace portico::ui::editorfields
