// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace portico::core {
class ArmClient;
struct ArmRequest;
struct ArmResponse;
class SecretStore;
} // namespace portico::core

namespace portico::ui {

class ApiEditor;
class OperationEditor;
class OperationTracker;
class PolicyEditor;
class ServiceWizard;
class StagedEditor;
struct AzureMlDefinition;

// Connects the publisher editors to one environment's ArmClient: it answers the wizard's name
// checks and provisions the service (tracked in the status bar, independent of the wizard),
// loads and saves APIs, operations and policies, creates subscriptions, and runs "Add AzureML
// web service". Editors never see the network; this class never shows UI text except through
// the editors' own outcome slots. Resource paths are relative to the service id. The wizard's
// part is in publisherwizard.cpp, Add AzureML's in publisheraddazureml.cpp.
class PublisherController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublisherController)

public:
    using JsonCallback = std::function<void(const core::Result<QJsonObject> &)>;

    PublisherController(core::ArmClient *client, OperationTracker *operations,
                        QObject *parent = nullptr);
    ~PublisherController() override;

    void setSecretStore(core::SecretStore *store, const QString &environmentId);
    // Switches the editors to another environment's client (the console's Azure environments);
    // the service must be set again after this.
    void setClient(core::ArmClient *client);
    core::ArmClient *client() const;
    // The full ARM id of the service the editors work on; serviceChanged() when it is another.
    void setService(const QString &serviceId);
    const QString &serviceId() const { return m_serviceId; }
    // The environment of setSecretStore() (its id).
    const QString &environmentId() const { return m_environmentId; }

    // Wizard: name checks, subscriptions/resource groups, provisioning. When provisioning
    // succeeds the new service becomes current and serviceCreated() is emitted.
    void attachWizard(ServiceWizard *wizard, const QString &subscriptionId = {});
    // (Re)fills the wizard's subscriptions, resource groups and regions (every region of the
    // subscription) from this controller's environment (attachWizard does it once; call it
    // again after setClient()). With `subscriptionId`, only that subscription is offered (an
    // Azure environment's own). A list that cannot be read is said on the wizard's page, whose
    // Retry reads them all again.
    void loadWizardChoices(ServiceWizard *wizard, const QString &subscriptionId = {});

    // API and operation saves are read-modify-write: the PUT carries the fields the editor shows
    // over the last server copy it was loaded from (or saved to), so properties the editor does
    // not show survive, and If-Match carries that copy's ETag, so a change made on the server
    // meanwhile is reported (the editor offers Keep server version / Overwrite) instead of
    // overwritten. A new item is only created when nothing has its id yet (GET first, then
    // If-None-Match: *). Like a policy editor, an API or operation editor stays with the service
    // that was current when it was attached: its loads, saves and product links go there
    // whichever service is current later.
    void attachApiEditor(ApiEditor *editor);
    void loadApiProducts(ApiEditor *editor);
    // Loads an existing API or operation into its editor; a failure is the editor's
    // loadFailed(), and its Retry loads again.
    void openApi(ApiEditor *editor, const QString &apiId);
    void attachOperationEditor(OperationEditor *editor, const QString &apiId);
    void openOperation(OperationEditor *editor, const QString &apiId, const QString &operationId);
    // `scopePath` below the service: "" (global), "/products/starter", "/apis/x",
    // "/apis/x/operations/y". Loads the scope's policy, and its parents for the effective view
    // through an EffectiveScopeBar (global → product → API, the product picked there); only a
    // scope without a policy (404) gets the default document, any other failure is the editor's
    // loadFailed() (Retry loads again). Saves send format rawxml and emit policySaved(). Like
    // API saves they carry the loaded policy's ETag (If-Match; If-None-Match: * when the scope
    // had none), so a change made meanwhile is the editor's conflict (Reload / Overwrite). The
    // editor stays with the service that was current when it was attached.
    void attachPolicyEditor(PolicyEditor *editor, const QString &scopePath, const QString &label);

    void createSubscription(const QString &sid, const QString &displayName, const QString &scope,
                            const QString &ownerId, QObject *context, JsonCallback done);
    // The keys of subscription `sid` of the service `serviceId`.
    void listSecrets(const QString &serviceId, const QString &sid, QObject *context, JsonCallback done);

    // Creates the API (only when no API has its id, as createResource()), keeps the ML key in
    // the keychain, then creates the secret named value (only when nothing has its id), the
    // API's product link, the five operations and the API policy, in that order; stops at the
    // first failure. When an API with that id exists nothing is written and `idTaken` runs
    // instead of `done` (without `idTaken`, `done` gets a Conflict error that says so).
    // A failure after the API was created removes again what this run created, in reverse
    // order: the named value, the key in the keychain, the API (its operations, product link
    // and policy go with it), so that nothing is left half made under the user's name. A create
    // that ended without an answer (a timeout, a lost connection) may have been carried out all
    // the same, so the API or named value is removed then too (not found counts as removed),
    // but only when the service has it as this run sent it (the API's path and backend URL; the
    // named value's display name, secret flag and value, read back with listValue) and only as
    // read (If-Match: its ETag): the lost answer may have been a 412, the item someone else's,
    // and one that differs stays unnamed. An API a colleague made with the same path and backend
    // URL cannot be told from ours. A read-back that fails is said as "may have been created".
    // A create refused (412) although nothing had its id when looked up is read back with the
    // same checks, since Qt resends a PUT whose connection dropped after the service acted: when
    // it is as this run sent it, the run goes on as if created (and removes it again on a later
    // failure); otherwise the id is taken, as above.
    // `done` gets the failure (a keychain failure in words, translated) and, for whatever could
    // not be removed again, one translated sentence each in `leftBehind` (empty when nothing
    // was left; "may have been created" for a create without an answer). The run goes on when
    // `context` goes away; `done` is then not called.
    using AzureMlDone = std::function<void(const core::Result<void> &result, const QStringList &leftBehind)>;
    void addAzureMl(const AzureMlDefinition &definition, const QString &mlKey, QObject *context,
                    AzureMlDone done, std::function<void()> idTaken = {});
    // The same; `leftBehind` is added to the error's message.
    void addAzureMl(const AzureMlDefinition &definition, const QString &mlKey, QObject *context,
                    std::function<void(const core::Result<void> &)> done,
                    std::function<void()> idTaken = {});

    // One call below the service (path relative to serviceId(), or absolute when it starts
    // with "/subscriptions").
    void call(core::ArmRequest request, QObject *context, JsonCallback done);
    using ReplyCallback = std::function<void(const core::Result<core::ArmResponse> &)>;
    // The same with the whole reply, for what the JSON leaves out (the ETag header).
    void callForReply(core::ArmRequest request, QObject *context, ReplyCallback done);
    // Every create goes through here: the PUT `create` (path as for call()) is sent only when
    // nothing has its id yet, so an existing item is never silently replaced. Real APIM
    // documents If-Match only (apim-protocol.md §2.2), so If-None-Match: * alone may not stop a
    // PUT: GET first, then PUT with If-None-Match: * so that one created meanwhile is refused
    // (412) where the service supports it. `taken` runs when the id is taken either way,
    // `done` otherwise (the PUT's reply, or why the GET or the PUT failed). With `refused`, a 412
    // to the PUT runs it instead of `taken`: the id was free when looked up, so the item there
    // may be this very create, which Qt sends again by itself when the connection drops after
    // the service acted (an idempotent request); the caller can read it back to tell.
    void createResource(core::ArmRequest create, QObject *context, std::function<void()> taken,
                        std::function<void(const core::Result<core::ArmResponse> &)> done,
                        std::function<void()> refused = {});
    // The error a save or delete ends with when the user picked another environment before it
    // was finished (what is left is not sent through the other environment's client).
    static core::Error environmentGone();
    // A reply's JSON body; an empty body is an empty object.
    static core::Result<QJsonObject> toJson(const core::Result<core::ArmResponse> &result);
    using ListCallback = std::function<void(const core::Result<QList<QJsonObject>> &)>;
    // Every item of a collection (nextLink followed); `path` as for call().
    void listResources(const QString &path, QObject *context, ListCallback done);
    // The same with query parameters (a report's $filter and interval).
    void listResources(core::ArmRequest request, QObject *context, ListCallback done);

Q_SIGNALS:
    // Another service (or none, after setClient()) is now the one the editors work on.
    void serviceChanged(const QString &serviceId);
    void serviceCreated(const QString &serviceId);
    // Provisioning requested through the wizard ended (after serviceCreated() on success).
    void provisioningFinished(bool succeeded);
    void resourcesChanged();
    // A policy editor saved the policy of `scopePath` (as for attachPolicyEditor()).
    void policySaved(const QString &scopePath);

private:
    // One run of addAzureMl() (publisheraddazureml.cpp): what it created so far.
    struct AzureMlRun;
    void createAzureMlNamedValue(const std::shared_ptr<AzureMlRun> &run, const QJsonObject &body);
    void runAzureMlSteps(const std::shared_ptr<AzureMlRun> &run);
    // Removes what the run created, in reverse order, then ends it with `error`.
    void undoAzureMl(const std::shared_ptr<AzureMlRun> &run, const core::Error &error);
    void finishAzureMl(const std::shared_ptr<AzureMlRun> &run, const core::Result<void> &result);
    // The last server copy of what an editor shows, and its ETag ("" when the server sent none).
    struct ServerCopy
    {
        QJsonObject json;
        QByteArray etag;
    };
    // The PUT body for the edited fields over a server copy ({} for a new item).
    using BodyFor = std::function<QJsonObject(const QJsonObject &serverCopy)>;
    using SavedCallback = std::function<void(const QJsonObject &reply)>;

    enum class WizardList { Subscriptions, ResourceGroups, Regions };
    static QString describeWizardListFailure(WizardList list, const core::Error &error);
    void checkNameAvailability(ServiceWizard *wizard, const QString &name);
    void loadGroupsAndRegions(ServiceWizard *wizard, const QString &subscriptionId,
                              quint64 generation);
    QString absolute(const QString &path) const;
    void send(core::ArmRequest request, QObject *context,
              std::function<void(const core::Result<core::ArmResponse> &)> done);
    // Forgets an editor's server copy when the editor goes.
    void trackServerCopies(QObject *editor);
    void remember(const QObject *editor, const core::ArmResponse &response);
    // The service an API or operation editor was attached on (the current one for any other).
    QString serviceOf(const QObject *editor) const;
    // Creates (isNew) or replaces the resource at `path` for `editor` as described above;
    // `fresh` re-reads the server copy first and replaces whatever ETag it has (Overwrite).
    void saveResource(StagedEditor *editor, const QString &path, bool isNew, bool fresh,
                      BodyFor body, SavedCallback saved);
    // The save PUT of an existing API or operation: saveResource() has read its server copy
    // first when it had none, so putIfUnchanged() always sends If-Match (never the
    // If-None-Match: * of a policy scope that had no policy); asserted.
    void putResource(StagedEditor *editor, const QString &path, BodyFor body, SavedCallback saved);
    // What an editor is told of a save: a conflict (412), a failure, or the saved reply.
    struct SaveCallbacks
    {
        std::function<void()> conflicted;
        std::function<void(const core::Error &)> failed;
        SavedCallback saved;
    };
    // A StagedEditor's saveConflicted()/saveFailed(), and `saved`, for as long as it exists.
    static SaveCallbacks callbacksOf(StagedEditor *editor, SavedCallback saved);
    // Every editor's save PUT: If-Match the ETag of the editor's server copy (unconditional
    // when the server sent none), If-None-Match: * when it has none (nothing was there when it
    // was loaded; only a policy editor's save gets there, see putResource()), If-Match: * for
    // `overwrite`; a 412 is `conflicted`, else as finishSave().
    void putIfUnchanged(QObject *editor, core::ArmRequest put, bool overwrite, SaveCallbacks callbacks);
    // The end of an editor's save: the reply is its new server copy, or the failure is said.
    void finishSave(const QObject *editor, const core::Result<core::ArmResponse> &reply,
                    const SaveCallbacks &callbacks);
    void saveApi(ApiEditor *editor, const QVariantMap &values, bool isNew, bool fresh);
    void loadApi(ApiEditor *editor, const QString &apiId);
    void loadOperation(OperationEditor *editor, const QString &apiId, const QString &operationId);
    // `path` is the policy's absolute path (its service's, as when the editor was attached).
    void loadPolicy(PolicyEditor *editor, const QString &path, const QString &label);
    // PUT with If-Match the ETag of the loaded policy (If-None-Match: * when the scope had none,
    // If-Match: * for Overwrite); a 412 is the editor's saveConflicted().
    void savePolicy(PolicyEditor *editor, const QString &path, const QString &scopePath,
                    const QString &xml, bool overwrite);
    void saveOperation(OperationEditor *editor, const QString &apiId, const QVariantMap &values,
                       bool isNew, bool fresh);
    // Links the API `apiId` of `service` to the `add` products and unlinks it from the `remove`
    // ones, one call after the other; `done` gets the first failure (if any) and the products
    // the API is in by then, starting from `linked`.
    void linkProducts(const QString &service, const QString &apiId, const QStringList &add,
                      const QStringList &remove, QStringList linked, QObject *context,
                      std::function<void(const core::Result<void> &, const QStringList &)> done);

    QPointer<core::ArmClient> m_client;
    QPointer<OperationTracker> m_operations;
    QPointer<core::SecretStore> m_secrets;
    QString m_environmentId;
    QString m_serviceId;
    QString m_subscriptionPath; // "/subscriptions/<id>" of the environment
    quint64 m_wizardGeneration = 0;
    QHash<const QObject *, ServerCopy> m_serverCopies; // per API, operation or policy editor
    QHash<const QObject *, QString> m_editorServices;  // per API or operation editor
    QString m_wizardSubscriptionId; // what loadWizardChoices() was last asked for (Retry)
    QString m_pendingNameCheck;     // a name to check once the subscription is known
};

} // namespace portico::ui
