// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ui/publisher/azuremldefinition.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace portico::ui {

class FieldMessages;
class MaskedKeyField;
class PublisherController;

// "Add AzureML web service": the ML service's base URL, workspace, service and API key, and
// the API's name, URL suffix and product. OK creates the API with the seed's five operations,
// the secret named value that holds the key and the policy that sends it as a Bearer token
// (PublisherController::addAzureMl); the key also goes to the keychain. Progress continues in
// the status bar; a failure is said in the dialog, which keeps every typed value so that Add
// tries again: what was created before the failure is removed again, and whatever could not be
// removed is named, to be deleted first.
class AddAzureMlDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddAzureMlDialog)

public:
    AddAzureMlDialog(PublisherController *controller, QWidget *parent = nullptr);
    ~AddAzureMlDialog() override;

    // Pre-fills every field (portico-local's sample service: one click).
    void prefill(const AzureMlDefinition &definition, const QString &apiKey);
    void setProducts(const QList<QPair<QString, QString>> &products);
    AzureMlDefinition definition() const;
    bool validate();

Q_SIGNALS:
    void added(const QString &apiId);

public Q_SLOTS:
    void accept() override;

private:
    PublisherController *m_controller;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_workspace = nullptr;
    QLineEdit *m_service = nullptr;
    MaskedKeyField *m_key = nullptr;
    QLineEdit *m_apiName = nullptr;
    QLineEdit *m_apiPath = nullptr;
    QComboBox *m_product = nullptr;
    FieldMessages *m_messages = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace portico::ui
