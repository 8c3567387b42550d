// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/common/decisions.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QQueue>
#include <QTimer>

namespace portico::ui::decisions {

namespace {

QQueue<Answer> &queuedAnswers()
{
    static QQueue<Answer> answers;
    return answers;
}

} // namespace

void choose(QWidget *parent, const QString &title, const QString &text, const QString &acceptText,
            const QString &alternativeText, std::function<void(Answer answer)> done)
{
    if (!queuedAnswers().isEmpty()) {
        const Answer answer = queuedAnswers().dequeue();
        QPointer<QWidget> guard(parent);
        QTimer::singleShot(0, parent, [guard, answer, done = std::move(done)] {
            if (guard)
                done(answer);
        });
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(u"decisionMessageBox"_qs);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = box->addButton(acceptText, QMessageBox::AcceptRole);
    accept->setObjectName(u"decisionAcceptPushButton"_qs);
    QPushButton *alternative = nullptr;
    if (!alternativeText.isEmpty()) {
        alternative = box->addButton(alternativeText, QMessageBox::DestructiveRole);
        alternative->setObjectName(u"decisionAlternativePushButton"_qs);
    }
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"decisionCancelPushButton"_qs);
    box->setDefaultButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, accept, alternative, done = std::move(done)](int) {
                         QAbstractButton *clicked = box->clickedButton();
                         done(clicked == accept ? Answer::Accepted
                                  : clicked && clicked == alternative ? Answer::Alternative
                                                                      : Answer::Rejected);
                     });
    box->open();
}

void confirm(QWidget *parent, const QString &title, const QString &text,
             const QString &acceptText, std::function<void(bool accepted)> done)
{
    choose(parent, title, text, acceptText, QString(),
           [done = std::move(done)](Answer answer) { done(answer == Answer::Accepted); });
}

void preAnswer(bool accepted)
{
    queuedAnswers().enqueue(accepted ? Answer::Accepted : Answer::Rejected);
}

void preAnswer(Answer answer)
{
    queuedAnswers().enqueue(answer);
}

int pendingPreAnswers()
{
    return queuedAnswers().size();
}

} // namespace portico::ui::decisions
