// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/tryitcomposer.h"

#include "core/tryit/secretredaction.h"
#include "core/tryit/tryitrequest.h"
#include "ui/developer/developercontroller.h"
#include "ui/developer/jsonbodyeditor.h"
#include "ui/developer/parametertable.h"
#include "ui/developer/reentryhintdelegate.h"
#include "ui/developer/secretheaderdelegate.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace portico::ui {

namespace {

constexpr int ProblemRole = Qt::UserRole + 2; // marked by validateInput()
const QColor problemBackground(255, 205, 210);

// RFC 9110 token characters: what a header name may consist of.
bool isHeaderName(const QString &name)
{
    static const QString extra = u"!#$%&'*+-.^_`|~"_qs;
    for (const QChar c : name) {
        if (c.unicode() > 127 || !(c.isLetterOrNumber() || extra.contains(c)))
            return false;
    }
    return !name.isEmpty();
}

} // namespace

TryItComposer::TryItComposer(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"tryItComposer"_qs);
    m_title = new QLabel(this);
    m_title->setObjectName(u"composerTitleLabel"_qs);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_parameters = new ParameterTable(this);
    connect(m_parameters, &ParameterTable::edited, this, &TryItComposer::updatePreview);

    m_headers = new QTableWidget(0, 2, this);
    m_headers->setObjectName(u"headersTableWidget"_qs);
    m_headers->setHorizontalHeaderLabels({ tr("Header"), tr("Value") });
    m_headers->verticalHeader()->hide();
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_secretDelegate = new SecretHeaderDelegate(m_headers);
    m_headers->setItemDelegateForColumn(1, m_secretDelegate);
    connect(m_headers, &QTableWidget::itemChanged, this, &TryItComposer::updatePreview);
    m_headerProblem = new QLabel(this);
    m_headerProblem->setObjectName(u"headerProblemLabel"_qs);
    m_headerProblem->setWordWrap(true);
    m_headerProblem->setStyleSheet(u"color: #c62828;"_qs);
    m_headerProblem->hide();
    m_parameterProblem = new QLabel(this);
    m_parameterProblem->setObjectName(u"parameterProblemLabel"_qs);
    m_parameterProblem->setWordWrap(true);
    m_parameterProblem->setStyleSheet(u"color: #c62828;"_qs);
    m_parameterProblem->hide();

    auto *addQuery = new QToolButton(this);
    addQuery->setObjectName(u"addQueryParameterToolButton"_qs);
    addQuery->setText(tr("Add Query Parameter"));
    addQuery->setToolTip(tr("Add a query parameter that the operation does not declare, or repeat one"));
    connect(addQuery, &QToolButton::clicked, this, [this] {
        const int row = m_parameters->addExtraQueryRow({}, {});
        m_parameters->scrollToBottom();
        if (QWidget *name = m_parameters->cellWidget(row, ParameterTable::NameColumn))
            name->setFocus();
    });

    auto *addHeader = new QToolButton(this);
    addHeader->setObjectName(u"addHeaderToolButton"_qs);
    addHeader->setText(tr("Add Header"));
    connect(addHeader, &QToolButton::clicked, this, [this] {
        appendHeaderRow({}, {});
        // Current as well as edited: Tab then moves on to this row's value, not another row's.
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    auto *removeHeader = new QToolButton(this);
    removeHeader->setObjectName(u"removeHeaderToolButton"_qs);
    removeHeader->setText(tr("Remove Header"));
    connect(removeHeader, &QToolButton::clicked, this, [this] {
        if (m_headers->currentRow() >= 0)
            m_headers->removeRow(m_headers->currentRow());
        updatePreview();
    });

    m_showSecrets = new QCheckBox(tr("Show secrets"), this);
    m_showSecrets->setObjectName(u"showSecretsCheckBox"_qs);
    m_showSecrets->setToolTip(tr("Show the values of Authorization, key and token headers in the table. "
                                 "The preview, history and code snippets always mask them."));
    connect(m_showSecrets, &QCheckBox::toggled, this, [this](bool shown) {
        m_secretDelegate->setRevealed(shown);
        updateSecretCells();
        m_headers->viewport()->update();
    });

    m_contentTypePreset = new QToolButton(this);
    m_contentTypePreset->setObjectName(u"contentTypePresetToolButton"_qs);
    m_contentTypePreset->setText(tr("Content-Type"));
    m_contentTypePreset->setPopupMode(QToolButton::InstantPopup);
    auto *contentTypes = new QMenu(m_contentTypePreset);
    for (const char *type : { "application/json", "text/csv", "application/xml", "text/plain",
                              "application/octet-stream" }) {
        contentTypes->addAction(QString::fromLatin1(type), this,
                                [this, type] { setHeader("Content-Type", type); });
    }
    m_contentTypePreset->setMenu(contentTypes);

    m_authorizationPreset = new QToolButton(this);
    m_authorizationPreset->setObjectName(u"authorizationPresetToolButton"_qs);
    m_authorizationPreset->setText(tr("Authorization"));
    m_authorizationPreset->setPopupMode(QToolButton::InstantPopup);
    auto *schemes = new QMenu(m_authorizationPreset);
    schemes->addAction(tr("Bearer token (AzureML API key)"), this,
                       [this] { setHeader("Authorization", "Bearer "); });
    schemes->addAction(tr("Basic"), this, [this] { setHeader("Authorization", "Basic "); });
    m_authorizationPreset->setMenu(schemes);

    m_subscription = new QComboBox(this);
    m_subscription->setObjectName(u"subscriptionComboBox"_qs);
    connect(m_subscription, &QComboBox::currentIndexChanged, this, [this] {
        // Filling the picker blocks its signals: a change seen here is a pick.
        m_chosenSubscription = m_subscription->currentData().toString();
        m_chosenForApi = m_api.name;
        m_reopenedSubscription.reset();
        m_reopenedChoice.reset();
        m_missingSubscription->hide();
        updatePreview();
    });
    m_keyNote = new QLabel(this);
    m_keyNote->setObjectName(u"subscriptionKeyNoteLabel"_qs);
    m_keyNote->setWordWrap(true);
    m_keyNote->setVisible(false);
    m_missingSubscription = new QLabel(this);
    m_missingSubscription->setObjectName(u"missingSubscriptionLabel"_qs);
    m_missingSubscription->setWordWrap(true);
    m_missingSubscription->setStyleSheet(u"color: #c62828;"_qs);
    m_missingSubscription->hide();
    m_unknownProducts = new QLabel(this);
    m_unknownProducts->setObjectName(u"unknownProductsLabel"_qs);
    m_unknownProducts->setWordWrap(true);
    m_unknownProducts->hide();

    m_body = new JsonBodyEditor(this);
    // The editor takes Ctrl+Return as text input before shortcuts see it; catch it first.
    m_body->editor()->installEventFilter(this);
    connect(m_body, &JsonBodyEditor::textChanged, this, &TryItComposer::updatePreview);
    connect(m_body, &JsonBodyEditor::validityChanged, this, &TryItComposer::updateSendState);

    m_bodyMask = new QLabel(this);
    m_bodyMask->setObjectName(u"bodyMaskLabel"_qs);
    m_bodyMask->setWordWrap(true);
    m_bodyMask->setStyleSheet(u"color: #c62828;"_qs);
    m_bodyMask->hide();

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(u"requestPreviewPlainTextEdit"_qs);
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setMaximumHeight(110);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"composerProblemLabel"_qs);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_qs);
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(u"sendPushButton"_qs);
    m_send->setToolTip(tr("Send the request (Ctrl+Enter)"));
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &TryItComposer::send);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelPushButton"_qs);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &TryItComposer::cancelRequested);
    for (const QKeySequence &keys : { QKeySequence(Qt::CTRL | Qt::Key_Return),
                                      QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &TryItComposer::send);
    }

    auto *headerBar = new QHBoxLayout;
    headerBar->addWidget(new QLabel(tr("Headers"), this));
    headerBar->addStretch();
    headerBar->addWidget(m_showSecrets);
    headerBar->addWidget(m_contentTypePreset);
    headerBar->addWidget(m_authorizationPreset);
    headerBar->addWidget(addHeader);
    headerBar->addWidget(removeHeader);
    auto *keyRow = new QFormLayout;
    keyRow->addRow(tr("Subscription key:"), m_subscription);
    keyRow->addRow(QString(), m_keyNote);
    keyRow->addRow(QString(), m_missingSubscription);
    keyRow->addRow(QString(), m_unknownProducts);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *titleBar = new QHBoxLayout;
    titleBar->addWidget(m_title, 1);
    titleBar->addWidget(addQuery);
    topLayout->addLayout(titleBar);
    topLayout->addWidget(m_parameters, 2);
    topLayout->addWidget(m_parameterProblem);
    topLayout->addLayout(keyRow);
    topLayout->addLayout(headerBar);
    topLayout->addWidget(m_headers, 2);
    topLayout->addWidget(m_headerProblem);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_body);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_bodyMask);
    layout->addWidget(new QLabel(tr("Request preview"), this));
    layout->addWidget(m_preview);
    layout->addLayout(buttons);
    updateSubscriptionItems();
    updateSendState();
}

TryItComposer::~TryItComposer() = default;

bool TryItComposer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TryItComposer::setOperation(const core::Api &api, const core::Operation &operation,
                                 const QUrl &gatewayUrl)
{
    const QString key = draftKey(api, operation, gatewayUrl);
    if (key == m_draftKey && api == m_api && operation == m_operation)
        return;
    if (!m_draftKey.isEmpty())
        m_drafts.insert(m_draftKey, currentDraft());
    m_draftKey = key;
    m_api = api;
    m_operation = operation;
    m_gatewayUrl = gatewayUrl;
    m_secretDelegate->setExtraSecretNames({ api.subscriptionKeyParameterNames.header });
    m_title->setText(tr("%1 — %2").arg(api.displayName, operation.displayName));
    clearInputMarks();
    m_missingSubscription->hide();
    m_reopenedSubscription.reset(); // belonged to the operation that was open
    m_reopenedChoice.reset();
    updateSubscriptionItems();

    const QSignalBlocker blocker(m_headers);
    m_parameters->setOperation(operation);

    m_headers->setRowCount(0);
    QString contentType;
    QString sample;
    if (!operation.request.representations.isEmpty()) {
        const auto &representation = operation.request.representations.first();
        contentType = representation.contentType;
        sample = representation.sample;
    }
    if (!contentType.isEmpty() || operation.method.compare(u"GET"_qs, Qt::CaseInsensitive) != 0)
        setHeader("Content-Type", contentType.isEmpty() ? QByteArray("application/json")
                                                        : contentType.toUtf8());
    for (const auto &header : operation.request.headers)
        setHeader(header.name.toUtf8(), header.defaultValue.toUtf8());
    const auto draft = m_drafts.constFind(key);
    if (draft != m_drafts.cend())
        restoreDraft(*draft);
    followContentType();
    replaceBody(draft != m_drafts.cend() ? draft->body : sample);
    updatePreview();
    updateSendState();
}

QString TryItComposer::draftKey(const core::Api &api, const core::Operation &operation,
                                const QUrl &gatewayUrl)
{
    return QStringList { gatewayUrl.toString(), api.id, api.name, operation.name }.join(u'\n');
}

TryItComposer::Draft TryItComposer::currentDraft() const
{
    Draft draft;
    draft.parameters = m_parameters->declaredValues();
    draft.addedQuery = m_parameters->addedQuery();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        draft.headers.append({ name ? name->text() : QString(), value ? value->text() : QString(),
                               value ? value->data(ReentryHintDelegate::HintRole).toString() : QString() });
    }
    draft.body = m_body->text();
    return draft;
}

void TryItComposer::restoreDraft(const Draft &draft)
{
    for (auto it = draft.parameters.cbegin(); it != draft.parameters.cend(); ++it)
        setParameterValue(it.key(), it.value());
    for (const auto &[name, value] : draft.addedQuery)
        m_parameters->addExtraQueryRow(name, value);
    const QSignalBlocker blocker(m_headers);
    m_headers->setRowCount(0);
    for (const QStringList &row : draft.headers) {
        appendHeaderRow(row.value(0), row.value(1));
        const QString hint = row.value(2);
        if (hint.isEmpty())
            continue;
        m_headers->item(m_headers->rowCount() - 1, 0)->setToolTip(hint);
        QTableWidgetItem *value = m_headers->item(m_headers->rowCount() - 1, 1);
        value->setData(ReentryHintDelegate::HintRole, hint);
        value->setToolTip(hint);
    }
}

void TryItComposer::appendHeaderRow(const QString &name, const QString &value)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
}

void TryItComposer::replaceBody(const QString &text)
{
    // An edit of the document, not setPlainText(): that would empty the undo history, and
    // Ctrl+Z could not bring back what the user had typed.
    QPlainTextEdit *edit = m_body->editor();
    if (edit->toPlainText() != text) {
        QTextCursor cursor(edit->document());
        cursor.beginEditBlock();
        cursor.select(QTextCursor::Document);
        cursor.insertText(text);
        cursor.endEditBlock();
    }
    m_body->validate();
}

QString TryItComposer::templateValue(const QString &name) const
{
    const int row = m_parameters->declaredRow(name);
    return row >= 0 ? m_parameters->value(row) : QString();
}

bool TryItComposer::setParameterValue(const QString &name, const QString &value)
{
    const int row = m_parameters->declaredRow(name);
    if (row < 0)
        return false;
    m_parameters->setValue(row, value);
    return true;
}

void TryItComposer::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        if (m_headers->item(row, 0)
            && m_headers->item(row, 0)->text().compare(QString::fromLatin1(name),
                                                       Qt::CaseInsensitive) == 0) {
            if (QTableWidgetItem *cell = m_headers->item(row, 1))
                cell->setText(QString::fromUtf8(value));
            updatePreview();
            return;
        }
    }
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(name)));
    m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(value)));
    updatePreview();
}

QString SubscriptionChoice::withoutRevision(const QString &apiId)
{
    const qsizetype at = apiId.indexOf(u";rev="_qs, 0, Qt::CaseInsensitive);
    return at < 0 ? apiId : apiId.left(at);
}

SubscriptionChoice::Fit SubscriptionChoice::fitFor(const QString &apiId) const
{
    const QString api = withoutRevision(apiId);
    switch (scope) {
    case Scope::AllApis:
        return Fit::AllApis;
    case Scope::Api:
        return withoutRevision(scopeId).compare(api, Qt::CaseInsensitive) == 0 ? Fit::Api
                                                                               : Fit::None;
    case Scope::Product:
        if (!productApis)
            return Fit::Unknown;
        for (const QString &included : *productApis) {
            if (withoutRevision(included).compare(api, Qt::CaseInsensitive) == 0)
                return Fit::Product;
        }
        return Fit::None;
    case Scope::Unknown:
        break;
    }
    return Fit::Unknown;
}

void TryItComposer::setSubscriptions(const QList<SubscriptionChoice> &subscriptions)
{
    m_subscriptions = subscriptions;
    m_subscriptionsKnown = true;
    updateSubscriptionItems();
    restoreSubscription();
    updatePreview();
}

void TryItComposer::updateSubscriptionItems()
{
    using Fit = SubscriptionChoice::Fit;
    QList<QPair<Fit, const SubscriptionChoice *>> ranked;
    for (const SubscriptionChoice &choice : std::as_const(m_subscriptions))
        ranked.append({ choice.fitFor(m_api.name), &choice });
    // Narrowest first; the service's order within each kind.
    std::stable_sort(ranked.begin(), ranked.end(),
        [](const auto &a, const auto &b) { return int(a.first) < int(b.first); });

    const QSignalBlocker blocker(m_subscription);
    m_subscription->clear();
    m_subscription->addItem(tr("No subscription key"), QString());
    int fitting = 0;
    for (const auto &[fit, choice] : std::as_const(ranked)) {
        if (fit != Fit::None) {
            ++fitting;
            m_subscription->addItem(choice->productName.isEmpty()
                    ? choice->displayName
                    : tr("%1 — %2").arg(choice->displayName, choice->productName),
                choice->id);
            continue;
        }
        if (m_subscription->count() == fitting + 1 && fitting > 0)
            m_subscription->insertSeparator(m_subscription->count());
        m_subscription->addItem(choice->productName.isEmpty()
                ? tr("%1 (cannot call this API)").arg(choice->displayName)
                : tr("%1 — %2 (cannot call this API)")
                      .arg(choice->displayName, choice->productName),
            choice->id);
        m_subscription->setItemData(m_subscription->count() - 1,
            choice->scope == SubscriptionChoice::Scope::Product
                ? tr("The product %1 does not include this API: the gateway refuses this "
                     "subscription's key for it.")
                      .arg(choice->productName)
                : tr("This subscription is for another API: the gateway refuses its key for "
                     "this one."),
            Qt::ToolTipRole);
    }
    // What the re-opened send used; else what the user picked stays, unless it cannot call the
    // API opened since; otherwise the narrowest that can.
    int index = -1;
    if (m_reopenedChoice) {
        index = std::max(0, m_subscription->findData(*m_reopenedChoice));
    } else if (m_chosenSubscription) {
        index = m_subscription->findData(*m_chosenSubscription);
        if (index > fitting && m_chosenForApi != m_api.name)
            index = -1;
    }
    m_subscription->setCurrentIndex(index >= 0 ? index : (fitting > 0 ? 1 : 0));

    QStringList unknown;
    for (const SubscriptionChoice &choice : std::as_const(m_subscriptions)) {
        if (choice.scope == SubscriptionChoice::Scope::Product && choice.productApisUnreadable
            && !choice.productApis) {
            const QString line = tr("Could not learn which APIs product “%1” includes: its "
                                    "subscriptions are listed as if they could call this API.")
                                     .arg(choice.productName);
            if (!unknown.contains(line))
                unknown.append(line);
        }
    }
    m_unknownProducts->setText(unknown.join(u'\n'));
    m_unknownProducts->setVisible(!unknown.isEmpty());
}

void TryItComposer::restoreSubscription()
{
    if (!m_subscriptionsKnown || !m_reopenedSubscription)
        return;
    const auto [id, name] = *m_reopenedSubscription;
    QString found; // sent without a key: "No subscription key"
    bool gone = !id.isEmpty() || !name.isEmpty();
    for (const SubscriptionChoice &choice : std::as_const(m_subscriptions)) {
        // By id: two subscriptions may share a display name.
        if (id.isEmpty() ? choice.displayName == name || choice.id == name : choice.id == id) {
            found = choice.id;
            gone = false;
            break;
        }
    }
    {
        const QSignalBlocker blocker(m_subscription);
        m_subscription->setCurrentIndex(std::max(0, m_subscription->findData(found)));
    }
    // Also when gone: a refresh of the list picks no key behind the note, and picks the
    // subscription if it lists it again.
    m_reopenedChoice = found;
    if (!gone)
        m_reopenedSubscription.reset();
    m_missingSubscription->setVisible(gone);
    if (gone)
        m_missingSubscription->setText(
            tr("The subscription “%1” that this send used no longer exists or is no longer "
               "active. No subscription key is sent: choose a subscription to send with a key.")
                .arg(name.isEmpty() ? id : name));
}

ComposedRequest TryItComposer::composedRequest() const
{
    ComposedRequest request;
    request.apiId = m_api.name;
    request.operationId = m_operation.name;
    request.method = m_operation.method.toUpper();
    request.gatewayUrl = m_gatewayUrl;
    request.apiPath = m_api.path;
    request.urlTemplate = m_operation.urlTemplate;
    request.templateValues = m_parameters->templateValues();
    request.queryParameters = m_parameters->queryParameters();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = m_headers->item(row, 0) ? m_headers->item(row, 0)->text().trimmed()
                                                     : QString();
        const QTableWidgetItem *value = m_headers->item(row, 1);
        if (!name.isEmpty())
            request.headers.append({ name.toLatin1(), value ? value->text().toUtf8() : QByteArray() });
    }
    request.body = m_body->text().toUtf8();
    request.subscriptionId = m_subscription->currentData().toString();
    for (const SubscriptionChoice &choice : m_subscriptions) {
        if (choice.id == request.subscriptionId)
            request.subscriptionName = choice.displayName;
    }
    request.keyHeaderName = m_api.subscriptionKeyParameterNames.header;
    request.keyQueryName = m_api.subscriptionKeyParameterNames.query;
    return request;
}

bool TryItComposer::chosenKeyIsRefused() const
{
    const QString id = m_subscription->currentData().toString();
    for (const SubscriptionChoice &choice : m_subscriptions) {
        if (!id.isEmpty() && choice.id == id)
            return choice.fitFor(m_api.name) == SubscriptionChoice::Fit::None;
    }
    return false;
}

QString TryItComposer::previewText() const
{
    const ComposedRequest composed = composedRequest();
    const core::TryItRequest request = previewRequest(composed);
    return previewText(composed, request, request.preview());
}

core::TryItRequest TryItComposer::previewRequest(const ComposedRequest &composed)
{
    core::TryItRequest request = DeveloperController::toTryItRequest(composed, {});
    // The key itself is read when sending; its place in the request is shown, masked.
    if (!composed.subscriptionId.isEmpty())
        request.subscriptionKey = core::secretMask.toString();
    return request;
}

QString TryItComposer::previewText(const ComposedRequest &composed, const core::TryItRequest &request,
                                   const core::Result<core::PreparedRequest> &preview)
{
    if (!preview) {
        // Not buildable yet (a value still missing): where it goes, unexpanded.
        QString base = composed.gatewayUrl.toString(QUrl::StripTrailingSlash);
        if (!composed.apiPath.isEmpty())
            base += u'/' + composed.apiPath;
        QStringList lines { composed.method + u' ' + base + composed.urlTemplate };
        for (const auto &[name, value] : core::redactHeaders(composed.headers, request.secretHeaderNames(),
                                                             request.secretQueryNames()))
            lines.append(QString::fromLatin1(name) + u": "_qs + QString::fromUtf8(value));
        return lines.join(u'\n');
    }
    QStringList lines { QString::fromLatin1(preview->method) + u' '
                        + preview->url.toString(QUrl::PrettyDecoded | QUrl::RemovePassword) };
    for (const auto &[name, value] : preview->headers)
        lines.append(QString::fromLatin1(name) + u": "_qs + QString::fromUtf8(value));
    return lines.join(u'\n');
}

bool TryItComposer::isJsonContentType(const QString &contentType)
{
    // "application/json; charset=utf-8", "application/problem+json", "text/json".
    const QString type = contentType.section(u';', 0, 0).trimmed().toLower();
    const QString subtype = type.section(u'/', 1);
    return subtype == u"json"_qs || subtype.endsWith(u"+json"_qs);
}

void TryItComposer::followContentType()
{
    std::optional<QString> contentType;
    for (int row = 0; row < m_headers->rowCount() && !contentType; ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        if (name && name->text().trimmed().compare(u"Content-Type"_qs, Qt::CaseInsensitive) == 0)
            contentType = m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString();
    }
    bool json = false;
    if (contentType) {
        json = isJsonContentType(*contentType);
    } else {
        // No Content-Type: the body goes out as JSON (TryItRequest::prepare()); so it is judged
        // as JSON unless the operation says its body is something else.
        json = m_operation.request.representations.isEmpty()
            || isJsonContentType(m_operation.request.representations.first().contentType);
    }
    if (json != m_body->isJsonMode())
        m_body->setJsonMode(json);
}

void TryItComposer::updatePreview()
{
    if (!m_preview)
        return;
    followContentType();
    updateSecretCells();
    const ComposedRequest composed = composedRequest();
    const core::TryItRequest request = previewRequest(composed);
    const auto preview = request.preview();
    m_preview->setPlainText(previewText(composed, request, preview));
    updateKeyNote(request, preview);
    const QString bodyMask = bodyMaskProblem(composed.body);
    m_bodyMask->setText(bodyMask);
    m_bodyMask->setVisible(!bodyMask.isEmpty());
    if (m_inputProblemShown)
        validateInput(false, &preview); // the marks follow the user's corrections
    updateSendState();
    Q_EMIT requestChanged();
}

void TryItComposer::updateKeyNote(const core::TryItRequest &request,
                                  const core::Result<core::PreparedRequest> &preview)
{
    QString note;
    if (!request.subscriptionId.isEmpty()) {
        // Preparing found the typed key already; a request that cannot be prepared yet (a value
        // still missing) is looked at for it on its own.
        switch (preview ? preview->typedKey : request.typedKey()) {
        case core::TryItRequest::TypedKey::Header:
            note = tr("The %1 header you entered is sent instead of this subscription's key.")
                       .arg(request.keyHeaderName);
            break;
        case core::TryItRequest::TypedKey::Query:
            note = tr("The %1 query parameter you entered is sent instead of this subscription's key.")
                       .arg(request.keyQueryName);
            break;
        case core::TryItRequest::TypedKey::None:
            for (const SubscriptionChoice &choice : std::as_const(m_subscriptions)) {
                if (choice.id == request.subscriptionId
                    && choice.fitFor(m_api.name) == SubscriptionChoice::Fit::None)
                    note = tr("This subscription cannot call %1: the gateway refuses its key for "
                              "this API.")
                               .arg(m_api.displayName);
            }
            break;
        }
    }
    m_keyNote->setText(note);
    m_keyNote->setVisible(!note.isEmpty());
    m_subscription->setToolTip(note.isEmpty() ? tr("The key of this subscription is sent; it is never shown.")
                                              : note);
}

void TryItComposer::updateSecretCells()
{
    const QSignalBlocker blocker(m_headers);
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        QTableWidgetItem *value = m_headers->item(row, 1);
        if (!value)
            continue;
        // Screen readers read this in place of the value: the mask, as painted.
        const QModelIndex index = m_headers->model()->index(row, 1);
        const QString shown = m_secretDelegate->shownText(index);
        const QVariant accessible = shown != value->text() ? QVariant(shown) : QVariant();
        if (value->data(Qt::AccessibleTextRole) != accessible)
            value->setData(Qt::AccessibleTextRole, accessible);
    }
}

void TryItComposer::clearInputMarks()
{
    m_inputProblemShown = false;
    if (!m_headerProblem)
        return;
    {
        const QSignalBlocker blocker(m_headers);
        for (int row = 0; row < m_headers->rowCount(); ++row) {
            for (int column = 0; column < 2; ++column) {
                QTableWidgetItem *item = m_headers->item(row, column);
                if (item && item->data(ProblemRole).toBool()) {
                    item->setData(ProblemRole, {});
                    item->setData(Qt::BackgroundRole, {});
                    item->setToolTip({});
                }
            }
        }
    }
    m_parameters->clearMarks();
    m_headerProblem->clear();
    m_headerProblem->hide();
    m_parameterProblem->clear();
    m_parameterProblem->hide();
}

void TryItComposer::markHeader(int row, int column, const QString &message, bool focus)
{
    {
        const QSignalBlocker blocker(m_headers);
        if (QTableWidgetItem *item = m_headers->item(row, column)) {
            item->setData(ProblemRole, true);
            item->setBackground(problemBackground);
            item->setToolTip(message);
        }
    }
    m_headerProblem->setText(message);
    m_headerProblem->show();
    if (focus) {
        m_headers->setCurrentCell(row, column);
        m_headers->scrollToItem(m_headers->item(row, column));
        m_headers->setFocus();
    }
}

void TryItComposer::markParameter(int row, const QString &message, bool focus, int column)
{
    m_parameters->mark(row, column, message, focus);
    m_parameterProblem->setText(message);
    m_parameterProblem->show();
}

bool TryItComposer::validateInput(bool focus, const core::Result<core::PreparedRequest> *prepared)
{
    clearInputMarks();
    bool ok = true;
    for (int row = 0; row < m_headers->rowCount() && ok; ++row) {
        const QString name = m_headers->item(row, 0) ? m_headers->item(row, 0)->text().trimmed() : QString();
        const QString value = m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString();
        if (name.isEmpty()) {
            if (!value.trimmed().isEmpty()) {
                markHeader(row, 0, tr("Header row %1 has a value but no name. Enter the header name.").arg(row + 1),
                           focus);
                ok = false;
            }
            continue;
        }
        if (!isHeaderName(name)) {
            markHeader(row, 0,
                       name.endsWith(u':')
                           ? tr("The header name “%1” ends with a colon. Enter the name without it; the value "
                                "goes in the Value column.")
                                 .arg(name)
                           : tr("The header name “%1” is not valid: a header name consists of letters, digits "
                                "and !#$%&'*+-.^_`|~ only, without spaces or colons.")
                                 .arg(name),
                       focus);
            ok = false;
        } else if (value.contains(u'\n') || value.contains(u'\r') || value.contains(QChar(0))) {
            markHeader(row, 1, tr("The value of header “%1” contains a line break. A header value is one line.")
                                   .arg(name),
                       focus);
            ok = false;
        }
    }
    if (ok) {
        for (int row = 0; row < m_parameters->rowCount() && ok; ++row) {
            if (!m_parameters->hasRow(row))
                continue;
            // Template parameters are part of the path; a required query parameter is as needed.
            if (m_parameters->isRequired(row) && m_parameters->value(row).isEmpty()) {
                markParameter(row, tr("Enter a value for the parameter %1.").arg(m_parameters->name(row)), focus,
                              ParameterTable::ValueColumn);
                ok = false;
            } else if (m_parameters->kind(row) == ParameterTable::Kind::Extra && m_parameters->name(row).isEmpty()
                       && !m_parameters->value(row).trimmed().isEmpty()) {
                markParameter(row,
                              tr("The added query parameter with the value “%1” has no name. Enter its name.")
                                  .arg(m_parameters->value(row)),
                              focus, ParameterTable::NameColumn);
                ok = false;
            }
        }
    }
    if (ok) {
        // Whatever else the request cannot be built from (it is built exactly as it is sent).
        std::optional<core::Result<core::PreparedRequest>> built;
        if (!prepared)
            prepared = &built.emplace(DeveloperController::toTryItRequest(composedRequest(), {}).prepare());
        if (!*prepared) {
            const QString target = prepared->error().target;
            const int parameterRow = target.isEmpty() ? -1 : m_parameters->declaredRow(target);
            if (parameterRow >= 0 && prepared->error().code == u"DotSegment"_qs)
                markParameter(parameterRow,
                              tr("The value “%1” of the parameter %2 cannot be sent: as a path segment, “.” and "
                                 "“..” are removed from the URL on the way, and the request would reach another "
                                 "path than this operation's.")
                                  .arg(m_parameters->value(parameterRow), target),
                              focus, ParameterTable::ValueColumn);
            else if (parameterRow >= 0)
                markParameter(parameterRow,
                              tr("The value of the parameter %1 cannot be used in the URL.").arg(target), focus,
                              ParameterTable::ValueColumn);
            else
                m_problem->setText(tr("The request cannot be built from these values: the resulting URL is not "
                                      "valid."));
            ok = false;
        }
    }
    m_inputProblemShown = !ok;
    return ok;
}

bool TryItComposer::canSend() const
{
    return !m_sending && !m_operation.name.isEmpty() && m_body->isValid();
}

void TryItComposer::updateSendState()
{
    if (!m_send)
        return;
    m_send->setEnabled(!m_sending && !m_operation.name.isEmpty());
    m_cancel->setEnabled(m_sending);
    if (!m_body->isValid())
        m_problem->setText(tr("Fix the body before sending: invalid JSON at line %1, column %2.")
                                   .arg(m_body->errorLine())
                                   .arg(m_body->errorColumn()));
    else
        m_problem->clear();
}

void TryItComposer::setSending(bool sending)
{
    m_sending = sending;
    updateSendState();
}

void TryItComposer::send()
{
    if (m_sending || m_operation.name.isEmpty())
        return;
    // Validate now, not after the typing pause: what is on screen is what is judged.
    if (!m_body->validate()) {
        updateSendState();
        m_body->editor()->setFocus();
        return;
    }
    // Nothing leaves with input the request cannot carry; the problem is shown at its row.
    if (!validateInput(true))
        return;
    if (refuseMaskedValues())
        return;
    Q_EMIT sendRequested(composedRequest());
}

bool TryItComposer::refuseMaskedValues()
{
    // The mask is what history and the preview show in place of a secret; sent as the value
    // it only earns a 401. Say where it is instead.
    const QString mask = core::secretMask.toString();
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        if (!m_parameters->hasRow(row) || !m_parameters->value(row).contains(mask))
            continue;
        m_problem->setText(tr("The parameter %1 holds the mask that stands for a secret history does "
                              "not keep: enter the real value.")
                                   .arg(m_parameters->name(row)));
        m_parameters->setCurrentCell(row, ParameterTable::ValueColumn);
        if (QWidget *editor = m_parameters->cellWidget(row, ParameterTable::ValueColumn)) {
            editor->setToolTip(m_problem->text());
            editor->setFocus();
        }
        return true;
    }
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        QTableWidgetItem *value = m_headers->item(row, 1);
        if (!value || !m_headers->item(row, 0) || !value->text().contains(mask))
            continue;
        m_problem->setText(tr("The header %1 holds the mask that stands for a secret history does "
                              "not keep: enter the real value.")
                                   .arg(m_headers->item(row, 0)->text()));
        const QSignalBlocker blocker(m_headers); // a changed item would redo the preview
        value->setToolTip(m_problem->text());
        m_headers->setCurrentCell(row, 1);
        m_headers->setFocus();
        return true;
    }
    if (const QString problem = bodyMaskProblem(m_body->text().toUtf8()); !problem.isEmpty()) {
        m_problem->setText(problem);
        m_body->editor()->setFocus();
        return true;
    }
    return false;
}

QString TryItComposer::bodyMaskProblem(const QByteArray &body)
{
    const QByteArray mask = core::secretMask.toUtf8();
    if (!body.contains(mask))
        return {};
    // History masks a storage credential in place (AccountKey=••••••••): say which one it was.
    for (const core::StorageSecretSpan &span : core::storageSecretSpans(body)) {
        if (!QByteArrayView(body).sliced(span.from, span.length).contains(mask))
            continue;
        const qsizetype line = body.first(span.from).count('\n') + 1;
        if (span.name == "AccountKey")
            return tr("Line %1 of the body holds the mask in place of the AccountKey of a storage "
                      "connection string: history does not keep it. Enter the account key again "
                      "before sending.")
                .arg(line);
        if (span.name == "SharedAccessKey")
            return tr("Line %1 of the body holds the mask in place of the SharedAccessKey of a "
                      "connection string: history does not keep it. Enter the shared access key "
                      "again before sending.")
                .arg(line);
        if (span.name == "SharedAccessSignature")
            return tr("Line %1 of the body holds the mask in place of the SharedAccessSignature of "
                      "a storage connection string: history does not keep it. Enter the SAS token "
                      "again before sending.")
                .arg(line);
        return tr("Line %1 of the body holds the mask in place of the signature (sig) of a SAS URL "
                  "or token: history does not keep it. Enter the SAS again before sending.")
            .arg(line);
    }
    return tr("The body holds the mask that stands for a secret history does not keep: "
              "put the real value back.");
}

void TryItComposer::restoreHeader(const QByteArray &name, const QByteArray &value)
{
    // Each row comes back as its own row: a name given twice ("X-Tag: one", "X-Tag: two") is
    // sent twice, and setHeader() would fold it into one.
    const int row = m_headers->rowCount();
    {
        const QSignalBlocker blocker(m_headers);
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(name)));
        m_headers->setItem(row, 1, new QTableWidgetItem());
    }
    const QByteArray mask = core::secretMask.toUtf8();
    if (!value.contains(mask)) {
        m_headers->item(row, 1)->setText(QString::fromUtf8(value));
        return;
    }
    // "Bearer ••••••••": the scheme is named in the hint, the value is left empty.
    const qsizetype space = value.indexOf(' ');
    const QString scheme = space > 0 && !value.left(space).contains(mask) ? QString::fromUtf8(value.left(space))
                                                                          : QString();
    const QString hint = scheme.isEmpty()
            ? tr("Enter again: history does not keep secrets")
            : tr("Enter again as %1 …: history does not keep secrets").arg(scheme);
    const QSignalBlocker blocker(m_headers);
    m_headers->item(row, 0)->setToolTip(hint);
    m_headers->item(row, 1)->setData(ReentryHintDelegate::HintRole, hint);
    m_headers->item(row, 1)->setToolTip(hint);
}

void TryItComposer::applyValues(const ComposedRequest &request)
{
    for (auto it = request.templateValues.cbegin(); it != request.templateValues.cend(); ++it) {
        if (const int row = m_parameters->declaredRow(it.key()); row >= 0)
            m_parameters->restoreValue(row, it.value());
    }
    m_parameters->restoreQuery(request.queryParameters);
    {
        const QSignalBlocker blocker(m_headers);
        m_headers->setRowCount(0);
    }
    for (const auto &[name, value] : request.headers)
        restoreHeader(name, value);
    replaceBody(QString::fromUtf8(request.body));
    m_reopenedSubscription = qMakePair(request.subscriptionId, request.subscriptionName);
    restoreSubscription();
    updatePreview();
}

} // namespace portico::ui
