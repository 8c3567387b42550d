// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/publisher/policydocument.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;

namespace portico::ui {

class BannerWidget;
class PolicyEditor;
class PublisherController;

// The parent scopes a policy editor's effective view assumes, and their documents. Scopes run
// global → product → API → operation (apim-protocol.md §7), and which product applies depends on
// the caller's subscription: for an API or operation scope the user picks one of the API's
// products, or none (a subscription to all APIs or to the API itself), and the bar says which
// one the view assumes. A product is chosen at first when the API has any, since that is how
// most callers arrive. A parent whose policy cannot be read is said in a banner with Retry and
// marked in the view ("inherited from Global (could not be read)"), never shown as "no policy". Parents are read again when one of them is saved through the
// controller, and the products when the service's resources change.
class EffectiveScopeBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EffectiveScopeBar)

public:
    // `scopePath` as for PublisherController::attachPolicyEditor(). Reads nothing until reload().
    EffectiveScopeBar(PublisherController *controller, PolicyEditor *editor, const QString &scopePath,
                      QWidget *parent = nullptr);
    ~EffectiveScopeBar() override;

    // Reads the API's products (API and operation scopes), then every parent scope's policy.
    void reload();
    bool isLoading() const { return m_pending > 0; }
    // The product the view assumes ("" for none) and the parent scopes it holds, outermost first.
    QString productId() const;
    QStringList parentScopes() const;

Q_SIGNALS:
    // The parents were read (or failed) and handed to the editor.
    void parentsLoaded();

private:
    void loadProducts();
    void loadParents();
    void parentsRead(const policydocument::Chain &chain, const QStringList &failures);
    void updateAssumption();

    QPointer<PublisherController> m_controller;
    QPointer<PolicyEditor> m_editor;
    QString m_scopePath;
    QString m_apiId; // the API of an API or operation scope
    bool m_operationScope = false;
    QString m_wantedProduct; // the user's choice, kept across reloads of the product list
    bool m_productChosen = false;
    QLabel *m_productLabel = nullptr;
    QComboBox *m_product = nullptr;
    QLabel *m_assumption = nullptr;
    BannerWidget *m_banner = nullptr;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace portico::ui
