// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/developer/apicatalogpanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace portico::ui {

namespace {

// Matches an API if it or any of its operations matches, and an operation if it or its API
// matches, so that searching "execute" keeps the API row that holds the operation.
class CatalogFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearch(const QString &text)
    {
        m_search = text.trimmed();
        invalidateFilter();
    }
    void setMethod(const QString &method)
    {
        m_methodFilter = method;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (!parent.isValid()) {
            for (int i = 0; i < sourceModel()->rowCount(index); ++i) {
                if (operationMatches(sourceModel()->index(i, 0, index), true))
                    return true;
            }
            return m_methodFilter.isEmpty() && textMatches(index)
                    && sourceModel()->rowCount(index) == 0;
        }
        return operationMatches(index, true);
    }

private:
    bool textMatches(const QModelIndex &index) const
    {
        return m_search.isEmpty()
                || index.data(ApiCatalogModel::SearchTextRole)
                           .toString()
                           .contains(m_search, Qt::CaseInsensitive);
    }
    bool operationMatches(const QModelIndex &operation, bool includeApi) const
    {
        if (!m_methodFilter.isEmpty()
            && operation.data(ApiCatalogModel::MethodRole).toString() != m_methodFilter)
            return false;
        return textMatches(operation) || (includeApi && textMatches(operation.parent()));
    }

    QString m_search;
    QString m_methodFilter;
};

QString parameterRows(const QList<core::ParameterContract> &parameters, const QString &where)
{
    QString rows;
    for (const core::ParameterContract &p : parameters) {
        rows += u"<tr><td><code>%1</code></td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                u"<td>%6</td></tr>"_qs.arg(
                        p.name.toHtmlEscaped(), where, p.type.toHtmlEscaped(),
                        p.required ? ApiCatalogPanel::tr("yes") : ApiCatalogPanel::tr("no"),
                        p.values.isEmpty() ? p.defaultValue.toHtmlEscaped()
                                           : p.values.join(u", "_qs).toHtmlEscaped(),
                        p.description.toHtmlEscaped());
    }
    return rows;
}

QString sampleOf(const core::RepresentationContract &representation)
{
    QString sample = representation.sample;
    if (sample.isEmpty() && !representation.examples.isEmpty()) {
        const QJsonObject first = representation.examples.constBegin()->toObject();
        const QJsonValue value = first.value(u"value"_qs);
        sample = value.isString() ? value.toString()
                                  : QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant())
                                                              .toJson(QJsonDocument::Indented));
    }
    return sample;
}

} // namespace

ApiCatalogPanel::ApiCatalogPanel(QWidget *parent)
    : QWidget(parent)
{
    m_model = new ApiCatalogModel(this);
    auto *filter = new CatalogFilter(this);
    m_proxy = filter;
    m_proxy->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"catalogSearchLineEdit"_qs);
    m_search->setPlaceholderText(tr("Search APIs and operations"));
    m_search->setClearButtonEnabled(true);
    m_method = new QComboBox(this);
    m_method->setObjectName(u"catalogMethodComboBox"_qs);
    m_method->addItem(tr("All methods"), QString());
    for (const char *method : { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" })
        m_method->addItem(QString::fromLatin1(method), QString::fromLatin1(method));
    connect(m_search, &QLineEdit::textChanged, this, [this, filter](const QString &text) {
        filter->setSearch(text);
        m_view->expandAll();
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this, filter] {
        filter->setMethod(m_method->currentData().toString());
        m_view->expandAll();
    });

    m_view = new QTreeView(this);
    m_view->setObjectName(u"catalogTreeView"_qs);
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ApiCatalogPanel::showCurrent);
    connect(m_view, &QTreeView::doubleClicked, this, [this] {
        if (currentOperation())
            m_tryIt->click();
    });

    m_doc = new QTextBrowser(this);
    m_doc->setObjectName(u"operationDocTextBrowser"_qs);
    m_doc->setOpenLinks(false);
    m_tryIt = new QPushButton(tr("Try It"), this);
    m_tryIt->setObjectName(u"tryItPushButton"_qs);
    m_tryIt->setEnabled(false);
    connect(m_tryIt, &QPushButton::clicked, this, [this] {
        if (const core::Operation *operation = currentOperation())
            Q_EMIT tryItRequested(*currentApi(), *operation);
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_method);
    leftLayout->addLayout(bar);
    leftLayout->addWidget(m_view, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_doc, 1);
    rightLayout->addWidget(m_tryIt, 0, Qt::AlignRight);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    showCurrent();
}

ApiCatalogPanel::~ApiCatalogPanel() = default;

void ApiCatalogPanel::setCatalog(QList<CatalogApi> catalog)
{
    m_model->setCatalog(std::move(catalog));
    m_view->expandAll();
    showCurrent();
}

bool ApiCatalogPanel::select(const QString &api, const QString &operation)
{
    const QModelIndex source = m_model->indexOf(api, operation);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

const CatalogApi *ApiCatalogPanel::currentApi() const
{
    return m_model->apiAt(m_proxy->mapToSource(m_view->currentIndex()));
}

const core::Operation *ApiCatalogPanel::currentOperation() const
{
    return m_model->operationAt(m_proxy->mapToSource(m_view->currentIndex()));
}

void ApiCatalogPanel::showCurrent()
{
    const CatalogApi *api = currentApi();
    const core::Operation *operation = currentOperation();
    m_tryIt->setEnabled(operation != nullptr);
    if (!api) {
        m_doc->setHtml(tr("<p>Select an operation to see its documentation.</p>"));
        return;
    }
    if (!operation) {
        m_doc->setHtml(u"<h2>%1</h2><p>%2</p><p><code>/%3</code></p>"_qs.arg(
                api->api.displayName.toHtmlEscaped(), api->api.description.toHtmlEscaped(),
                api->api.path.toHtmlEscaped()));
        return;
    }
    m_doc->setHtml(documentationHtml(api->api, *operation));
}

QString ApiCatalogPanel::documentationHtml(const core::Api &api, const core::Operation &operation)
{
    QString html = u"<h2>%1</h2><p><b>%2</b> <code>/%3%4</code></p><p>%5</p>"_qs.arg(
            operation.displayName.toHtmlEscaped(), operation.method.toUpper().toHtmlEscaped(),
            api.path.toHtmlEscaped(), operation.urlTemplate.toHtmlEscaped(),
            operation.description.toHtmlEscaped());
    const QString rows = parameterRows(operation.templateParameters, tr("template"))
            + parameterRows(operation.request.queryParameters, tr("query"))
            + parameterRows(operation.request.headers, tr("header"));
    if (!rows.isEmpty()) {
        html += u"<h3>%1</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">"
                u"<tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>"
                u"%8</table>"_qs.arg(tr("Parameters"), tr("Name"), tr("In"), tr("Type"),
                                     tr("Required"), tr("Values"), tr("Description"))
                        .arg(rows);
    }
    if (!operation.request.representations.isEmpty()) {
        html += u"<h3>%1</h3>"_qs.arg(tr("Request body"));
        for (const auto &representation : operation.request.representations) {
            html += u"<p><code>%1</code></p>"_qs.arg(representation.contentType.toHtmlEscaped());
            const QString sample = sampleOf(representation);
            if (!sample.isEmpty())
                html += u"<pre>%1</pre>"_qs.arg(sample.toHtmlEscaped());
        }
    }
    if (!operation.responses.isEmpty()) {
        html += u"<h3>%1</h3>"_qs.arg(tr("Responses"));
        for (const auto &response : operation.responses) {
            html += u"<p><b>%1</b> %2</p>"_qs.arg(response.statusCode)
                            .arg(response.description.toHtmlEscaped());
            for (const auto &representation : response.representations) {
                const QString sample = sampleOf(representation);
                html += u"<p><code>%1</code></p>"_qs.arg(representation.contentType.toHtmlEscaped());
                if (!sample.isEmpty())
                    html += u"<pre>%1</pre>"_qs.arg(sample.toHtmlEscaped());
            }
        }
    }
    return html;
}

} // namespace portico::ui
