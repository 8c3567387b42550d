// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/publisher/apieditor.h"

#include "ui/common/bannerwidget.h"
#include "ui/common/fieldbinding.h"
#include "ui/common/fieldmessages.h"
#include "ui/common/stageddocument.h"
#include "ui/common/undorouting.h"
#include "ui/publisher/editorfields.h"

#include <QAction>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

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

QWidget *withMessage(QWidget *field, QLabel *message, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    return box;
}

} // namespace

ApiEditor::ApiEditor(QWidget *parent)
    : QWidget(parent)
    , m_doc(new StagedDocument(this))
    , m_messages(new FieldMessages(this))
{
    setObjectName(u"apiEditor"_qs);

    m_title = new QLabel(this);
    m_title->setObjectName(u"apiTitleLabel"_qs);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_dirty = new QLabel(this);
    m_dirty->setObjectName(u"apiDirtyLabel"_qs);
    m_banner = new BannerWidget(this);
    m_banner->setObjectName(u"apiBannerWidget"_qs);

    auto *form = new QWidget(this);
    auto *layout = new QFormLayout(form);

    auto lineEdit = [&](const QString &objectName, int maxLength) {
        auto *edit = new QLineEdit(form);
        edit->setObjectName(objectName);
        edit->setMaxLength(maxLength);
        undorouting::install(m_doc->undoStack(), edit);
        return edit;
    };

    m_displayName = lineEdit(u"displayNameLineEdit"_qs, 300);
    layout->addRow(tr("&Display name:"),
                   withMessage(m_displayName,
                               m_messages->addField({ kDisplayName },
                                                    u"displayNameMessageLabel"_qs, form),
                               form));
    m_id = lineEdit(u"apiIdLineEdit"_qs, 80);
    layout->addRow(tr("API &id:"),
                   withMessage(m_id,
                               m_messages->addField({ kName, u"apiId"_qs }, u"apiIdMessageLabel"_qs,
                                                    form),
                               form));
    m_serviceUrl = lineEdit(u"serviceUrlLineEdit"_qs, 2000);
    m_serviceUrl->setPlaceholderText(u"https://"_qs);
    layout->addRow(tr("&Web service URL:"),
                   withMessage(m_serviceUrl,
                               m_messages->addField({ kServiceUrl }, u"serviceUrlMessageLabel"_qs,
                                                    form),
                               form));
    m_path = lineEdit(u"urlSuffixLineEdit"_qs, 400);
    layout->addRow(tr("URL &suffix:"),
                   withMessage(m_path,
                               m_messages->addField({ kPath, u"urlSuffix"_qs },
                                                    u"urlSuffixMessageLabel"_qs, form),
                               form));

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
    layout->addRow(tr("Sc&hemes:"),
                   withMessage(schemes,
                               m_messages->addField({ kProtocols }, u"protocolsMessageLabel"_qs,
                                                    form),
                               form));

    m_products = new QListWidget(form);
    m_products->setObjectName(u"productsListWidget"_qs);
    m_products->setMaximumHeight(110);
    layout->addRow(tr("&Products:"),
                   withMessage(m_products,
                               m_messages->addField({ kProducts }, u"productsMessageLabel"_qs,
                                                    form),
                               form));

    m_subscriptionRequired = new QCheckBox(tr("Subscription &required"), form);
    m_subscriptionRequired->setObjectName(u"subscriptionRequiredCheckBox"_qs);
    layout->addRow(QString(), m_subscriptionRequired);
    m_headerName = lineEdit(u"keyHeaderNameLineEdit"_qs, 100);
    layout->addRow(tr("Key &header name:"),
                   withMessage(m_headerName,
                               m_messages->addField({ kHeaderName,
                                                      u"subscriptionKeyParameterNames.header"_qs },
                                                    u"keyHeaderNameMessageLabel"_qs, form),
                               form));
    m_queryName = lineEdit(u"keyQueryNameLineEdit"_qs, 100);
    layout->addRow(tr("Key &query parameter name:"),
                   withMessage(m_queryName,
                               m_messages->addField({ kQueryName,
                                                      u"subscriptionKeyParameterNames.query"_qs },
                                                    u"keyQueryNameMessageLabel"_qs, form),
                               form));
    m_description = new QPlainTextEdit(form);
    m_description->setObjectName(u"descriptionPlainTextEdit"_qs);
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    undorouting::install(m_doc->undoStack(), m_description);
    layout->addRow(tr("D&escription:"),
                   withMessage(m_description,
                               m_messages->addField({ kDescription },
                                                    u"descriptionMessageLabel"_qs, form),
                               form));

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(u"apiSavePushButton"_qs);
    m_revert = new QPushButton(tr("Re&vert"), this);
    m_revert->setObjectName(u"apiRevertPushButton"_qs);
    m_undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setObjectName(u"apiUndoAction"_qs);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setObjectName(u"apiRedoAction"_qs);
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undo);
    addAction(m_redo);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_dirty);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(header);
    outer->addWidget(m_banner);
    outer->addWidget(scroll, 1);
    outer->addLayout(buttons);

    fieldbinding::bind(m_doc, kName, m_id);
    fieldbinding::bind(m_doc, kDisplayName, m_displayName);
    fieldbinding::bind(m_doc, kServiceUrl, m_serviceUrl);
    fieldbinding::bind(m_doc, kPath, m_path);
    fieldbinding::bind(m_doc, kSubscriptionRequired, m_subscriptionRequired);
    fieldbinding::bind(m_doc, kHeaderName, m_headerName);
    fieldbinding::bind(m_doc, kQueryName, m_queryName);
    fieldbinding::bind(m_doc, kDescription, m_description);

    // Schemes and products are list-valued fields.
    auto stageProtocols = [this] {
        QStringList protocols;
        if (m_http->isChecked())
            protocols << u"http"_qs;
        if (m_https->isChecked())
            protocols << u"https"_qs;
        m_doc->setValue(kProtocols, protocols);
    };
    connect(m_http, &QCheckBox::clicked, this, stageProtocols);
    connect(m_https, &QCheckBox::clicked, this, stageProtocols);
    connect(m_products, &QListWidget::itemChanged, this, [this] {
        QStringList ids;
        for (int i = 0; i < m_products->count(); ++i) {
            if (m_products->item(i)->checkState() == Qt::Checked)
                ids << m_products->item(i)->data(Qt::UserRole).toString();
        }
        m_doc->setValue(kProducts, ids);
    });
    connect(m_doc, &StagedDocument::valueChanged, this, [this](const QString &field) {
        if (field == kProtocols)
            syncProtocols();
        else if (field == kProducts)
            syncProducts();
        m_messages->setMessage(field, {});
    });
    // A new API's id follows its display name until the user edits the id.
    connect(m_id, &QLineEdit::textEdited, this, [this] { m_idTouched = true; });
    connect(m_displayName, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_new && !m_idTouched)
            m_doc->setValue(kName, editorfields::idFromDisplayName(text));
    });

    connect(m_save, &QPushButton::clicked, this, &ApiEditor::save);
    connect(m_revert, &QPushButton::clicked, m_doc, &StagedDocument::revert);
    connect(m_doc, &StagedDocument::dirtyChanged, this, &ApiEditor::updateState);
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
    m_new = true;
    m_idTouched = false;
    m_title->setText(tr("New API"));
    m_id->setReadOnly(false);
    m_messages->clear();
    m_banner->clear();
    m_doc->load({ { kName, QString() },
                  { kDisplayName, QString() },
                  { kServiceUrl, QString() },
                  { kPath, QString() },
                  { kProtocols, QStringList { u"https"_qs } },
                  { kProducts, QStringList() },
                  { kSubscriptionRequired, true },
                  { kHeaderName, u"Ocp-Apim-Subscription-Key"_qs },
                  { kQueryName, u"subscription-key"_qs },
                  { kDescription, QString() } });
    syncProtocols();
    syncProducts();
    updateState();
}

void ApiEditor::load(const QVariantMap &fields)
{
    m_new = false;
    m_title->setText(tr("API: %1").arg(fields.value(kDisplayName).toString()));
    m_id->setReadOnly(true);
    m_messages->clear();
    m_banner->clear();
    m_doc->load(fields);
    syncProtocols();
    syncProducts();
    updateState();
}

QVariantMap ApiEditor::values() const
{
    return m_doc->values();
}

bool ApiEditor::validate()
{
    m_messages->clear();
    bool ok = true;
    auto fail = [&](const QString &field, const QString &text) {
        m_messages->setMessage(field, text);
        ok = false;
    };
    const QVariantMap v = m_doc->values();
    if (v.value(kDisplayName).toString().trimmed().isEmpty())
        fail(kDisplayName, tr("Enter a display name."));
    static const QRegularExpression idPattern(uR"(^[^*#&+:<>?/\s]+$)"_qs);
    if (m_new && !idPattern.match(v.value(kName).toString()).hasMatch())
        fail(kName, tr("Enter an id without spaces or any of * # & + : < > ? /"));
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

void ApiEditor::save()
{
    if (m_busy)
        return;
    m_banner->clear();
    if (!validate())
        return;
    setBusy(true);
    Q_EMIT saveRequested(m_doc->values(), m_new);
}

void ApiEditor::saveSucceeded(const QVariantMap &saved)
{
    setBusy(false);
    m_messages->clear();
    m_banner->clear();
    m_new = false;
    m_id->setReadOnly(true);
    m_title->setText(tr("API: %1").arg(saved.value(kDisplayName).toString()));
    m_doc->markSaved(saved);
    updateState();
}

void ApiEditor::saveFailed(const core::Error &error)
{
    setBusy(false);
    m_messages->clear();
    const QStringList unclaimed = m_messages->showServerError(error);
    const QString text = editorfields::describeSaveFailure(
        error, unclaimed,
        { tr("The API was not saved because the server could not be reached (%1). Your "
             "changes are kept; try again."),
          tr("The API was not saved: the sign-in was refused or has expired (%1)."),
          tr("The API was not saved; see the marked fields."), tr("The API was not saved: %1") });
    m_banner->showMessage(BannerWidget::Kind::Error, text, true);
    updateState();
}

void ApiEditor::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void ApiEditor::syncProducts()
{
    const QStringList ids = m_doc->value(kProducts).toStringList();
    const QSignalBlocker blocker(m_products);
    for (int i = 0; i < m_products->count(); ++i) {
        QListWidgetItem *item = m_products->item(i);
        item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                               : Qt::Unchecked);
    }
}

void ApiEditor::syncProtocols()
{
    const QStringList protocols = m_doc->value(kProtocols).toStringList();
    m_http->setChecked(protocols.contains(u"http"_qs));
    m_https->setChecked(protocols.contains(u"https"_qs));
}

void ApiEditor::updateState()
{
    const bool dirty = m_doc->isDirty();
    m_dirty->setText(dirty ? tr("Modified") : QString());
    m_save->setEnabled((dirty || m_new) && !m_busy);
    m_revert->setEnabled(dirty && !m_busy);
}

} // namespace portico::ui
