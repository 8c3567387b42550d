// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QList>
#include <QPair>
#include <QVariantMap>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace portico::ui {

class BannerWidget;
class FieldMessages;
class StagedDocument;

// Edits one API (apim-protocol.md §3.2): display name, web service URL, URL suffix, schemes,
// products, subscription requirement, key header/query names and description. Edits are staged
// with undo/redo; Save emits saveRequested() with the fields and the owner reports back. Our
// own checks and the server's ValidationError details appear next to the field they name.
//
// Field keys: name (API id, editable only for a new API), displayName, serviceUrl, path,
// protocols (QStringList of "http"/"https"), products (QStringList of product ids),
// subscriptionRequired (bool), headerName, queryName, description.
class ApiEditor final : public QWidget
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

    StagedDocument *document() const { return m_doc; }
    bool isNew() const { return m_new; }
    QVariantMap values() const;
    // Our own checks; shows messages next to fields and returns false on any problem.
    bool validate();

    void saveSucceeded(const QVariantMap &saved);
    void saveFailed(const core::Error &error);
    void setBusy(bool busy);
    FieldMessages *messages() const { return m_messages; }

Q_SIGNALS:
    void saveRequested(const QVariantMap &values, bool isNew);

private:
    void save();
    void syncProducts();
    void syncProtocols();
    void updateState();

    StagedDocument *m_doc = nullptr;
    FieldMessages *m_messages = nullptr;
    BannerWidget *m_banner = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_dirty = nullptr;
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
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    bool m_new = false;
    bool m_busy = false;
    bool m_idTouched = false;
};

} // namespace portico::ui
