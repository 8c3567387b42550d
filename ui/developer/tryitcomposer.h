// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/api.h"
#include "core/model/operation.h"
#include "core/tryit/tryitrequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace portico::ui {

class JsonBodyEditor;
class ParameterTable;
class SecretHeaderDelegate;

// A subscription the user may send with, named as the developer portal names it, with what its
// scope lets it call (apim-protocol.md §3.5): one API, the APIs of one product, or all of them.
struct SubscriptionChoice
{
    enum class Scope { Unknown, AllApis, Api, Product };
    // How well a subscription fits an API, best first: scoped to that API, to a product that
    // includes it; Unknown when the scope or the product's APIs are not known (yet): it may
    // call the API, and is preferred to all-access, whose key skips the product's policies
    // (rate limit, quota) the user may be testing; then all APIs; None when the gateway
    // refuses its key for that API.
    enum class Fit { Api, Product, Unknown, AllApis, None };

    QString id;          // sid, used to fetch the key (listSecrets) at send time
    QString displayName; // e.g. "Starter (demo)"
    QString productName; // e.g. "Starter"; empty for API-scoped or all-access subscriptions
    Scope scope = Scope::Unknown;
    QString scopeId; // the API id (Scope::Api) or the product id (Scope::Product)
    std::optional<QStringList> productApis; // Scope::Product: the product's API ids, once read
    bool productApisUnreadable = false; // Scope::Product: reading them failed, none known before

    // An API id without its revision: ARM names a non-current revision "echo-api;rev=2".
    static QString withoutRevision(const QString &apiId);

    [[nodiscard]] Fit fitFor(const QString &apiId) const;
};

// What the user composed: everything needed to build the request except the key itself,
// which is looked up from the chosen subscription when sending and never shown.
struct ComposedRequest
{
    QString apiId;
    QString operationId;
    QString method;
    QUrl gatewayUrl;
    QString apiPath;
    QString urlTemplate;
    QHash<QString, QString> templateValues;
    // Query parameters not in the template, in order: declared ones with a value, then those
    // the user added (undeclared or repeated names).
    QList<QPair<QString, QString>> queryParameters;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString subscriptionId;
    QString subscriptionName;
    QString keyHeaderName;
    QString keyQueryName;
};

// The Try It composer. Parameters are pre-filled from the operation (defaults, first declared
// value); parameters with declared values are drop-downs. Headers are a table with presets
// for Content-Type and Authorization; the subscription key is chosen by subscription name and
// product, never typed. The body editor validates as you type and blocks Send while invalid,
// saying where. The preview shows the method, final URL and headers with secrets masked; so
// does the header table (and what it tells accessibility tools) unless the user asks to see
// secrets.
// Send (Ctrl+Enter) emits sendRequested; the owner sends and calls setSending().
class TryItComposer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TryItComposer)

public:
    explicit TryItComposer(QWidget *parent = nullptr);
    ~TryItComposer() override;

    // Opens an operation. What the user composed for the operation that was open is kept for
    // the session (in memory only: it may hold secrets) and comes back when that operation is
    // opened again; opening the operation that is already open changes nothing. The body is
    // replaced as an edit, so Ctrl+Z brings back the text it replaced.
    void setOperation(const core::Api &api, const core::Operation &operation,
                      const QUrl &gatewayUrl);
    // The key picker lists first the subscriptions that can call the open operation's API, then,
    // marked, those the gateway refuses for it; it starts on the narrowest that fits (scoped to
    // the API, then to a product that includes it, then to all APIs). A subscription the user
    // picked stays picked while it is listed, unless another API is opened that it cannot call.
    void setSubscriptions(const QList<SubscriptionChoice> &subscriptions);
    // Re-opens a request (from history): same operation, exactly these values. A declared query
    // parameter that was not sent stays empty (not its default); a query parameter without a
    // declared row of its own (added, or repeated) gets an added row. A value that history
    // masked (a secret) is left empty and its row says it must be entered again. The subscription
    // is found by id (sends recorded before the id was kept: by display name, or id), once the
    // subscriptions are known; one that is gone is not replaced by another key: the picker stays
    // on "No subscription key" and says so next to it until the user picks one. While the body
    // still holds history's mask, a note under it says which value (the AccountKey of a storage
    // connection string, a SAS signature, ...) must be entered again, and Send refuses it.
    void applyValues(const ComposedRequest &request);

    ComposedRequest composedRequest() const;
    // The open operation's API.
    const core::Api &api() const { return m_api; }
    // The chosen subscription's key is refused by the gateway for the open API.
    bool chosenKeyIsRefused() const;
    // The preview text: the request that Send sends (DeveloperController::toTryItRequest(),
    // then TryItRequest::preview()): method and URL on the first line, then "Name: value"
    // headers, with every secret the history masks masked, the subscription key included.
    QString previewText() const;
    bool canSend() const;
    void setSending(bool sending);

    QString templateValue(const QString &name) const;
    bool setParameterValue(const QString &name, const QString &value);
    JsonBodyEditor *bodyEditor() const { return m_body; }

public Q_SLOTS:
    void send();

Q_SIGNALS:
    void sendRequested(const portico::ui::ComposedRequest &request);
    void cancelRequested();
    // What composedRequest() returns may have changed: a parameter, header, body or the
    // subscription was edited, or an operation or a request from history was opened. Emitted
    // for each keystroke in a value, and several times while an operation opens; coalesce
    // before doing anything costly.
    void requestChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void appendHeaderRow(const QString &name, const QString &value);
    void replaceBody(const QString &text);
    void restoreHeader(const QByteArray &name, const QByteArray &value);
    bool refuseMaskedValues();
    void setHeader(const QByteArray &name, const QByteArray &value);
    // The body editor validates JSON exactly when the body is sent as JSON: the Content-Type
    // row says so (json or +json), or there is none and the operation's body is JSON.
    void followContentType();
    static bool isJsonContentType(const QString &contentType);
    // Builds the request once and shows it: the preview, the key note and (once a problem was
    // shown) the input marks all read that one request. Every edit comes through here, and
    // so says requestChanged().
    void updatePreview();
    // The request the preview shows: the subscription's key in its place, masked.
    static core::TryItRequest previewRequest(const ComposedRequest &composed);
    static QString previewText(const ComposedRequest &composed, const core::TryItRequest &request,
                               const core::Result<core::PreparedRequest> &preview);
    // Shows next to the subscription picker that a key the user typed is sent instead.
    void updateKeyNote(const core::TryItRequest &request, const core::Result<core::PreparedRequest> &preview);
    // Fills the key picker for the open API (see setSubscriptions()).
    void updateSubscriptionItems();
    // Picks the subscription of the re-opened send, or says that it is gone.
    void restoreSubscription();
    // The body note: which storage credential in the body is still history's mask; empty when
    // the body holds no mask.
    static QString bodyMaskProblem(const QByteArray &body);
    // Keeps what accessibility tools read for secret header values to the mask.
    void updateSecretCells();
    void updateSendState();
    // Checks the headers and parameters before anything is sent; a problem is shown next to
    // the row it is in (the row marked, the message under its table), the user's text kept.
    // `focus`: also move the focus to the offending row (on Send, not while typing).
    // `prepared`: the request as the preview built it; built here when null.
    bool validateInput(bool focus, const core::Result<core::PreparedRequest> *prepared = nullptr);
    void markHeader(int row, int column, const QString &message, bool focus);
    void markParameter(int row, const QString &message, bool focus, int column);
    void clearInputMarks();

    // The composer's state for one operation: parameter values by name, the header rows as the
    // user left them (name, value, re-entry hint), the body text.
    struct Draft
    {
        QHash<QString, QString> parameters;
        QList<QPair<QString, QString>> addedQuery;
        QList<QStringList> headers;
        QString body;
    };
    static QString draftKey(const core::Api &api, const core::Operation &operation, const QUrl &gatewayUrl);
    Draft currentDraft() const;
    void restoreDraft(const Draft &draft);

    QHash<QString, Draft> m_drafts; // by draftKey(): gateway, API and operation
    QString m_draftKey;
    core::Api m_api;
    core::Operation m_operation;
    QUrl m_gatewayUrl;
    QList<SubscriptionChoice> m_subscriptions;
    // The subscription the user picked (empty: "No subscription key"); unset until they pick.
    std::optional<QString> m_chosenSubscription;
    QString m_chosenForApi; // the API open when it was picked
    bool m_subscriptionsKnown = false; // setSubscriptions() was called
    // The re-opened send's subscription (id, display name), until the subscriptions are known
    // and list it (one that is gone is looked for again when they are refreshed).
    std::optional<QPair<QString, QString>> m_reopenedSubscription;
    // What the re-opened send was sent with (empty: no key), until the user picks or another
    // operation is opened; not a pick of the user's.
    std::optional<QString> m_reopenedChoice;
    bool m_sending = false;

    QLabel *m_title = nullptr;
    ParameterTable *m_parameters = nullptr;
    QTableWidget *m_headers = nullptr;
    SecretHeaderDelegate *m_secretDelegate = nullptr;
    QCheckBox *m_showSecrets = nullptr;
    QToolButton *m_contentTypePreset = nullptr;
    QToolButton *m_authorizationPreset = nullptr;
    QComboBox *m_subscription = nullptr;
    QLabel *m_keyNote = nullptr; // says when a typed key is sent instead of the subscription's
    QLabel *m_missingSubscription = nullptr; // a re-opened send's subscription is gone
    QLabel *m_unknownProducts = nullptr; // products whose APIs could not be read
    QLabel *m_bodyMask = nullptr; // the body still holds history's mask
    JsonBodyEditor *m_body = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_headerProblem = nullptr;
    QLabel *m_parameterProblem = nullptr;
    bool m_inputProblemShown = false;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace portico::ui
