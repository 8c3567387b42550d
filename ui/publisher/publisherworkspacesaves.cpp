// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
//
// PublisherWorkspace's part that saves and deletes the resource pages' items: creates, updates
// and deletes of the server copy the user started from (If-Match), and a product's links.
#include "ui/publisher/publisherworkspace.h"

#include "core/arm/armrequest.h"
#include "core/arm/armresponse.h"
#include "ui/common/stageddocument.h"
#include "ui/publisher/panelrecords.h"
#include "ui/publisher/publishercontroller.h"
#include "ui/publisher/resourcepanel.h"

#include <QJsonObject>

#include <memory>

namespace portico::ui {

void PublisherWorkspace::savePanel(ResourcePanel *panel, const QVariantMap &values, bool isNew, bool overwrite)
{
    if (!m_panelStates.contains(panel))
        return;
    if (!inItsEnvironment(panel)) {
        panel->saveFailed(environmentGone());
        return;
    }
    const Page page = pageOf(panel);
    const QString name = values.value(u"name"_qs).toString();
    const QJsonObject properties = panelrecords::toProperties(page, values, isNew);
    QStringList linkKeys;
    if (page == Page::Products)
        linkKeys = { u"apis"_qs, u"groups"_qs };
    // The links as the server has them: what the form was loaded with or last saved.
    const QVariantMap before = isNew ? QVariantMap() : panel->document()->savedValues();
    const QString path = at(panel, collectionPath(page) + u'/' + name);
    auto onSaved = [this, panel, page, values, before, linkKeys, path, isNew](const core::Result<QJsonObject> &r) {
        if (!r.ok()) {
            panel->saveFailed(r.error());
            return;
        }
        QVariantMap saved = r.value().isEmpty() ? values
                                                : panelrecords::fromResource(page, r.value(), m_panelStates.value(panel).service);
        if (saved.value(u"name"_qs).toString().isEmpty())
            saved.insert(u"name"_qs, values.value(u"name"_qs));
        // Links (a product's APIs and groups): one PUT or DELETE per change, in turn.
        auto steps = std::make_shared<QList<LinkStep>>();
        for (const QString &key : linkKeys) {
            const QStringList was = before.value(key).toStringList();
            const QStringList now = values.value(key).toStringList();
            for (const QString &item : now)
                if (!was.contains(item))
                    steps->append({ key, item, true });
            for (const QString &item : was)
                if (!now.contains(item))
                    steps->append({ key, item, false });
            saved.insert(key, was);
        }
        runSteps(panel, path, saved, steps, isNew);
    };
    if (!isNew) {
        updateResource(panel, path, values, overwrite, onSaved);
        return;
    }
    const QJsonObject body { { u"properties"_qs, properties } };
    // A PUT replaces whatever has this id: create only what is not there.
    m_controller->createResource(
        core::ArmRequest::put(path, body), panel, [panel, name] { panel->idTaken(name); },
        [this, panel, path, onSaved](const core::Result<core::ArmResponse> &r) {
            rememberServerCopy(panel, path, r);
            onSaved(PublisherController::toJson(r));
        });
}

void PublisherWorkspace::updateResource(ResourcePanel *panel, const QString &path, const QVariantMap &values,
                                        bool overwrite,
                                        std::function<void(const core::Result<QJsonObject> &)> saved)
{
    const Page page = pageOf(panel);
    const QJsonObject body { { u"properties"_qs, panelrecords::toProperties(page, values, false) } };
    auto failed = [panel](const core::Error &error) {
        if (error.httpStatus == 412)
            panel->saveConflicted();
        else
            panel->saveFailed(error);
    };
    currentEtag(panel, path, panel->document()->savedValues(), values, overwrite,
                [this, panel, path, body, saved, failed](const core::Result<QByteArray> &etag) {
        if (!etag.ok()) {
            failed(etag.error());
            return;
        }
        // Without an ETag from the server there is nothing to compare against: unconditional.
        core::ArmRequest request = core::ArmRequest::patch(path, body, etag->isEmpty() ? QByteArrayLiteral("*") : *etag);
        m_controller->callForReply(std::move(request), panel,
                                   [this, panel, path, saved, failed](const core::Result<core::ArmResponse> &r) {
                                       if (!r.ok() && r.error().httpStatus == 412) {
                                           m_serverCopies.remove(path); // its ETag is stale
                                           failed(r.error());
                                           return;
                                       }
                                       rememberServerCopy(panel, path, r);
                                       saved(PublisherController::toJson(r));
                                   });
    });
}

void PublisherWorkspace::currentEtag(ResourcePanel *panel, const QString &path, const QVariantMap &base,
                                     const QVariantMap &values, bool fresh,
                                     std::function<void(const core::Result<QByteArray> &)> then)
{
    if (!inItsEnvironment(panel)) {
        then(environmentGone());
        return;
    }
    const Page page = pageOf(panel);
    const auto copy = m_serverCopies.constFind(path);
    if (!fresh && copy != m_serverCopies.cend() && !copy->etag.isEmpty()
        && panelrecords::unchangedSince(page, copy->record, base, values)) {
        then(copy->etag);
        return;
    }
    // No ETag for what the form shows (it came with the list): read the item, and use its ETag
    // only when it is still what the user started from.
    m_controller->callForReply(
        core::ArmRequest::get(path), panel,
        [this, panel, page, path, base, values, fresh, then](const core::Result<core::ArmResponse> &r) {
            const core::Result<QJsonObject> json = PublisherController::toJson(r);
            if (!inItsEnvironment(panel)) {
                then(environmentGone()); // the write would go through the other environment's client
                return;
            }
            if (!json.ok()) {
                then(json.error());
                return;
            }
            rememberServerCopy(panel, path, r);
            const QVariantMap server = panelrecords::fromResource(page, json.value(), m_panelStates.value(panel).service);
            if (!fresh && !panelrecords::unchangedSince(page, server, base, values)) {
                core::Error changed = core::Error::make(core::Error::Kind::Conflict,
                                                        u"The item was changed since it was read."_qs,
                                                        u"PreconditionFailed"_qs);
                changed.httpStatus = 412;
                then(changed);
                return;
            }
            then(r->etag());
        });
}

void PublisherWorkspace::removeResource(ResourcePanel *panel, const QString &path, bool withSubscriptions,
                                        const QVariantMap &shown)
{
    const QString name = path.section(u'/', -1);
    auto gone = [this, panel, path, name] {
        deleteEnded(panel);
        panel->deleteSucceeded(name);
        m_serverCopies.remove(path);
        loadPanel(panel);
        Q_EMIT resourcesChanged();
    };
    auto failed = [this, panel, name](const core::Error &error) {
        deleteEnded(panel);
        if (error.httpStatus == 412)
            panel->deleteConflicted(name);
        else
            panel->deleteFailed(error, name);
    };
    auto remove = [this, panel, path, withSubscriptions, gone, failed](const QByteArray &etag) {
        if (!inItsEnvironment(panel)) {
            failed(environmentGone());
            return;
        }
        // Without an ETag from the server (or for Delete anyway): unconditional.
        core::ArmRequest request = core::ArmRequest::remove(path, etag.isEmpty() ? QByteArrayLiteral("*") : etag);
        if (withSubscriptions)
            request.withQuery(u"deleteSubscriptions"_qs, u"true"_qs);
        m_controller->call(std::move(request), panel, [this, path, gone, failed](const core::Result<QJsonObject> &r) {
            if (r.ok()) {
                gone();
                return;
            }
            if (r.error().httpStatus == 412)
                m_serverCopies.remove(path); // its ETag is stale
            failed(r.error());
        });
    };
    if (shown.isEmpty()) {
        remove({});
        return;
    }
    currentEtag(panel, path, shown, shown, false, [remove, gone, failed](const core::Result<QByteArray> &etag) {
        if (etag.ok())
            remove(etag.value());
        else if (etag.error().kind == core::Error::Kind::NotFound)
            gone(); // deleted meanwhile: as if by this delete
        else
            failed(etag.error());
    });
}

void PublisherWorkspace::rememberServerCopy(const ResourcePanel *panel, const QString &path,
                                            const core::Result<core::ArmResponse> &reply)
{
    const PanelState state = m_panelStates.value(panel);
    const core::Result<QJsonObject> json = PublisherController::toJson(reply);
    if (!json.ok() || json.value().isEmpty() || !m_controller) {
        m_serverCopies.remove(path);
        return;
    }
    m_serverCopies.insert(path, { panelrecords::fromResource(state.page, json.value(), state.service),
                                  reply->etag() });
}

void PublisherWorkspace::runSteps(ResourcePanel *panel, const QString &path, const QVariantMap &saved,
                                  std::shared_ptr<QList<LinkStep>> steps, bool created)
{
    if (steps->isEmpty()) {
        panel->saveSucceeded(saved);
        if (const auto state = m_panelStates.find(panel); state != m_panelStates.end())
            state->pendingSelection = saved.value(u"name"_qs).toString();
        loadPanel(panel);
        Q_EMIT resourcesChanged();
        return;
    }
    if (!inItsEnvironment(panel)) {
        // The links still to make would go through the other environment's client: not sent,
        // and the form says so (its links not made stay the user's edits).
        QStringList keys;
        for (const QString &key : { u"apis"_qs, u"groups"_qs })
            if (saved.contains(key))
                keys << key;
        const QString name = saved.value(u"name"_qs).toString();
        panel->savePartlySucceeded(saved, keys,
                                   (created ? tr("“%1” was created, but its links were not changed: %2")
                                            : tr("“%1” was saved, but its links were not changed: %2"))
                                       .arg(name, environmentGone().message));
        return;
    }
    const LinkStep step = steps->takeFirst();
    const QString link = path + u'/' + step.key + u'/' + step.item;
    m_controller->call(step.add ? core::ArmRequest::put(link, QJsonObject()) : core::ArmRequest::remove(link), panel,
                       [this, panel, path, saved, steps, step, created](const core::Result<QJsonObject> &r) {
        const QString name = saved.value(u"name"_qs).toString();
        if (!r.ok()) {
            // The item is there: it is no longer new, and the links not made stay the user's edits.
            const QString problem = !step.add ? tr("“%1” was saved, but unlinking “%2” from it failed: %3")
                                  : created  ? tr("“%1” was created, but linking “%2” to it failed: %3")
                                             : tr("“%1” was saved, but linking “%2” to it failed: %3");
            QStringList keys;
            for (const QString &key : { u"apis"_qs, u"groups"_qs })
                if (saved.contains(key))
                    keys << key;
            panel->savePartlySucceeded(saved, keys, problem.arg(name, step.item, r.error().message));
            if (created)
                Q_EMIT resourcesChanged();
            return;
        }
        QVariantMap next = saved;
        QStringList links = next.value(step.key).toStringList();
        if (step.add)
            links.append(step.item);
        else
            links.removeAll(step.item);
        next.insert(step.key, links);
        runSteps(panel, path, next, steps, created);
    });
}

} // namespace portico::ui
