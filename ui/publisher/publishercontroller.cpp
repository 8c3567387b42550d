// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/publishercontroller.h"

#include "core/arm/armclient.h"
#include "core/arm/armjob.h"
#include "core/arm/armlistjob.h"
#include "core/arm/armrequest.h"
#include "core/model/api.h"
#include "core/model/operation.h"
#include "core/model/serviceinstance.h"
#include "core/model/subscription.h"
#include "core/secrets/secretstore.h"
#include "ui/common/operationtracker.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/apieditor.h"
#include "ui/publisher/editorfields.h"
#include "ui/publisher/effectivescopebar.h"
#include "ui/publisher/operationeditor.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/servicewizard.h"
#include "ui/publisher/stagededitor.h"

#include <QJsonArray>

namespace portico::ui {

namespace {

QString policyPath(const QString &scope)
{
    return scope + u"/policies/policy"_qs;
}

} // namespace

PublisherController::PublisherController(core::ArmClient *client, OperationTracker *operations,
                                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_operations(operations)
{
}

PublisherController::~PublisherController() = default;

void PublisherController::setSecretStore(core::SecretStore *store, const QString &environmentId)
{
    m_secrets = store;
    m_environmentId = environmentId;
}

core::ArmClient *PublisherController::client() const
{
    return m_client;
}

void PublisherController::setClient(core::ArmClient *client)
{
    m_client = client;
    m_subscriptionPath.clear();
    setService({});
}

void PublisherController::setService(const QString &serviceId)
{
    if (serviceId == m_serviceId)
        return;
    m_serviceId = serviceId;
    Q_EMIT serviceChanged(serviceId);
}

QString PublisherController::absolute(const QString &path) const
{
    if (path.startsWith(u"/subscriptions/"_qs, Qt::CaseInsensitive))
        return path;
    return m_serviceId + path;
}

core::Result<QJsonObject> PublisherController::toJson(const core::Result<core::ArmResponse> &result)
{
    if (!result.ok())
        return result.error();
    if (result->body.trimmed().isEmpty())
        return QJsonObject();
    return result->json();
}

void PublisherController::call(core::ArmRequest request, QObject *context, JsonCallback done)
{
    send(std::move(request), context,
         [done = std::move(done)](const core::Result<core::ArmResponse> &result) {
             done(toJson(result));
         });
}

void PublisherController::callForReply(core::ArmRequest request, QObject *context, ReplyCallback done)
{
    send(std::move(request), context, std::move(done));
}

void PublisherController::listResources(const QString &path, QObject *context, ListCallback done)
{
    listResources(core::ArmRequest::get(path), context, std::move(done));
}

void PublisherController::listResources(core::ArmRequest request, QObject *context, ListCallback done)
{
    if (!m_client) {
        done(core::Error::make(core::Error::Kind::Unavailable, u"No environment"_qs));
        return;
    }
    request.path = absolute(request.path);
    core::ArmListJob *job = m_client->list(request);
    connect(job, &core::ArmListJob::finished, context, [job, done = std::move(done)] { done(job->result()); });
}

void PublisherController::loadApiProducts(ApiEditor *editor)
{
    if (!m_client)
        return;
    core::ArmListJob *job = m_client->list(core::ArmRequest::get(serviceOf(editor) + u"/products"_qs));
    connect(job, &core::ArmListJob::finished, editor, [job, editor] {
        if (!job->result().ok())
            return;
        QList<QPair<QString, QString>> products;
        for (const QJsonObject &p : job->result().value())
            products.append({ p.value(u"name"_qs).toString(),
                              p.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString() });
        editor->setAvailableProducts(products);
    });
}

void PublisherController::attachApiEditor(ApiEditor *editor)
{
    trackServerCopies(editor);
    m_editorServices.insert(editor, m_serviceId);
    loadApiProducts(editor);
    connect(editor, &ApiEditor::saveRequested, this,
            [this, editor](const QVariantMap &values, bool isNew) { saveApi(editor, values, isNew, false); });
    connect(editor, &StagedEditor::overwriteRequested, this,
            [this, editor](const QVariantMap &values) { saveApi(editor, values, false, true); });
    connect(editor, &StagedEditor::reloadRequested, this, [this, editor] {
        loadApi(editor, editor->document()->savedValues().value(u"name"_qs).toString());
    });
}

void PublisherController::openApi(ApiEditor *editor, const QString &apiId)
{
    loadApi(editor, apiId);
    connect(editor, &StagedEditor::loadRetryRequested, this,
            [this, editor, apiId] { loadApi(editor, apiId); });
}

void PublisherController::loadApi(ApiEditor *editor, const QString &apiId)
{
    const QString service = serviceOf(editor);
    send(core::ArmRequest::get(service + u"/apis/"_qs + apiId), editor,
         [this, editor, apiId, service](const core::Result<core::ArmResponse> &response) {
             const core::Result<QJsonObject> r = toJson(response);
             const auto api = r.ok() ? core::Api::fromJson(r.value()) : core::Result<core::Api>(r.error());
             if (!api.ok()) {
                 editor->loadFailed(api.error(), apiId);
                 return;
             }
             if (!m_client)
                 return;
             remember(editor, response.value());
             core::ArmListJob *job = m_client->list(
                 core::ArmRequest::get(service + u"/apis/"_qs + apiId + u"/products"_qs));
             connect(job, &core::ArmListJob::finished, editor, [job, editor, api = api.value()] {
                 QStringList products;
                 if (job->result().ok()) {
                     for (const QJsonObject &p : job->result().value())
                         products << p.value(u"name"_qs).toString();
                 }
                 editor->load(editorfields::fromApi(api, products));
             });
         });
}

void PublisherController::send(core::ArmRequest request, QObject *context,
                               std::function<void(const core::Result<core::ArmResponse> &)> done)
{
    if (!m_client) {
        done(core::Error::make(core::Error::Kind::Unavailable, u"No environment"_qs));
        return;
    }
    request.path = absolute(request.path);
    core::ArmJob *job = m_client->send(request);
    connect(job, &core::ArmJob::finished, context,
            [job, done = std::move(done)] { done(job->result()); });
}

void PublisherController::trackServerCopies(QObject *editor)
{
    connect(editor, &QObject::destroyed, this, [this](QObject *gone) {
        m_serverCopies.remove(gone);
        m_editorServices.remove(gone);
    });
}

QString PublisherController::serviceOf(const QObject *editor) const
{
    return m_editorServices.value(editor, m_serviceId);
}

void PublisherController::remember(const QObject *editor, const core::ArmResponse &response)
{
    const core::Result<QJsonObject> json = response.json();
    m_serverCopies.insert(editor, { json.ok() ? json.value() : QJsonObject(), response.etag() });
}

core::Error PublisherController::environmentGone()
{
    return core::Error::make(core::Error::Kind::Unavailable,
                             tr("The console switched to another environment before this was finished; "
                                "nothing more was sent. Reload to see what the server has."));
}

void PublisherController::createResource(core::ArmRequest create, QObject *context,
                                         std::function<void()> taken,
                                         std::function<void(const core::Result<core::ArmResponse> &)> done,
                                         std::function<void()> refused)
{
    QPointer<QObject> guard(context);
    // The environment the id was looked up in: the PUT goes there or nowhere.
    QPointer<core::ArmClient> client = m_client;
    const QString path = create.path;
    send(core::ArmRequest::get(path), context,
         [this, guard, client, create = std::move(create), taken = std::move(taken), done = std::move(done),
          refused = std::move(refused)](const core::Result<core::ArmResponse> &found) mutable {
             if (!guard)
                 return;
             if (found.ok()) {
                 taken();
                 return;
             }
             if (found.error().kind != core::Error::Kind::NotFound) {
                 done(found.error());
                 return;
             }
             if (!client || client != m_client) {
                 done(environmentGone()); // the PUT would go through the other environment's client
                 return;
             }
             create.headers.append({ QByteArrayLiteral("If-None-Match"), QByteArrayLiteral("*") });
             send(std::move(create), guard,
                  [taken = std::move(taken), done = std::move(done),
                   refused = std::move(refused)](const core::Result<core::ArmResponse> &r) {
                      if (!r.ok() && r.error().httpStatus == 412)
                          (refused ? refused : taken)(); // created meanwhile, or this create resent
                      else
                          done(r);
                  });
         });
}

void PublisherController::saveResource(StagedEditor *editor, const QString &path, bool isNew,
                                       bool fresh, BodyFor body, SavedCallback saved)
{
    QPointer<StagedEditor> guard(editor);
    if (isNew) {
        createResource(core::ArmRequest::put(path, body(QJsonObject())), editor,
                       [guard] {
                           if (guard)
                               guard->idAlreadyExists();
                       },
                       [this, guard, saved](const core::Result<core::ArmResponse> &r) {
                           if (guard)
                               finishSave(guard, r, callbacksOf(guard, saved));
                       });
        return;
    }
    if (fresh || !m_serverCopies.contains(editor)) {
        send(core::ArmRequest::get(path), editor,
             [this, guard, path, body, saved](const core::Result<core::ArmResponse> &r) {
                 if (!guard)
                     return;
                 if (!r.ok()) {
                     guard->saveFailed(r.error());
                     return;
                 }
                 remember(guard, r.value());
                 putResource(guard, path, body, saved);
             });
        return;
    }
    putResource(editor, path, body, saved);
}

void PublisherController::putResource(StagedEditor *editor, const QString &path, BodyFor body,
                                      SavedCallback saved)
{
    // An existing item: without its server copy the PUT would be create-only (If-None-Match: *).
    Q_ASSERT(m_serverCopies.contains(editor));
    putIfUnchanged(editor, core::ArmRequest::put(path, body(m_serverCopies.value(editor).json)), false,
                   callbacksOf(editor, std::move(saved)));
}

PublisherController::SaveCallbacks PublisherController::callbacksOf(StagedEditor *editor, SavedCallback saved)
{
    QPointer<StagedEditor> guard(editor);
    return { [guard] {
                if (guard)
                    guard->saveConflicted();
            },
             [guard](const core::Error &error) {
                 if (guard)
                     guard->saveFailed(error);
             },
             [guard, saved = std::move(saved)](const QJsonObject &reply) {
                 if (guard)
                     saved(reply);
             } };
}

void PublisherController::putIfUnchanged(QObject *editor, core::ArmRequest put, bool overwrite,
                                         SaveCallbacks callbacks)
{
    const auto copy = m_serverCopies.constFind(editor);
    if (overwrite)
        put.ifMatch = QByteArrayLiteral("*");
    else if (copy == m_serverCopies.cend()) // nothing there when loaded: create only while nothing is
        put.headers.append({ QByteArrayLiteral("If-None-Match"), QByteArrayLiteral("*") });
    else // without an ETag from the server there is nothing to compare against: unconditional
        put.ifMatch = copy->etag.isEmpty() ? QByteArrayLiteral("*") : copy->etag;
    send(put, editor, [this, editor, callbacks = std::move(callbacks)](const core::Result<core::ArmResponse> &r) {
        if (!r.ok() && r.error().httpStatus == 412)
            callbacks.conflicted();
        else
            finishSave(editor, r, callbacks);
    });
}

void PublisherController::finishSave(const QObject *editor, const core::Result<core::ArmResponse> &reply,
                                     const SaveCallbacks &callbacks)
{
    const core::Result<QJsonObject> json = toJson(reply);
    if (!json.ok()) {
        callbacks.failed(json.error());
        return;
    }
    remember(editor, reply.value());
    callbacks.saved(json.value());
}

void PublisherController::saveApi(ApiEditor *editor, const QVariantMap &values, bool isNew, bool fresh)
{
    const QString apiId = values.value(u"name"_qs).toString();
    const QStringList wanted = values.value(u"products"_qs).toStringList();
    const QStringList before = isNew ? QStringList()
                                     : editor->document()->savedValues().value(u"products"_qs).toStringList();
    auto body = [values](const QJsonObject &serverCopy) {
        core::Api base;
        if (auto api = core::Api::fromJson(serverCopy); api.ok())
            base = api.value();
        return editorfields::toApi(values, base).toJson(core::JsonShape::Request);
    };
    const QString service = serviceOf(editor);
    saveResource(editor, service + u"/apis/"_qs + apiId, isNew, fresh, body,
                 [this, editor, values, service, apiId, wanted, before](const QJsonObject &reply) {
             QStringList add, remove;
             for (const QString &p : wanted)
                 if (!before.contains(p))
                     add << p;
             for (const QString &p : before)
                 if (!wanted.contains(p))
                     remove << p;
             linkProducts(service, apiId, add, remove, before, editor,
                          [this, editor, values, reply](const core::Result<void> &linked,
                                                        const QStringList &products) {
                              const auto saved = core::Api::fromJson(reply);
                              if (!linked.ok()) {
                                  // The API itself is saved (a new one exists now): only the
                                  // product links are still to do.
                                  QVariantMap savedValues = saved.ok() ? editorfields::fromApi(saved.value(), products)
                                                                       : values;
                                  savedValues.insert(u"products"_qs, products);
                                  editor->productsNotUpdated(savedValues, linked.error());
                                  Q_EMIT resourcesChanged();
                                  return;
                              }
                              editor->saveSucceeded(saved.ok()
                                                        ? editorfields::fromApi(saved.value(),
                                                                                values.value(u"products"_qs).toStringList())
                                                        : values);
                              Q_EMIT resourcesChanged();
                          });
         });
}

void PublisherController::linkProducts(const QString &service, const QString &apiId, const QStringList &add,
                                       const QStringList &remove, QStringList linked,
                                       QObject *context,
                                       std::function<void(const core::Result<void> &, const QStringList &)> done)
{
    if (add.isEmpty() && remove.isEmpty()) {
        done({}, linked);
        return;
    }
    QStringList nextAdd = add, nextRemove = remove;
    core::ArmRequest request;
    QString product;
    const bool adding = !nextAdd.isEmpty();
    if (adding) {
        product = nextAdd.takeFirst();
        request = core::ArmRequest::put(service + u"/products/"_qs + product + u"/apis/"_qs + apiId, QJsonObject());
    } else {
        product = nextRemove.takeFirst();
        request = core::ArmRequest::remove(service + u"/products/"_qs + product + u"/apis/"_qs + apiId);
    }
    call(request, context,
         [this, service, apiId, nextAdd, nextRemove, linked, product, adding, context,
          done](const core::Result<QJsonObject> &r) mutable {
             if (!r.ok()) {
                 done(r.error(), linked);
                 return;
             }
             if (adding)
                 linked.append(product);
             else
                 linked.removeAll(product);
             linkProducts(service, apiId, nextAdd, nextRemove, linked, context, done);
         });
}

void PublisherController::attachOperationEditor(OperationEditor *editor, const QString &apiId)
{
    trackServerCopies(editor);
    m_editorServices.insert(editor, m_serviceId);
    connect(editor, &OperationEditor::saveRequested, this,
            [this, editor, apiId](const QVariantMap &values, bool isNew) {
                saveOperation(editor, apiId, values, isNew, false);
            });
    connect(editor, &StagedEditor::overwriteRequested, this,
            [this, editor, apiId](const QVariantMap &values) {
                saveOperation(editor, apiId, values, false, true);
            });
    connect(editor, &StagedEditor::reloadRequested, this, [this, editor, apiId] {
        loadOperation(editor, apiId, editor->document()->savedValues().value(u"name"_qs).toString());
    });
}

void PublisherController::openOperation(OperationEditor *editor, const QString &apiId,
                                        const QString &operationId)
{
    loadOperation(editor, apiId, operationId);
    connect(editor, &StagedEditor::loadRetryRequested, this,
            [this, editor, apiId, operationId] { loadOperation(editor, apiId, operationId); });
}

void PublisherController::loadOperation(OperationEditor *editor, const QString &apiId,
                                        const QString &operationId)
{
    send(core::ArmRequest::get(serviceOf(editor) + u"/apis/"_qs + apiId + u"/operations/"_qs + operationId), editor,
         [this, editor, operationId](const core::Result<core::ArmResponse> &response) {
             const core::Result<QJsonObject> json = toJson(response);
             const auto op = json.ok() ? core::Operation::fromJson(json.value())
                                       : core::Result<core::Operation>(json.error());
             if (!op) {
                 editor->loadFailed(op.error(), operationId);
                 return;
             }
             remember(editor, response.value());
             editor->load(editorfields::fromOperation(op.value()));
         });
}

void PublisherController::saveOperation(OperationEditor *editor, const QString &apiId,
                                        const QVariantMap &values, bool isNew, bool fresh)
{
    auto body = [values](const QJsonObject &serverCopy) {
        core::Operation base;
        if (auto op = core::Operation::fromJson(serverCopy); op.ok())
            base = op.value();
        return editorfields::toOperation(values, base).toJson(core::JsonShape::Request);
    };
    saveResource(editor, serviceOf(editor) + u"/apis/"_qs + apiId + u"/operations/"_qs + values.value(u"name"_qs).toString(),
                 isNew, fresh, body, [this, editor, values](const QJsonObject &reply) {
                     const auto saved = core::Operation::fromJson(reply);
                     editor->saveSucceeded(saved.ok() ? editorfields::fromOperation(saved.value())
                                                      : values);
                     Q_EMIT resourcesChanged();
                 });
}

void PublisherController::attachPolicyEditor(PolicyEditor *editor, const QString &scopePath,
                                             const QString &label)
{
    // The policy of the service it was opened on: its loads and saves stay there whichever
    // service is current later.
    const QString path = m_serviceId + policyPath(scopePath);
    editor->setScope(core::PolicyScope::fromResourceId(policyPath(scopePath)).kind);
    trackServerCopies(editor);
    auto *parents = new EffectiveScopeBar(this, editor, scopePath);
    editor->setEffectiveHeader(parents);
    loadPolicy(editor, path, label);
    parents->reload();
    connect(editor, &PolicyEditor::loadRetryRequested, this,
            [this, editor, parents, path, label] {
                loadPolicy(editor, path, label);
                parents->reload();
            });
    connect(editor, &PolicyEditor::reloadRequested, this,
            [this, editor, path, label] { loadPolicy(editor, path, label); });
    connect(editor, &PolicyEditor::saveRequested, this, [this, editor, path, scopePath](const QString &xml) {
        savePolicy(editor, path, scopePath, xml, false);
    });
    connect(editor, &PolicyEditor::overwriteRequested, this,
            [this, editor, path, scopePath](const QString &xml) { savePolicy(editor, path, scopePath, xml, true); });
}

void PublisherController::savePolicy(PolicyEditor *editor, const QString &path, const QString &scopePath,
                                     const QString &xml, bool overwrite)
{
    editor->setBusy(true);
    const core::ArmRequest put = core::ArmRequest::put(
        path, QJsonObject { { u"properties"_qs,
                              QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, xml } } } });
    putIfUnchanged(editor, put, overwrite,
                   { [editor] { editor->saveConflicted(); },
                     [editor](const core::Error &error) { editor->saveFailed(error); },
                     [this, editor, xml, scopePath](const QJsonObject &) {
                         // The reply holds the XML-escaped form (§7), not the rawxml text the
                         // editor edits: sent again as rawxml it would be escaped twice. The
                         // server accepted `xml` as it is, so that stays the saved text.
                         editor->saveSucceeded(xml);
                         Q_EMIT policySaved(scopePath);
                     } });
}

void PublisherController::loadPolicy(PolicyEditor *editor, const QString &path, const QString &label)
{
    send(core::ArmRequest::get(path).withQuery(u"format"_qs, u"rawxml"_qs), editor,
         [this, editor, label](const core::Result<core::ArmResponse> &response) {
             const core::Result<QJsonObject> r = toJson(response);
             if (r.ok()) {
                 remember(editor, response.value());
                 editor->load(label, r->value(u"properties"_qs).toObject().value(u"value"_qs).toString());
             } else if (r.error().kind == core::Error::Kind::NotFound) {
                 // No policy at this scope yet: start from one that inherits everything.
                 m_serverCopies.remove(editor);
                 editor->load(label,
                              u"<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <backend>\n"
                              "    <base />\n  </backend>\n  <outbound>\n    <base />\n  </outbound>\n"
                              "  <on-error>\n    <base />\n  </on-error>\n</policies>"_qs);
             } else {
                 m_serverCopies.remove(editor);
                 editor->loadFailed(label, r.error());
             }
         });
}

void PublisherController::createSubscription(const QString &sid, const QString &displayName,
                                             const QString &scope, const QString &ownerId,
                                             QObject *context, JsonCallback done)
{
    core::Subscription s;
    s.scope = scope;
    s.displayName = displayName;
    s.ownerId = ownerId;
    s.state = u"active"_qs;
    call(core::ArmRequest::put(m_serviceId + u"/subscriptions/"_qs + sid, s.toJson(core::JsonShape::Request)),
         context, [this, done](const core::Result<QJsonObject> &r) {
             if (r.ok())
                 Q_EMIT resourcesChanged();
             done(r);
         });
}

void PublisherController::listSecrets(const QString &serviceId, const QString &sid, QObject *context,
                                      JsonCallback done)
{
    call(core::ArmRequest::post(serviceId + u"/subscriptions/"_qs + sid + u"/listSecrets"_qs), context,
         std::move(done));
}

} // namespace portico::ui
