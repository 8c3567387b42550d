// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// PublisherController: "Add AzureML web service". The API first (never over an existing one),
// the key in the keychain, the secret named value, the product link, the operations and the
// policy; a failure after the API exists removes again what this run created, so that the user
// can simply add the service again. A create that ended without an answer from the service (a
// timeout, a lost connection) may have been carried out all the same: it is removed too, but
// only when the service has it as this run sent it, since the lost answer may as well have been
// a 412 (someone else created it meanwhile), and someone else's item is never removed. A create
// refused with 412 although nothing had its id a moment before may be this very create: when
// the connection drops after the service acted, Qt sends the PUT again by itself, and the
// service refuses the resend. The item is read back with the same checks: when it is as this
// run sent it, the run goes on as if the first answer had come (and removes it again if a later
// step fails); otherwise the id is taken, as before.
#include "ui/publisher/publishercontroller.h"

#include "core/arm/armrequest.h"
#include "core/arm/armresponse.h"
#include "core/model/api.h"
#include "core/model/namedvalue.h"
#include "core/model/operation.h"
#include "core/secrets/secretstore.h"
#include "ui/common/operationtracker.h"
#include "ui/publisher/azuremldefinition.h"
#include "ui/publisher/editorfields.h"

#include <QPointer>

#include <optional>
#include <utility>

namespace portico::ui {

namespace {

// The create ended without an HTTP answer, after the request may have reached the service.
bool mayHaveBeenCreated(const core::Error &error)
{
    return error.httpStatus == 0
        && (error.kind == core::Error::Kind::Network || error.kind == core::Error::Kind::Timeout
            || error.kind == core::Error::Kind::Protocol);
}

// Answers whether an item read back (its properties) is what the run sent; it may ask the
// service more first. A failure to tell is said as such.
using OursCheck = std::function<void(const QJsonObject &properties,
                                     std::function<void(const core::Result<bool> &ours)> answer)>;

// Ours: the API's path and backend URL as the run sent them. An API a colleague made with the
// same path and backend URL cannot be told from ours.
OursCheck apiIsOurs(const QString &path, const QString &serviceUrl)
{
    return [path, serviceUrl](const QJsonObject &properties, auto answer) {
        answer(properties.value(u"path"_qs).toString() == path
               && properties.value(u"serviceUrl"_qs).toString() == serviceUrl);
    };
}

// Ours: the same display name, secret, and (read back with listValue from `itemPath`) the run's
// key. A colleague adding the same service sends the same name, so the name alone tells nothing.
OursCheck namedValueIsOurs(PublisherController *controller, const QString &itemPath, const QString &displayName,
                           const QString &key)
{
    return [controller, itemPath, displayName, key](const QJsonObject &properties, auto answer) {
        if (properties.value(u"displayName"_qs).toString() != displayName
            || !properties.value(u"secret"_qs).toBool()) {
            answer(false);
            return;
        }
        controller->call(core::ArmRequest::post(itemPath + u"/listValue"_qs), controller,
                         [key, answer](const core::Result<QJsonObject> &value) {
                             if (value.ok())
                                 answer(value->value(u"value"_qs).toString() == key);
                             else
                                 answer(value.error());
                         });
    };
}

// Reads the item at `path` (as for PublisherController::call()) back and asks `ours` whether it
// is what the run sent: `answer` gets the ETag it was read with when it is, nothing when it is
// not (or is not there at all), or why that could not be told (an unreadable body included: it
// may be ours).
using OursAnswer = std::function<void(const core::Result<std::optional<QByteArray>> &etag)>;

void readOurs(PublisherController *controller, const QString &path, OursCheck ours, OursAnswer answer)
{
    controller->callForReply(
        core::ArmRequest::get(path), controller,
        [ours = std::move(ours), answer = std::move(answer)](const core::Result<core::ArmResponse> &found) {
            if (!found.ok()) {
                if (found.error().kind == core::Error::Kind::NotFound)
                    answer(std::optional<QByteArray>());
                else
                    answer(found.error());
                return;
            }
            const core::Result<QJsonObject> json = found.value().json();
            if (!json.ok()) {
                answer(json.error());
                return;
            }
            const QByteArray etag = found.value().etag();
            ours(json.value().value(u"properties"_qs).toObject(), [answer, etag](const core::Result<bool> &mine) {
                if (!mine.ok())
                    answer(mine.error());
                else
                    answer(mine.value() ? std::optional<QByteArray>(etag) : std::optional<QByteArray>());
            });
        });
}

// Removes the item at `path` that a run created, then calls `done` with why that failed (nothing
// when it is gone, or was never there). With `ours`, the item may have been created (its create
// got no answer): it is read first (readOurs()) and removed only when it is what the run sent,
// and only as read (If-Match: its ETag); anything else is someone else's and stays, and is not
// said to be left behind.
// With `readAs`, the ETag the item was read back with after its create was refused: it is
// removed only as read then (If-Match), so a colleague's item of the same kind, or one they
// changed meanwhile, stays (the 412 is said as left behind).
void removeCreated(PublisherController *controller, const QString &path, OursCheck ours,
                   std::function<void(const std::optional<core::Error> &failure)> done,
                   const QByteArray &readAs = {})
{
    auto remove = [controller, path, done](const QByteArray &ifMatch) {
        controller->call(core::ArmRequest::remove(path, ifMatch), controller,
                         [done](const core::Result<QJsonObject> &removed) {
                             if (removed.ok() || removed.error().kind == core::Error::Kind::NotFound)
                                 done(std::nullopt);
                             else
                                 done(removed.error());
                         });
    };
    if (!readAs.isEmpty()) {
        remove(readAs);
        return;
    }
    if (!ours) {
        remove("*");
        return;
    }
    readOurs(controller, path, std::move(ours),
             [done, remove](const core::Result<std::optional<QByteArray>> &mine) {
                 if (!mine.ok())
                     done(mine.error()); // it may be ours: said as maybe left behind
                 else if (!mine.value())
                     done(std::nullopt); // nothing was created, or someone else's
                 else
                     remove(mine.value()->isEmpty() ? QByteArrayLiteral("*") : *mine.value());
             });
}

} // namespace

struct PublisherController::AzureMlRun
{
    QString apiId;
    QString name; // the API's display name, for the status bar
    QString namedValueId;
    // What the API's create sent, to tell an API it may have created from someone else's.
    QString apiPath;
    QString apiServiceUrl;
    // The named value's key, to tell one it may have created from someone else's (kept in
    // memory for the run only).
    QString mlKey;
    int operation = 0;
    QPointer<QObject> context; // the caller; `done` runs only while it exists
    AzureMlDone done;
    QList<core::ArmRequest> steps; // after the named value, in order
    // What this run created, so far; Maybe: its create got no answer.
    enum class Created { No, Maybe, Yes };
    Created api = Created::No;
    // The ETag of the API as read back after its create was refused (412): the API may be a
    // colleague's with the same path and URL (Maybe), removed again only as read then.
    std::optional<QByteArray> apiReadAs;
    QString keychainKey; // set once the key was written
    Created namedValue = Created::No;
    QStringList leftBehind;
};

void PublisherController::addAzureMl(const AzureMlDefinition &definition, const QString &mlKey,
                                     QObject *context,
                                     std::function<void(const core::Result<void> &)> done,
                                     std::function<void()> idTaken)
{
    addAzureMl(
        definition, mlKey, context,
        [done](const core::Result<void> &result, const QStringList &leftBehind) {
            if (result.ok() || leftBehind.isEmpty()) {
                done(result);
                return;
            }
            core::Error error = result.error();
            error.message += u' ' + leftBehind.join(u' ');
            done(error);
        },
        std::move(idTaken));
}

void PublisherController::addAzureMl(const AzureMlDefinition &definition, const QString &mlKey,
                                     QObject *context, AzureMlDone done,
                                     std::function<void()> idTaken)
{
    auto run = std::make_shared<AzureMlRun>();
    run->apiId = definition.apiId();
    run->name = definition.apiName;
    run->namedValueId = definition.namedValueId();
    run->context = context;
    run->done = std::move(done);
    run->mlKey = mlKey;
    const QJsonObject api = editorfields::toApi(definition.apiFields()).toJson(core::JsonShape::Request);
    run->apiPath = api.value(u"properties"_qs).toObject().value(u"path"_qs).toString();
    run->apiServiceUrl = api.value(u"properties"_qs).toObject().value(u"serviceUrl"_qs).toString();
    if (!definition.productId.isEmpty())
        run->steps << core::ArmRequest::put(u"/products/"_qs + definition.productId + u"/apis/"_qs
                                                + run->apiId,
                                            QJsonObject());
    for (const QVariant &operation : definition.operations()) {
        const core::Operation op = editorfields::toOperation(operation.toMap());
        run->steps << core::ArmRequest::put(u"/apis/"_qs + run->apiId + u"/operations/"_qs + op.name,
                                            op.toJson(core::JsonShape::Request));
    }
    run->steps << core::ArmRequest::put(
        u"/apis/"_qs + run->apiId + u"/policies/policy"_qs,
        QJsonObject { { u"properties"_qs, QJsonObject { { u"format"_qs, u"rawxml"_qs },
                                                        { u"value"_qs, definition.apiPolicy() } } } });
    core::NamedValue key;
    key.displayName = run->namedValueId;
    key.value = mlKey;
    key.secret = true;
    const QJsonObject namedValue = key.toJson(core::JsonShape::Request);

    run->operation = m_operations ? m_operations->begin(tr("Adding %1").arg(run->name)) : 0;
    // Everything below runs in this controller's context, not the caller's: once something is
    // created, the run ends (added, or removed again) even when the dialog is closed meanwhile.
    // The API first, and only when no API has its id: nothing of an existing one (its key in
    // the keychain and its named value included) is replaced.
    auto apiTaken = [this, run, idTaken] {
            const QString taken = tr("An API with the id “%1” already exists.").arg(run->apiId);
            if (m_operations)
                m_operations->end(run->operation, false, tr("Adding %1 failed: %2").arg(run->name, taken));
            if (!run->context)
                return;
            if (idTaken)
                idTaken();
            else
                run->done(core::Error::make(core::Error::Kind::Conflict, taken), {});
        };
    auto apiCreated = [this, run, mlKey, namedValue](const core::Result<core::ArmResponse> &created) {
            if (!created.ok()) {
                if (mayHaveBeenCreated(created.error())) {
                    run->api = AzureMlRun::Created::Maybe;
                    undoAzureMl(run, created.error());
                } else {
                    finishAzureMl(run, created.error());
                }
                return;
            }
            run->api = run->apiReadAs ? AzureMlRun::Created::Maybe : AzureMlRun::Created::Yes;
            if (!m_secrets || m_environmentId.isEmpty()) {
                createAzureMlNamedValue(run, namedValue);
                return;
            }
            const QString keychainKey
                = core::SecretStore::makeKey(m_environmentId, u"azureml/"_qs + run->apiId);
            core::SecretJob *job = m_secrets->write(keychainKey, mlKey);
            connect(job, &core::SecretJob::finished, this, [this, job, run, keychainKey, namedValue] {
                if (job->result().ok()) {
                    run->keychainKey = keychainKey;
                    createAzureMlNamedValue(run, namedValue);
                    return;
                }
                core::Error error = job->result().error();
                error.message = core::SecretStore::isLocked(error)
                    ? tr("the keychain is locked, so the API key cannot be kept. Unlock the "
                         "keychain (for example by logging in to your desktop session) and add "
                         "the service again.")
                    : tr("the API key could not be kept in the keychain (%1). Add the service "
                         "again once the keychain works.")
                          .arg(error.message);
                undoAzureMl(run, error);
            });
        };
    const QString apiPath = u"/apis/"_qs + run->apiId;
    createResource(core::ArmRequest::put(apiPath, api), this, apiTaken, apiCreated, [this, run, apiPath, apiTaken, apiCreated] {
        // Refused although no API had the id when looked up: Qt may have resent this run's create
        // after the connection dropped. Ours: go on as created; someone else's: the id is taken.
        readOurs(this, apiPath, apiIsOurs(run->apiPath, run->apiServiceUrl),
                 [this, run, apiTaken, apiCreated](const core::Result<std::optional<QByteArray>> &mine) {
                     if (!mine.ok()) {
                         run->api = AzureMlRun::Created::Maybe;
                         undoAzureMl(run, mine.error());
                     } else if (!mine.value()) {
                         apiTaken();
                     } else {
                         run->apiReadAs = *mine.value();
                         apiCreated(core::ArmResponse());
                     }
                 });
    });
}

void PublisherController::createAzureMlNamedValue(const std::shared_ptr<AzureMlRun> &run,
                                                  const QJsonObject &body)
{
    // Only when nothing has its id: another item's secret is never replaced (nor removed again).
    auto taken = [this, run] {
            core::Error error = core::Error::make(
                core::Error::Kind::Conflict,
                tr("A named value with the id “%1” already exists, so the API key cannot be kept "
                   "in it. Choose another API name, or delete that named value first.")
                    .arg(run->namedValueId));
            error.target = u"displayName"_qs; // the API's name gives the named value its id
            undoAzureMl(run, error);
        };
    auto created = [this, run](const core::Result<core::ArmResponse> &created) {
            if (!created.ok()) {
                if (mayHaveBeenCreated(created.error()))
                    run->namedValue = AzureMlRun::Created::Maybe;
                undoAzureMl(run, created.error());
                return;
            }
            run->namedValue = AzureMlRun::Created::Yes;
            runAzureMlSteps(run);
        };
    const QString path = u"/namedValues/"_qs + run->namedValueId;
    createResource(core::ArmRequest::put(path, body), this, taken, created, [this, run, path, taken, created] {
        // Refused although nothing had the id when looked up: as for the API (addAzureMl()).
        readOurs(this, path, namedValueIsOurs(this, path, run->namedValueId, run->mlKey),
                 [this, run, taken, created](const core::Result<std::optional<QByteArray>> &mine) {
                     if (!mine.ok()) {
                         run->namedValue = AzureMlRun::Created::Maybe;
                         undoAzureMl(run, mine.error());
                     } else if (!mine.value()) {
                         taken();
                     } else {
                         created(core::ArmResponse());
                     }
                 });
    });
}

void PublisherController::runAzureMlSteps(const std::shared_ptr<AzureMlRun> &run)
{
    if (run->steps.isEmpty()) {
        finishAzureMl(run, {});
        return;
    }
    call(run->steps.takeFirst(), this, [this, run](const core::Result<QJsonObject> &r) {
        if (!r.ok()) {
            undoAzureMl(run, r.error());
            return;
        }
        runAzureMlSteps(run);
    });
}

void PublisherController::undoAzureMl(const std::shared_ptr<AzureMlRun> &run, const core::Error &error)
{
    // Reverse order: the named value, the key, the API. What may not exist (its create got no
    // answer) is removed only when it is as this run sent it (see removeCreated()).
    if (run->namedValue != AzureMlRun::Created::No) {
        const bool maybe = std::exchange(run->namedValue, AzureMlRun::Created::No)
            == AzureMlRun::Created::Maybe;
        const QString path = u"/namedValues/"_qs + run->namedValueId;
        OursCheck ours;
        if (maybe)
            ours = namedValueIsOurs(this, path, run->namedValueId, run->mlKey);
        removeCreated(this, path, std::move(ours),
                      [this, run, error, maybe](const std::optional<core::Error> &failure) {
                          if (failure)
                              run->leftBehind
                                  << (maybe ? tr("The named value “%1” may have been created "
                                                 "before that (the service did not answer) and "
                                                 "could not be removed again (%2); if it is "
                                                 "there, delete it before adding the service "
                                                 "again.")
                                            : tr("The named value “%1” created before that "
                                                 "could not be removed again (%2); delete it "
                                                 "before adding the service again."))
                                         .arg(run->namedValueId, failure->message);
                          undoAzureMl(run, error);
                      });
        return;
    }
    if (!run->keychainKey.isEmpty()) {
        const QString key = std::exchange(run->keychainKey, QString());
        core::SecretJob *job = m_secrets ? m_secrets->remove(key) : nullptr;
        if (job) {
            connect(job, &core::SecretJob::finished, this, [this, job, run, error] {
                if (!job->result().ok() && job->result().error().kind != core::Error::Kind::NotFound)
                    run->leftBehind << tr("The API key kept in the keychain for “%1” could not be "
                                          "removed from it again (%2).")
                                           .arg(run->apiId, job->result().error().message);
                undoAzureMl(run, error);
            });
            return;
        }
    }
    if (run->api != AzureMlRun::Created::No) {
        const bool maybe = std::exchange(run->api, AzureMlRun::Created::No) == AzureMlRun::Created::Maybe;
        OursCheck ours;
        if (maybe)
            ours = apiIsOurs(run->apiPath, run->apiServiceUrl);
        const QByteArray readAs = run->apiReadAs.value_or(QByteArray());
        removeCreated(this, u"/apis/"_qs + run->apiId, std::move(ours),
                      [this, run, error, maybe](const std::optional<core::Error> &failure) {
                          if (failure && failure->httpStatus == 412)
                              run->leftBehind
                                  << tr("The API “%1” was there when it was created (perhaps a colleague's "
                                        "with the same path and URL) and has changed since, so it was "
                                        "left as it is; delete it if it is not wanted.")
                                         .arg(run->apiId);
                          else if (failure)
                              run->leftBehind
                                  << (maybe ? tr("The API “%1” may have been created before "
                                                 "that (the service did not answer) and could "
                                                 "not be removed again (%2); if it is there, "
                                                 "delete it before adding the service again.")
                                            : tr("The API “%1” created before that could not "
                                                 "be removed again (%2); delete it before "
                                                 "adding the service again."))
                                         .arg(run->apiId, failure->message);
                          undoAzureMl(run, error);
                      },
                      readAs);
        return;
    }
    finishAzureMl(run, error);
}

void PublisherController::finishAzureMl(const std::shared_ptr<AzureMlRun> &run,
                                        const core::Result<void> &result)
{
    if (m_operations) {
        if (result.ok())
            m_operations->end(run->operation, true, tr("%1 was added").arg(run->name));
        else
            m_operations->end(run->operation, false,
                              tr("Adding %1 failed: %2")
                                  .arg(run->name, (QStringList { result.error().message } + run->leftBehind)
                                                      .join(u' ')));
    }
    if (result.ok() || !run->leftBehind.isEmpty())
        Q_EMIT resourcesChanged(); // what was added, or what is left to delete
    if (run->context)
        run->done(result, run->leftBehind);
}

} // namespace portico::ui
