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

QQueue<bool> &queuedAnswers()
{
    static QQueue<bool> answers;
    return answers;
}

} // namespace

void confirm(QWidget *parent, const QString &title, const QString &text,
             const QString &acceptText, std::function<void(bool accepted)> done)
{
    if (!queuedAnswers().isEmpty()) {
        const bool answer = queuedAnswers().dequeue();
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
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"decisionCancelPushButton"_qs);
    box->setDefaultButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box,
                     [box, accept, done = std::move(done)](int) {
                         done(box->clickedButton() == accept);
                     });
    box->open();
}

void preAnswer(bool accepted)
{
    queuedAnswers().enqueue(accepted);
}

int pendingPreAnswers()
{
    return queuedAnswers().size();
}

} // namespace portico::ui::decisions
