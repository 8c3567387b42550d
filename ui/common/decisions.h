// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace portico::ui {

// The one way to ask the user to decide something (regenerate a key, discard edits). It opens
// a window-modal box with open(), never exec(), and calls `done` from the event loop. Tests
// queue answers with preAnswer(); a queued answer is consumed instead of showing the box.
namespace decisions {

void confirm(QWidget *parent, const QString &title, const QString &text,
             const QString &acceptText, std::function<void(bool accepted)> done);

// A decision with a second way to go on besides the main one (e.g. "Cancel on the service and
// remove" or "Remove here only"). The box has the accept button, the alternative button
// (objectName decisionAlternativePushButton; none when alternativeText is empty, which is what
// confirm() asks) and Cancel, which is the default.
enum class Answer { Rejected, Accepted, Alternative };
void choose(QWidget *parent, const QString &title, const QString &text, const QString &acceptText,
            const QString &alternativeText, std::function<void(Answer answer)> done);

// Test hook: the next confirm() answers `accepted` without showing anything.
void preAnswer(bool accepted);
// Test hook: the next choose() (or confirm(), where Alternative is a refusal) answers `answer`.
void preAnswer(Answer answer);
// How many pre-answers are still queued (tests assert that every expected question was asked).
int pendingPreAnswers();

} // namespace decisions

} // namespace portico::ui
