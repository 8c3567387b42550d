// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/addazuremldialog.h"

#include "ui/common/fieldmessages.h"
#include "ui/common/forbiddentext.h"
#include "ui/common/maskedkeyfield.h"
#include "ui/publisher/publishercontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace portico::ui {

AddAzureMlDialog::AddAzureMlDialog(PublisherController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_messages(new FieldMessages(this))
{
    setObjectName(u"addAzureMlDialog"_qs);
    setWindowTitle(tr("Add AzureML web service"));
    auto *form = new QFormLayout;
    auto addRow = [this, form](const QString &label, QWidget *field, const QString &target) {
        auto *box = new QVBoxLayout;
        box->setContentsMargins(0, 0, 0, 0);
        box->addWidget(field);
        box->addWidget(m_messages->addField({ target }, target + u"MessageLabel"_qs, this));
        // Alt+letter focuses the field (the key field hands it to its line edit).
        auto *text = new QLabel(label, this);
        text->setBuddy(field->focusProxy() ? field->focusProxy() : field);
        form->addRow(text, box);
    };
    auto line = [this](const QString &objectName) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(objectName);
        return edit;
    };
    m_baseUrl = line(u"mlBaseUrlLineEdit"_qs);
    m_baseUrl->setPlaceholderText(u"https://ussouthcentral.services.azureml.net"_qs);
    m_workspace = line(u"mlWorkspaceLineEdit"_qs);
    m_service = line(u"mlServiceLineEdit"_qs);
    m_key = new MaskedKeyField(u"mlApiKey"_qs, this);
    m_key->setEditable(true);
    m_apiName = line(u"apiNameLineEdit"_qs);
    m_apiPath = line(u"apiPathLineEdit"_qs);
    m_product = new QComboBox(this);
    m_product->setObjectName(u"productComboBox"_qs);
    m_product->addItem(tr("No product"), QString());
    addRow(tr("ML service &base URL:"), m_baseUrl, u"baseUrl"_qs);
    addRow(tr("&Workspace:"), m_workspace, u"workspace"_qs);
    addRow(tr("&Service:"), m_service, u"service"_qs);
    addRow(tr("API &key:"), m_key, u"apiKey"_qs);
    addRow(tr("API &name:"), m_apiName, u"displayName"_qs);
    addRow(tr("URL s&uffix:"), m_apiPath, u"path"_qs);
    addRow(tr("&Product:"), m_product, u"product"_qs);

    auto *note = new QLabel(tr("Creates the API with RRS Execute and BES Submit, Start, Status and Delete. The key is "
                               "kept in the keychain and in a secret named value that a policy sends as "
                               "\"Authorization: Bearer\", so callers need only a subscription key."),
                            this);
    note->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"addAzureMlProblemLabel"_qs);
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"addAzureMlPushButton"_qs);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddAzureMlDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const AzureMlDefinition defaults;
    m_apiName->setText(defaults.apiName);
    m_apiPath->setText(defaults.apiPath);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
}

AddAzureMlDialog::~AddAzureMlDialog() = default;

void AddAzureMlDialog::prefill(const AzureMlDefinition &definition, const QString &apiKey)
{
    m_baseUrl->setText(definition.baseUrl);
    m_workspace->setText(definition.workspace);
    m_service->setText(definition.service);
    m_key->setSecret(apiKey);
    m_apiName->setText(definition.apiName);
    m_apiPath->setText(definition.apiPath);
    const int product = m_product->findData(definition.productId);
    if (product >= 0)
        m_product->setCurrentIndex(product);
}

void AddAzureMlDialog::setProducts(const QList<QPair<QString, QString>> &products)
{
    const QString current = m_product->currentData().toString();
    while (m_product->count() > 1)
        m_product->removeItem(1);
    for (const auto &[id, name] : products)
        m_product->addItem(name, id);
    const int again = m_product->findData(current.isEmpty() ? AzureMlDefinition().productId : current);
    m_product->setCurrentIndex(again >= 0 ? again : 0);
}

AzureMlDefinition AddAzureMlDialog::definition() const
{
    AzureMlDefinition d;
    d.baseUrl = m_baseUrl->text().trimmed();
    d.workspace = m_workspace->text().trimmed();
    d.service = m_service->text().trimmed();
    d.apiName = m_apiName->text().trimmed();
    d.apiPath = m_apiPath->text().trimmed();
    d.productId = m_product->currentData().toString();
    return d;
}

bool AddAzureMlDialog::validate()
{
    m_messages->clear();
    const AzureMlDefinition d = definition();
    const QUrl url(d.baseUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        m_messages->setMessage(u"baseUrl"_qs, tr("Enter the service's http or https address, e.g. https://ussouthcentral.services.azureml.net."));
    if (d.workspace.isEmpty() || d.workspace.contains(u'/'))
        m_messages->setMessage(u"workspace"_qs, tr("Enter the workspace id (no slashes)."));
    if (d.service.isEmpty() || d.service.contains(u'/'))
        m_messages->setMessage(u"service"_qs, tr("Enter the web service id (no slashes)."));
    if (m_key->secret().trimmed().isEmpty())
        m_messages->setMessage(u"apiKey"_qs, tr("Enter the web service's API key."));
    if (d.apiName.isEmpty())
        m_messages->setMessage(u"displayName"_qs, tr("Enter a name for the API."));
    if (d.apiPath.contains(u' ') || d.apiPath.contains(u'?') || d.apiPath.contains(u'#'))
        m_messages->setMessage(u"path"_qs, tr("The URL suffix cannot contain spaces, ? or #."));
    return !m_messages->hasMessages();
}

void AddAzureMlDialog::accept()
{
    m_problem->hide();
    if (!validate() || !m_controller)
        return;
    const AzureMlDefinition d = definition();
    m_buttons->setEnabled(false);
    QPointer<AddAzureMlDialog> guard(this);
    m_controller->addAzureMl(
        d, m_key->secret().trimmed(), this,
        [this, guard, d](const core::Result<void> &r, const QStringList &leftBehind) {
            if (!guard)
                return;
            m_buttons->setEnabled(true);
            if (r) {
                Q_EMIT added(d.apiId());
                QDialog::accept();
                return;
            }
            QString text;
            if (r.error().kind == core::Error::Kind::Forbidden) {
                text = ForbiddenText::withAdvice(
                    tr("The web service was not added: the signed-in account does not have "
                       "permission to create the API “%1” or its operations, policy and named "
                       "value in this service (%2).")
                        .arg(d.apiId(), r.error().message));
            } else {
                const QStringList rest = m_messages->showServerError(r.error());
                text = rest.isEmpty() ? tr("The web service was not added; see the marked fields.")
                                      : tr("The web service was not added: %1").arg(rest.join(u' '));
            }
            // What could not be removed again, so that the user can delete it before retrying.
            for (const QString &sentence : leftBehind)
                text += u' ' + sentence;
            m_problem->setText(text);
            m_problem->show();
        },
        [this, guard, d] {
            // The API's id comes from its name: the same words as the API editor's, at the name.
            if (!guard)
                return;
            m_buttons->setEnabled(true);
            m_messages->setMessage(u"displayName"_qs, tr("An API with the id “%1” already exists.").arg(d.apiId()));
            m_problem->setText(tr("The web service was not added; see the marked fields."));
            m_problem->show();
        });
}

} // namespace portico::ui
