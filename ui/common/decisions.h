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

// Test hook: the next confirm() answers `accepted` without showing anything.
void preAnswer(bool accepted);
// How many pre-answers are still queued (tests assert that every expected question was asked).
int pendingPreAnswers();

} // namespace decisions

} // namespace portico::ui
