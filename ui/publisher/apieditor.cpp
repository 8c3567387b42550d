// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/apieditor.h"

#include "ui/common/fieldbinding.h"
#include "ui/common/fieldmessages.h"
#include "ui/common/stageddocument.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QUrl>

namespace portico::ui {

namespace {

const QString kName = u"name"_qs;
const QString kDisplayName = u"displayName"_qs;
const QString kServiceUrl = u"serviceUrl"_qs;
const QString kPath = u"path"_qs;
const QString kProtocols = u"protocols"_qs;
const QString kProducts = u"products"_qs;
const QString kSubscriptionRequired = u"subscriptionRequired"_qs;
const QString kHeaderName = u"headerName"_qs;
const QString kQueryName = u"queryName"_qs;
const QString kDescription = u"description"_qs;

} // namespace

ApiEditor::ApiEditor(QWidget *parent)
    : StagedEditor(u"api"_qs, parent)
{
    auto *form = new QWidget(this);
    auto *layout = new QFormLayout(form);

    m_displayName = addLineEdit(form, u"displayNameLineEdit"_qs, 300);
    addFieldRow(layout, tr("&Display name:"), m_displayName, { kDisplayName },
                u"displayNameMessageLabel"_qs);
    m_id = addLineEdit(form, u"apiIdLineEdit"_qs, 80);
    addFieldRow(layout, tr("API &id:"), m_id, { kName, u"apiId"_qs }, u"apiIdMessageLabel"_qs);
    m_serviceUrl = addLineEdit(form, u"serviceUrlLineEdit"_qs, 2000);
    m_serviceUrl->setPlaceholderText(u"https://"_qs);
    addFieldRow(layout, tr("&Web service URL:"), m_serviceUrl, { kServiceUrl },
                u"serviceUrlMessageLabel"_qs);
    m_path = addLineEdit(form, u"urlSuffixLineEdit"_qs, 400);
    addFieldRow(layout, tr("URL suffi&x:"), m_path, { kPath, u"urlSuffix"_qs },
                u"urlSuffixMessageLabel"_qs);

    auto *schemes = new QWidget(form);
    auto *schemesLayout = new QHBoxLayout(schemes);
    schemesLayout->setContentsMargins(0, 0, 0, 0);
    m_http = new QCheckBox(tr("HTTP"), schemes);
    m_http->setObjectName(u"httpCheckBox"_qs);
    m_https = new QCheckBox(tr("HTTPS"), schemes);
    m_https->setObjectName(u"httpsCheckBox"_qs);
    schemesLayout->addWidget(m_http);
    schemesLayout->addWidget(m_https);
    schemesLayout->addStretch(1);
    addFieldRow(layout, tr("Sche&mes:"), schemes, { kProtocols }, u"protocolsMessageLabel"_qs);

    m_products = new QListWidget(form);
    m_products->setObjectName(u"productsListWidget"_qs);
    m_products->setMaximumHeight(110);
    addFieldRow(layout, tr("&Products:"), m_products, { kProducts }, u"productsMessageLabel"_qs);

    m_subscriptionRequired = new QCheckBox(tr("Su&bscription required"), form);
    m_subscriptionRequired->setObjectName(u"subscriptionRequiredCheckBox"_qs);
    layout->addRow(QString(), m_subscriptionRequired);
    m_headerName = addLineEdit(form, u"keyHeaderNameLineEdit"_qs, 100);
    addFieldRow(layout, tr("Key header &name:"), m_headerName,
                { kHeaderName, u"subscriptionKeyParameterNames.header"_qs },
                u"keyHeaderNameMessageLabel"_qs);
    m_queryName = addLineEdit(form, u"keyQueryNameLineEdit"_qs, 100);
    addFieldRow(layout, tr("Key &query parameter name:"), m_queryName,
                { kQueryName, u"subscriptionKeyParameterNames.query"_qs },
                u"keyQueryNameMessageLabel"_qs);
    m_description = addDescriptionEdit(form, u"descriptionPlainTextEdit"_qs, 90);
    addFieldRow(layout, tr("Descripti&on:"), m_description, { kDescription },
                u"descriptionMessageLabel"_qs);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    bodyLayout()->addWidget(scroll, 1);
    finishLayout();

    StagedDocument *doc = document();
    bindNameAndId(m_displayName, m_id);
    fieldbinding::bind(doc, kServiceUrl, m_serviceUrl);
    fieldbinding::bind(doc, kPath, m_path);
    fieldbinding::bind(doc, kSubscriptionRequired, m_subscriptionRequired);
    fieldbinding::bind(doc, kHeaderName, m_headerName);
    fieldbinding::bind(doc, kQueryName, m_queryName);
    fieldbinding::bind(doc, kDescription, m_description);

    // Schemes and products are list-valued fields.
    auto stageProtocols = [this] {
        QStringList protocols;
        if (m_http->isChecked())
            protocols << u"http"_qs;
        if (m_https->isChecked())
            protocols << u"https"_qs;
        document()->setValue(kProtocols, protocols);
    };
    connect(m_http, &QCheckBox::clicked, this, stageProtocols);
    connect(m_https, &QCheckBox::clicked, this, stageProtocols);
    connect(m_products, &QListWidget::itemChanged, this, [this] {
        QStringList ids;
        for (int i = 0; i < m_products->count(); ++i) {
            if (m_products->item(i)->checkState() == Qt::Checked)
                ids << m_products->item(i)->data(Qt::UserRole).toString();
        }
        document()->setValue(kProducts, ids);
    });
    connect(doc, &StagedDocument::valueChanged, this, [this](const QString &field) {
        if (field == kProtocols)
            syncProtocols();
        else if (field == kProducts)
            syncProducts();
        messages()->setMessage(field, {});
    });
    loadNew();
}

ApiEditor::~ApiEditor() = default;

void ApiEditor::setAvailableProducts(const QList<QPair<QString, QString>> &products)
{
    const QSignalBlocker blocker(m_products);
    m_products->clear();
    for (const auto &[id, name] : products) {
        auto *item = new QListWidgetItem(name, m_products);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    syncProducts();
}

void ApiEditor::loadNew()
{
    loadFields({ { kName, QString() },
                 { kDisplayName, QString() },
                 { kServiceUrl, QString() },
                 { kPath, QString() },
                 { kProtocols, QStringList { u"https"_qs } },
                 { kProducts, QStringList() },
                 { kSubscriptionRequired, true },
                 { kHeaderName, u"Ocp-Apim-Subscription-Key"_qs },
                 { kQueryName, u"subscription-key"_qs },
                 { kDescription, QString() } },
               true);
}

void ApiEditor::load(const QVariantMap &fields)
{
    loadFields(fields, false);
}

QString ApiEditor::titleFor(const QVariantMap &fields) const
{
    return isNew() ? tr("New API") : tr("API: %1").arg(fields.value(kDisplayName).toString());
}

bool ApiEditor::validate()
{
    messages()->clear();
    const QVariantMap v = values();
    bool ok = validateNameAndId(v);
    auto fail = [&](const QString &field, const QString &text) {
        messages()->setMessage(field, text);
        ok = false;
    };
    const QString serviceUrl = v.value(kServiceUrl).toString().trimmed();
    if (!serviceUrl.isEmpty()) {
        const QUrl url(serviceUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
            || url.host().isEmpty()) {
            fail(kServiceUrl, tr("Enter an absolute http or https URL, e.g. "
                                 "https://example.com/api."));
        }
    }
    const QString path = v.value(kPath).toString();
    if (path.contains(u' ') || path.contains(u'?') || path.contains(u'#'))
        fail(kPath, tr("The URL suffix cannot contain spaces, ? or #."));
    if (v.value(kProtocols).toStringList().isEmpty())
        fail(kProtocols, tr("Choose at least one scheme."));
    if (v.value(kHeaderName).toString().trimmed().isEmpty())
        fail(kHeaderName, tr("Enter the header that carries the subscription key."));
    if (v.value(kQueryName).toString().trimmed().isEmpty())
        fail(kQueryName, tr("Enter the query parameter that carries the subscription key."));
    if (v.value(kDescription).toString().size() > 1000)
        fail(kDescription, tr("The description can be at most 1000 characters long."));
    return ok;
}

void ApiEditor::productsNotUpdated(const QVariantMap &saved, const core::Error &error)
{
    savePartlySucceeded(saved, { kProducts },
                        tr("The API was saved, but its products could not be updated (%1). Your "
                           "choice of products is kept; save again to retry.")
                            .arg(error.message));
    messages()->setMessage(kProducts, tr("Not saved yet: %1").arg(error.message));
}

StagedEditor::LoadFailureTexts ApiEditor::loadFailureTexts() const
{
    return { tr("API (not loaded)"), tr("The API could not be loaded: %1"),
             tr("The API “%1” could not be loaded: the signed-in account does not have permission "
                "to read it (%2).") };
}

editorfields::SaveFailureTexts ApiEditor::saveFailureTexts() const
{
    return { tr("The API was not saved because the server could not be reached (%1). Your "
                "changes are kept; try again."),
             tr("The API was not saved: the sign-in was refused or has expired (%1)."),
             tr("The API was not saved; see the marked fields."), tr("The API was not saved: %1"),
             tr("An API with the id “%1” already exists."),
             tr("This API was changed on the server since you opened it, so your changes were not "
                "saved; they are still here. Keep server version drops your changes and shows the "
                "server's version; Overwrite saves yours over it."),
             tr("The API “%1” was not saved: the signed-in account does not have permission to "
                "change it (%2)."),
             tr("The API “%1” was not created: the signed-in account does not have permission to "
                "create APIs in this service (%2).") };
}

void ApiEditor::syncFromDocument()
{
    syncProtocols();
    syncProducts();
}

void ApiEditor::syncProducts()
{
    const QStringList ids = document()->value(kProducts).toStringList();
    const QSignalBlocker blocker(m_products);
    for (int i = 0; i < m_products->count(); ++i) {
        QListWidgetItem *item = m_products->item(i);
        item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                               : Qt::Unchecked);
    }
}

void ApiEditor::syncProtocols()
{
    const QStringList protocols = document()->value(kProtocols).toStringList();
    m_http->setChecked(protocols.contains(u"http"_qs));
    m_https->setChecked(protocols.contains(u"https"_qs));
}

} // namespace portico::ui
