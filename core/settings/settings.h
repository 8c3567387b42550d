// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/result.h"

#include <QSettings>
#include <QString>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <memory>

namespace portico::core {

// A setting's name, type and default. Keys marked Secret can be declared (so that code reads
// as what it means) but Settings refuses to store them: secrets belong in the SecretStore.
template <typename T>
struct SettingKey
{
    enum class Sensitivity { Plain, Secret };

    QString name;
    T defaultValue {};
    Sensitivity sensitivity = Sensitivity::Plain;

    bool isSecret() const { return sensitivity == Sensitivity::Secret; }
};

// Typed facade over QSettings with a schema version. Opening it runs every migration from the
// stored version up to currentSchemaVersion(), in order, and records the new version. QSettings
// writes its file through a temporary file and a rename, so a crash never leaves half a file.
// The file is the user's alone (0600, in a 0700 directory), also one an older version left
// readable to others.
class Settings final
{
public:
    // A migration from version N to N+1. It gets raw access to the backing store.
    struct Migration
    {
        int fromVersion = 0;
        std::function<void(QSettings &)> apply;
    };

    // Settings for the running application (QSettings' native location for "Portico").
    Settings();
    // Settings in an INI file; used by tests and by portable installs.
    explicit Settings(const QString &iniPath);
    ~Settings();

    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    static int currentSchemaVersion();
    int schemaVersion() const;

    template <typename T>
    T value(const SettingKey<T> &key) const
    {
        const QVariant stored = m_settings->value(key.name);
        if (!stored.isValid() || !stored.canConvert<T>())
            return key.defaultValue;
        return stored.value<T>();
    }

    template <typename T>
    [[nodiscard]] Result<void> setValue(const SettingKey<T> &key, const T &value)
    {
        if (key.isSecret())
            return refuseSecret(key.name);
        m_settings->setValue(key.name, QVariant::fromValue(value));
        return {};
    }

    template <typename T>
    void remove(const SettingKey<T> &key)
    {
        m_settings->remove(key.name);
    }

    // Writes pending changes to disk now and reports a failure to do so.
    [[nodiscard]] Result<void> sync();

    QString fileName() const { return m_settings->fileName(); }

    // For tests of the migration machinery: runs `migrations` instead of the built-in list.
    static void migrate(QSettings &settings, const QList<Migration> &migrations, int targetVersion);

private:
    void keepPrivate();
    void migrateToCurrent();
    static Error refuseSecret(const QString &name);

    std::unique_ptr<QSettings> m_settings;
};

// The keys Portico uses. Non-secret identity only: ids, names, URLs, layout.
namespace settingkeys {
inline const SettingKey<QByteArray> mainWindowGeometry { u"mainWindow/geometry"_qs, {} };
inline const SettingKey<QByteArray> mainWindowState { u"mainWindow/state"_qs, {} };
inline const SettingKey<QString> mode { u"mainWindow/mode"_qs, u"publisher"_qs };
inline const SettingKey<QString> language { u"ui/language"_qs, {} };
inline const SettingKey<QString> lastEnvironmentId { u"environments/last"_qs, {} };
// The ARM resource id of the service used last, in the environment used last (empty: none).
inline const SettingKey<QString> lastServiceId { u"environments/lastService"_qs, {} };
inline const SettingKey<QByteArray> environments { u"environments/list"_qs, {} };
} // namespace settingkeys

} // namespace portico::core
