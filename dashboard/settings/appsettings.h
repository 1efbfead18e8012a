#pragma once

#include "settings/connectionprofile.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace mm {

// A typed settings key: its QSettings name, the value used when the key is
// absent or holds something unusable, and an optional range check.
template<typename T> struct SettingKey
{
    const char *name;
    T defaultValue;
    bool (*isAcceptable)(const T &) = nullptr;
};

namespace settingkeys {

inline bool nonNegativeUpToCentury(const int &value)
{
    return value >= 0 && value <= 100 * 366 * 24;
}

// Empty: the default location (AppSettings::historyPath()).
inline const SettingKey<QString> HistoryLocation {"history/location", QString()};
// 0 keeps them forever (as the recorder's --raw-retention / --rollup-retention).
inline const SettingKey<int> RawRetentionHours {"history/rawRetentionHours", 24,
                                                &nonNegativeUpToCentury};
inline const SettingKey<int> RollupRetentionDays {"history/rollupRetentionDays", 90,
                                                  &nonNegativeUpToCentury};
// The alert rules as the alerts module's JSON; empty: its built-in rules.
inline const SettingKey<QString> AlertRulesJson {"alerts/rulesJson", QString()};
inline const SettingKey<bool> NotificationsEnabled {"notifications/enabled", true};
inline const SettingKey<bool> NotifyCriticalOnly {"notifications/criticalOnly", false};
inline const SettingKey<int> NotificationRepeatMinutes {
    "notifications/repeatMinutes", 30,
    [](const int &value) { return value >= 1 && value <= 24 * 60; }};
// A locale name ("vi", "en"); empty: follow the system.
inline const SettingKey<QString> Language {"ui/language", QString()};
inline const SettingKey<QByteArray> WindowGeometry {"window/geometry", QByteArray()};
inline const SettingKey<QByteArray> WindowState {"window/state", QByteArray()};
inline const SettingKey<QString> LastProfile {"profiles/lastUsed", QString()};
// The folder of the last export or saved chart (the file dialogs start there).
inline const SettingKey<QString> LastExportFolder {"export/lastFolder", QString()};

} // namespace settingkeys

// The application's settings on top of QSettings, with typed keys. Never
// holds the token: profiles carry none, and no key exists for one.
class AppSettings final
{
public:
    // The platform's settings for QCoreApplication's organisation and name.
    AppSettings();
    // An INI file at `fileName` (tests, portable installs).
    explicit AppSettings(const QString &fileName);
    ~AppSettings();

    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    template<typename T> T value(const SettingKey<T> &key) const
    {
        QVariant stored = m_settings->value(QString::fromLatin1(key.name));
        if (!stored.isValid() || !stored.convert(QMetaType::fromType<T>()))
            return key.defaultValue;
        T result = stored.value<T>();
        if (key.isAcceptable && !key.isAcceptable(result))
            return key.defaultValue;
        return result;
    }

    template<typename T> void setValue(const SettingKey<T> &key, const T &value)
    {
        m_settings->setValue(QString::fromLatin1(key.name), QVariant::fromValue(value));
    }

    template<typename T> void reset(const SettingKey<T> &key)
    {
        m_settings->remove(QString::fromLatin1(key.name));
    }

    struct RejectedProfile
    {
        ConnectionProfile profile; // as read, for the settings dialog to show
        QString reason; // which profile, which field, why
    };
    struct ProfileLoad
    {
        QList<ConnectionProfile> profiles; // valid ones, in stored order
        QList<RejectedProfile> rejected; // invalid or duplicate names
        QStringList problems() const;
    };

    // Invalid profiles are skipped with a reason; the others load. A
    // rejected profile stays in the file until saveProfiles() replaces it.
    ProfileLoad loadProfiles() const;
    // Replaces the stored list (the caller decides about rejected ones).
    void saveProfiles(const QList<ConnectionProfile> &profiles);

    // The history database: HistoryLocation, or the application data folder.
    QString historyPath() const;

    // Writes pending changes; false (with the reason) when the file cannot be
    // written or is malformed.
    bool sync(QString *error = nullptr);
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace mm
