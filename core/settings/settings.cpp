// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#include "core/settings/settings.h"

#include "core/common/logging.h"
#include "core/common/privatefiles.h"

#include <QFile>
#include <QFileInfo>

namespace portico::core {

namespace {

const QString schemaKey = u"schemaVersion"_qs;

// Version 1 kept the window layout under "ui/"; version 2 groups it under "mainWindow/".
void moveKey(QSettings &settings, const QString &from, const QString &to)
{
    if (!settings.contains(from))
        return;
    settings.setValue(to, settings.value(from));
    settings.remove(from);
}

QList<Settings::Migration> builtInMigrations()
{
    return {
        { 1,
          [](QSettings &s) {
              moveKey(s, u"ui/geometry"_qs, u"mainWindow/geometry"_qs);
              moveKey(s, u"ui/windowState"_qs, u"mainWindow/state"_qs);
          } },
    };
}

} // namespace

Settings::Settings() : m_settings(std::make_unique<QSettings>())
{
    keepPrivate();
    migrateToCurrent();
}

Settings::Settings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    keepPrivate();
    migrateToCurrent();
}

void Settings::keepPrivate()
{
    // QSettings writes through a temporary file that takes the existing file's permissions: a
    // file that is there, private, before the first write stays private.
    const QString path = m_settings->fileName();
    if (auto directory = makePrivateDirectory(QFileInfo(path).absolutePath()); !directory) {
        qCWarning(lcSettings) << directory.error().message;
        return;
    }
    if (auto prepared = preparePrivateFile(path); !prepared)
        qCWarning(lcSettings) << prepared.error().message;
}

Settings::~Settings()
{
    m_settings->sync();
}

int Settings::currentSchemaVersion()
{
    return 2;
}

int Settings::schemaVersion() const
{
    return m_settings->value(schemaKey, 0).toInt();
}

Result<void> Settings::sync()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error::make(Error::Kind::Storage,
                           u"Could not write the settings file %1."_qs.arg(m_settings->fileName()));
    return {};
}

void Settings::migrateToCurrent()
{
    migrate(*m_settings, builtInMigrations(), currentSchemaVersion());
}

void Settings::migrate(QSettings &settings, const QList<Migration> &migrations, int targetVersion)
{
    int version = settings.value(schemaKey, 0).toInt();
    if (version == 0) {
        // A fresh file has nothing to migrate; a file without a version but with content is
        // the first schema.
        version = settings.allKeys().isEmpty() ? targetVersion : 1;
    }
    for (const Migration &migration : migrations) {
        if (migration.fromVersion >= version && migration.fromVersion < targetVersion) {
            qCInfo(lcSettings) << "Migrating settings from schema" << migration.fromVersion;
            migration.apply(settings);
            version = migration.fromVersion + 1;
        }
    }
    settings.setValue(schemaKey, std::max(version, targetVersion));
}

Error Settings::refuseSecret(const QString &name)
{
    qCWarning(lcSettings) << "Refused to store secret setting" << name;
    return Error::make(Error::Kind::Refused,
                       u"The setting %1 is a secret; secrets are kept in the keychain only."_qs.arg(
                           name));
}

} // namespace portico::core
