// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0

// The policy editor's effective view against the real portico-local: the product scope between
// global and the API (apim-protocol.md §7), a parent that cannot be read, and a parent saved
// meanwhile.

#include "core/arm/armclient.h"
#include "core/arm/armrequest.h"
#include "core/auth/statictokenprovider.h"
#include "tests/ui/publishertestbed.h"
#include "ui/common/bannerwidget.h"
#include "ui/publisher/effectivescopebar.h"
#include "ui/publisher/policyeditor.h"
#include "ui/publisher/publishercontroller.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace portico;

namespace {

const QString kService = test::localServiceId(u"effective"_qs);

QJsonObject policyBody(const QString &xml)
{
    return QJsonObject { { u"properties"_qs,
                           QJsonObject { { u"format"_qs, u"rawxml"_qs }, { u"value"_qs, xml } } } };
}

QString policyWithHeader(const QString &name)
{
    return u"<policies>\n  <inbound>\n    <base />\n    <set-header name=\""_qs + name
        + u"\" exists-action=\"override\">\n      <value>1</value>\n    </set-header>\n"
          "  </inbound>\n  <backend>\n    <base />\n  </backend>\n  <outbound>\n    <base />\n"
          "  </outbound>\n</policies>"_qs;
}

} // namespace

class tst_EffectivePolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void effectivePolicyOfAnApiInStarterShowsStartersLimits();
    void aParentThatCannotBeReadIsSaidNotLeftOut();
    void savingAParentScopeRefreshesTheEffectiveView();

private:
    core::Result<QJsonObject> call(core::ArmRequest request) { return m_bed.call(std::move(request), this); }
    int gatewayGet(const QString &path, const QByteArray &key);
    static QPlainTextEdit *showEffective(ui::PolicyEditor &editor)
    {
        auto *effective = editor.findChild<QPlainTextEdit *>(u"effectivePolicyPlainTextEdit"_qs);
        editor.findChild<QTabWidget *>(u"policyTabWidget"_qs)->setCurrentWidget(effective);
        return effective;
    }
    static ui::EffectiveScopeBar *scopeBar(ui::PolicyEditor &editor)
    {
        return editor.findChild<ui::EffectiveScopeBar *>(u"effectiveScopeBar"_qs);
    }
    static void choose(QComboBox *combo, const QString &text)
    {
        // As the user does it: open the list, pick the entry by keyboard.
        combo->setFocus();
        const int index = combo->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        while (combo->currentIndex() != index)
            QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    }

    test::PublisherTestBed m_bed;
};

void tst_EffectivePolicy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString problem = m_bed.start(u"effective"_qs, this);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (const QString &api : { u"alpha"_qs, u"beta"_qs }) {
        QVERIFY(call(core::ArmRequest::put(kService + u"/apis/"_qs + api, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"displayName"_qs, QString(api.toUpper() + u" model"_qs) },
                                              { u"path"_qs, api }, { u"serviceUrl"_qs, u"http://127.0.0.1:9"_qs },
                                              { u"protocols"_qs, QJsonArray { u"http"_qs } } } } })).ok());
        QVERIFY(call(core::ArmRequest::put(kService + u"/apis/"_qs + api + u"/operations/score"_qs, QJsonObject {
            { u"properties"_qs, QJsonObject { { u"displayName"_qs, u"Score"_qs }, { u"method"_qs, u"GET"_qs },
                                              { u"urlTemplate"_qs, u"/score"_qs } } } })).ok());
        QVERIFY(call(core::ArmRequest::put(
            kService + u"/apis/"_qs + api + u"/operations/score/policies/policy"_qs,
            policyBody(u"<policies><inbound><base /><return-response><set-status code=\"200\" reason=\"OK\" />"
                       "</return-response></inbound><backend><base /></backend><outbound><base /></outbound>"
                       "</policies>"_qs))).ok());
    }
}

void tst_EffectivePolicy::cleanupTestCase()
{
    m_bed.stop();
}

int tst_EffectivePolicy::gatewayGet(const QString &path, const QByteArray &key)
{
    QUrl url = m_bed.local().gatewayUrl();
    url.setPath(u'/' + kService.section(u'/', -1) + path);
    QNetworkRequest request(url);
    request.setRawHeader("Ocp-Apim-Subscription-Key", key);
    QNetworkReply *reply = m_bed.network().get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return -1;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void tst_EffectivePolicy::effectivePolicyOfAnApiInStarterShowsStartersLimits()
{
    // API alpha in the seeded Starter product; a Starter subscriber meets its rate limit.
    QVERIFY(call(core::ArmRequest::put(kService + u"/products/starter/apis/alpha"_qs, QJsonObject())).ok());
    QVERIFY(call(core::ArmRequest::put(kService + u"/subscriptions/starter-sub"_qs, QJsonObject {
        { u"properties"_qs, QJsonObject { { u"scope"_qs, u"/products/starter"_qs },
                                          { u"displayName"_qs, u"Starter sub"_qs },
                                          { u"state"_qs, u"active"_qs } } } })).ok());
    const auto secrets = call(core::ArmRequest::post(kService + u"/subscriptions/starter-sub/listSecrets"_qs));
    QVERIFY(secrets.ok());
    const QByteArray key = secrets->value(u"primaryKey"_qs).toString().toUtf8();
    QList<int> statuses;
    for (int i = 0; i < 6; ++i)
        statuses << gatewayGet(u"/alpha/score"_qs, key);
    QCOMPARE(statuses.last(), 429);

    for (const QString &scope : { u"/apis/alpha/operations/score"_qs, u"/apis/alpha"_qs }) {
        ui::PolicyEditor editor;
        editor.resize(900, 700);
        editor.show();
        m_bed.controller()->attachPolicyEditor(&editor, scope, u"Scope "_qs + scope);
        QPlainTextEdit *effective = showEffective(editor);
        ui::EffectiveScopeBar *bar = scopeBar(editor);
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(!bar->isLoading() && effective->toPlainText().contains(u"forward-request"_qs),
                                 10000);
        QVERIFY(bar->isVisible());
        const QString text = effective->toPlainText();
        // Starter's limits, marked as coming from the product, before the operation's own part.
        QVERIFY2(text.contains(u"<rate-limit calls=\"5\" renewal-period=\"60\""_qs), qPrintable(text));
        QVERIFY2(text.contains(u"<quota calls=\"100\""_qs), qPrintable(text));
        QVERIFY2(text.contains(u"inherited from Product Starter"_qs), qPrintable(text));
        auto *product = editor.findChild<QComboBox *>(u"effectiveProductComboBox"_qs);
        QCOMPARE(product->currentText(), u"Starter"_qs);
        const QString assumption = editor.findChild<QLabel *>(u"effectiveAssumptionLabel"_qs)->text();
        QVERIFY2(assumption.contains(u"Starter"_qs), qPrintable(assumption));

        // A caller with an all-APIs subscription: no product policy, and the view says so.
        choose(product, u"No product (a subscription to all APIs or to this API)"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(!effective->toPlainText().contains(u"rate-limit"_qs), 10000);
        QTRY_VERIFY(!bar->isLoading());
        QVERIFY2(effective->toPlainText().contains(u"forward-request"_qs), qPrintable(effective->toPlainText()));
        QVERIFY(!effective->toPlainText().contains(u"Product Starter"_qs));
        const QString none = editor.findChild<QLabel *>(u"effectiveAssumptionLabel"_qs)->text();
        QVERIFY2(none.contains(u"no product policy applies"_qs), qPrintable(none));

        // The choice is shown with the effective view only.
        editor.findChild<QTabWidget *>(u"policyTabWidget"_qs)->setCurrentIndex(0);
        QVERIFY(!bar->isVisible());
    }

    // An API in no product: nothing to pick, and the view says why there is no product part.
    ui::PolicyEditor editor;
    editor.show();
    m_bed.controller()->attachPolicyEditor(&editor, u"/apis/beta"_qs, u"API beta"_qs);
    showEffective(editor);
    QTRY_VERIFY_WITH_TIMEOUT(!scopeBar(editor)->isLoading()
                                 && editor.findChild<QLabel *>(u"effectiveAssumptionLabel"_qs)->text().contains(
                                     u"is in no product"_qs),
                             10000);
    QCOMPARE(editor.findChild<QComboBox *>(u"effectiveProductComboBox"_qs)->count(), 1);
}

void tst_EffectivePolicy::aParentThatCannotBeReadIsSaidNotLeftOut()
{
    // Same service through a client whose sign-in can expire.
    core::StaticTokenProvider tokens(m_bed.local().token());
    core::ArmClient client(&m_bed.network(), m_bed.local().managementUrl(), &tokens);
    ui::PublisherController controller(&client, &m_bed.operations());
    controller.setService(kService);
    ui::PolicyEditor editor;
    editor.resize(900, 700);
    editor.show();
    controller.attachPolicyEditor(&editor, u"/apis/alpha/operations/score"_qs, u"Operation score"_qs);
    QPlainTextEdit *effective = showEffective(editor);
    ui::EffectiveScopeBar *bar = scopeBar(editor);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isLoading() && effective->toPlainText().contains(u"forward-request"_qs), 10000);
    auto *banner = editor.findChild<ui::BannerWidget *>(u"effectiveParentsBannerWidget"_qs);
    QVERIFY(!banner->isVisible());

    // The sign-in expires; the user picks another product: the parents cannot be read.
    tokens.setToken(u"expired-token"_qs);
    choose(editor.findChild<QComboBox *>(u"effectiveProductComboBox"_qs),
           u"No product (a subscription to all APIs or to this API)"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY2(banner->text().startsWith(u"The effective policy above is incomplete"_qs), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"Global: "_qs), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(u"API alpha: "_qs), qPrintable(banner->text()));
    // The view marks where the unread parts belong instead of "no parent scope".
    QTRY_VERIFY(effective->toPlainText().contains(u"inherited from API alpha (could not be read)"_qs));
    QVERIFY2(!effective->toPlainText().contains(u"no parent scope"_qs), qPrintable(effective->toPlainText()));

    // Signed in again, Retry: the whole chain is back and the banner gone.
    tokens.setToken(m_bed.local().token());
    auto *retry = banner->findChild<QPushButton *>(u"bannerRetryPushButton"_qs);
    QVERIFY(retry && retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isLoading() && effective->toPlainText().contains(u"forward-request"_qs), 10000);
    QVERIFY(!banner->isVisible());
}

void tst_EffectivePolicy::savingAParentScopeRefreshesTheEffectiveView()
{
    ui::PolicyEditor operation;
    operation.show();
    m_bed.controller()->attachPolicyEditor(&operation, u"/apis/beta/operations/score"_qs, u"Operation score"_qs);
    QPlainTextEdit *effective = showEffective(operation);
    QTRY_VERIFY_WITH_TIMEOUT(!scopeBar(operation)->isLoading()
                                 && effective->toPlainText().contains(u"forward-request"_qs),
                             10000);
    QVERIFY(!effective->toPlainText().contains(u"X-From-Api"_qs));

    // The API's policy is saved in another editor of the same console.
    ui::PolicyEditor api;
    api.show();
    m_bed.controller()->attachPolicyEditor(&api, u"/apis/beta"_qs, u"API beta"_qs);
    auto *text = api.findChild<QPlainTextEdit *>(u"policyPlainTextEdit"_qs);
    QTRY_VERIFY_WITH_TIMEOUT(api.isLoaded() && text->toPlainText().contains(u"<policies"_qs), 10000);
    text->setPlainText(policyWithHeader(u"X-From-Api"_qs));
    QTest::mouseClick(api.findChild<QPushButton *>(u"policySavePushButton"_qs), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!api.isDirty(), 10000);

    QTRY_VERIFY_WITH_TIMEOUT(effective->toPlainText().contains(u"X-From-Api"_qs), 10000);
}

QTEST_MAIN(tst_EffectivePolicy)
#include "tst_effectivepolicy.moc"
