// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/effectivescopebar.h"

#include "core/arm/armrequest.h"
#include "ui/common/bannerwidget.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publishercontroller.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSharedPointer>
#include <QVBoxLayout>

#include <algorithm>

namespace portico::ui {

namespace {

QString policyPath(const QString &scope)
{
    return scope + u"/policies/policy"_qs;
}

QString errorText(const core::Error &error)
{
    QStringList lines { error.message };
    for (const core::ErrorDetail &detail : error.details)
        lines.append(detail.message);
    return lines.join(u' ');
}

} // namespace

EffectiveScopeBar::EffectiveScopeBar(PublisherController *controller, PolicyEditor *editor,
                                     const QString &scopePath, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_editor(editor)
    , m_scopePath(scopePath)
{
    setObjectName(u"effectiveScopeBar"_qs);
    const QStringList parts = scopePath.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() >= 2 && parts.at(0) == u"apis") {
        m_apiId = parts.at(1);
        m_operationScope = parts.size() >= 4 && parts.at(2) == u"operations";
    }

    m_product = new QComboBox(this);
    m_product->setObjectName(u"effectiveProductComboBox"_qs);
    m_product->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_productLabel = new QLabel(tr("Effective policy for &callers subscribed to:"), this);
    m_productLabel->setBuddy(m_product);
    m_assumption = new QLabel(this);
    m_assumption->setObjectName(u"effectiveAssumptionLabel"_qs);
    m_assumption->setWordWrap(true);
    m_assumption->setTextFormat(Qt::PlainText);
    m_banner = new BannerWidget(this);
    m_banner->setObjectName(u"effectiveParentsBannerWidget"_qs);

    auto *row = new QHBoxLayout;
    row->addWidget(m_productLabel);
    row->addWidget(m_product);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_assumption);
    layout->addWidget(m_banner);
    const bool pickProduct = !m_apiId.isEmpty();
    m_productLabel->setVisible(pickProduct);
    m_product->setVisible(pickProduct);
    m_assumption->setVisible(pickProduct);

    connect(m_banner, &BannerWidget::retryRequested, this, &EffectiveScopeBar::reload);
    connect(m_product, &QComboBox::activated, this, [this] {
        m_wantedProduct = productId();
        m_productChosen = true;
        loadParents();
    });
    if (controller) {
        connect(controller, &PublisherController::policySaved, this, [this](const QString &scope) {
            if (parentScopes().contains(scope))
                loadParents();
        });
        connect(controller, &PublisherController::resourcesChanged, this, [this] {
            if (!m_apiId.isEmpty())
                reload();
        });
    }
}

EffectiveScopeBar::~EffectiveScopeBar() = default;

QString EffectiveScopeBar::productId() const
{
    return m_product->currentData().toString();
}

QStringList EffectiveScopeBar::parentScopes() const
{
    if (m_scopePath.isEmpty())
        return {}; // the global scope has no parent
    QStringList parents { QString() };
    if (!m_apiId.isEmpty() && !productId().isEmpty())
        parents << u"/products/"_qs + productId();
    if (m_operationScope)
        parents << u"/apis/"_qs + m_apiId;
    return parents;
}

void EffectiveScopeBar::reload()
{
    m_banner->clear();
    if (m_apiId.isEmpty())
        loadParents();
    else
        loadProducts();
}

void EffectiveScopeBar::loadProducts()
{
    if (!m_controller)
        return;
    const quint64 generation = ++m_generation;
    m_pending = 1;
    m_controller->listResources(
        u"/apis/"_qs + m_apiId + u"/products"_qs, this,
        [this, generation](const core::Result<QList<QJsonObject>> &r) {
            if (generation != m_generation)
                return;
            QList<QPair<QString, QString>> products; // display name, id
            if (r.ok()) {
                for (const QJsonObject &p : r.value()) {
                    const QString id = p.value(u"name"_qs).toString();
                    const QString name =
                        p.value(u"properties"_qs).toObject().value(u"displayName"_qs).toString();
                    products.append({ name.isEmpty() ? id : name, id });
                }
                std::sort(products.begin(), products.end());
            }
            const QSignalBlocker blocker(m_product);
            m_product->clear();
            for (const auto &[name, id] : std::as_const(products))
                m_product->addItem(name, id);
            m_product->addItem(tr("No product (a subscription to all APIs or to this API)"), QString());
            // The product chosen before, if the API is still in it; otherwise the first one.
            const int kept = m_product->findData(m_wantedProduct);
            m_product->setCurrentIndex(m_productChosen && kept >= 0 ? kept : 0);
            loadParents();
            if (!r.ok()) {
                m_banner->showMessage(BannerWidget::Kind::Warning,
                                      tr("The products of API %1 could not be read: %2. The effective "
                                         "policy above assumes no product.")
                                          .arg(m_apiId, errorText(r.error())),
                                      true);
            }
        });
}

void EffectiveScopeBar::loadParents()
{
    updateAssumption();
    if (!m_controller || !m_editor)
        return;
    const quint64 generation = ++m_generation;
    const QStringList parents = parentScopes();
    if (parents.isEmpty()) {
        m_pending = 0;
        parentsRead({}, {});
        return;
    }
    auto chain = QSharedPointer<policydocument::Chain>::create();
    auto failures = QSharedPointer<QStringList>::create();
    m_pending = int(parents.size());
    for (const QString &parent : parents) {
        QString label;
        if (parent.isEmpty())
            label = tr("Global");
        else if (parent.startsWith(u"/products/"_qs))
            label = tr("Product %1").arg(m_product->currentText());
        else
            label = tr("API %1").arg(m_apiId);
        chain->append({ label, QString() });
    }
    for (int i = 0; i < parents.size(); ++i) {
        m_controller->call(
            core::ArmRequest::get(policyPath(parents.at(i))).withQuery(u"format"_qs, u"rawxml"_qs),
            this, [this, generation, chain, failures, i](const core::Result<QJsonObject> &r) {
                if (generation != m_generation)
                    return;
                if (r.ok()) {
                    (*chain)[i].second =
                        r->value(u"properties"_qs).toObject().value(u"value"_qs).toString();
                } else if (r.error().kind != core::Error::Kind::NotFound) {
                    // 404 is a scope without a policy, which inherits everything: nothing to
                    // show. Anything else must not look like that: the view marks where the
                    // unread part would be, and the banner says why.
                    failures->append(tr("%1: %2").arg(chain->at(i).first, errorText(r.error())));
                    (*chain)[i] = { tr("%1 (could not be read)").arg(chain->at(i).first),
                                    u"<policies><inbound /><backend /><outbound /><on-error /></policies>"_qs };
                }
                if (--m_pending == 0)
                    parentsRead(*chain, *failures);
            });
    }
}

void EffectiveScopeBar::parentsRead(const policydocument::Chain &chain, const QStringList &failures)
{
    if (failures.isEmpty()) {
        if (m_banner->kind() == BannerWidget::Kind::Error)
            m_banner->clear();
    } else {
        m_banner->showMessage(BannerWidget::Kind::Error,
                              tr("The effective policy above is incomplete: the policy of a parent "
                                 "scope could not be read.\n%1")
                                  .arg(failures.join(u'\n')),
                              true);
    }
    if (m_editor)
        m_editor->setInheritedPolicies(chain);
    Q_EMIT parentsLoaded();
}

void EffectiveScopeBar::updateAssumption()
{
    if (m_apiId.isEmpty())
        return;
    if (!productId().isEmpty()) {
        m_assumption->setText(tr("Shown as it runs for a caller whose subscription is to the product "
                                 "%1: that product's policy comes between Global and API %2.")
                                  .arg(m_product->currentText(), m_apiId));
    } else if (m_product->count() <= 1) {
        m_assumption->setText(tr("API %1 is in no product, so no product policy applies.").arg(m_apiId));
    } else {
        m_assumption->setText(tr("Shown as it runs for a caller whose subscription is to all APIs or to "
                                 "API %1: no product policy applies.")
                                  .arg(m_apiId));
    }
}

} // namespace portico::ui
