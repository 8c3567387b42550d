// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/publisher/stagededitor.h"

#include <QList>
#include <QPair>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace portico::ui {

// Edits one API (apim-protocol.md §3.2): display name, web service URL, URL suffix, schemes,
// products, subscription requirement, key header/query names and description. Edits are staged
// with undo/redo; Save emits saveRequested() with the fields and the owner reports back
// (StagedEditor). Our own checks and the server's ValidationError details appear next to the
// field they name.
//
// Field keys: name (API id, editable only for a new API), displayName, serviceUrl, path,
// protocols (QStringList of "http"/"https"), products (QStringList of product ids),
// subscriptionRequired (bool), headerName, queryName, description.
class ApiEditor final : public StagedEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiEditor)

public:
    explicit ApiEditor(QWidget *parent = nullptr);
    ~ApiEditor() override;

    // {id, display name} of the service's products, for the multi-select.
    void setAvailableProducts(const QList<QPair<QString, QString>> &products);
    // A new API (id editable, defaults filled) or an existing one.
    void loadNew();
    void load(const QVariantMap &fields);

    bool validate() override;
    // The API was saved as `saved` (with the products it is now really in), but linking it to or
    // unlinking it from a product failed: the user's product choice stays, to save again.
    void productsNotUpdated(const QVariantMap &saved, const core::Error &error);

protected:
    QString titleFor(const QVariantMap &fields) const override;
    editorfields::SaveFailureTexts saveFailureTexts() const override;
    LoadFailureTexts loadFailureTexts() const override;
    void syncFromDocument() override;

private:
    void syncProducts();
    void syncProtocols();

    QLineEdit *m_id = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_serviceUrl = nullptr;
    QLineEdit *m_path = nullptr;
    QCheckBox *m_http = nullptr;
    QCheckBox *m_https = nullptr;
    QListWidget *m_products = nullptr;
    QCheckBox *m_subscriptionRequired = nullptr;
    QLineEdit *m_headerName = nullptr;
    QLineEdit *m_queryName = nullptr;
    QPlainTextEdit *m_description = nullptr;
};

} // namespace portico::ui
