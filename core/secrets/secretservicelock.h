// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <functional>

namespace portico::core {

// Asks the freedesktop Secret Service on the session bus (gnome-keyring, KeePassXC, KWallet's
// bridge) whether its default collection is locked. libsecret reports an item in a locked
// collection, and an unlock prompt the user cancelled, as "not found"; this tells "locked" apart
// from "nothing stored". `done` is called exactly once, later from the event loop and only while
// `context` lives, with false when there is no Secret Service, no default collection or no answer.
class SecretServiceLock final
{
public:
    static void probe(QObject *context, std::function<void(bool locked)> done);
};

} // namespace portico::core
