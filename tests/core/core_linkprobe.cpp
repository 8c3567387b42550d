// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
// Links every part of portico_core that a headless program would use.
#include "core/secrets/keychainsecretstore.h"
#include "core/settings/settings.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    portico::core::KeychainSecretStore store(u"portico-linkprobe"_qs);
    portico::core::Settings settings(QCoreApplication::applicationDirPath() + u"/linkprobe.ini"_qs);
    return store.backend() == portico::core::SecretStore::Backend::Keychain ? 0 : 1;
}
