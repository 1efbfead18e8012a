#include "appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>
#include <QStandardPaths>

namespace mm {

namespace {

class SettingsText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::AppSettings)
};

const QString ProfilesArray = QStringLiteral("profiles/list");
const QString NameKey = QStringLiteral("name");
const QString UrlKey = QStringLiteral("gatewayUrl");
const QString PathKey = QStringLiteral("path");
const QString NamespaceKey = QStringLiteral("namespace");
const QString CaFileKey = QStringLiteral("caFile");
const QString AllowUnencryptedKey = QStringLiteral("allowUnencrypted");
const QString TokenFileKey = QStringLiteral("tokenFile");

// More profiles than anyone types in: a bound against a hostile file.
constexpr int MaxProfiles = 1000;

QString shownName(const QString &name)
{
    QString result;
    for (const QChar c : name.left(60))
        result += c.isPrint() ? c : QChar(0xFFFD);
    return result;
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(const QString &fileName)
    : m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QStringList AppSettings::ProfileLoad::problems() const
{
    QStringList result;
    for (const RejectedProfile &rejectedProfile : rejected)
        result.append(rejectedProfile.reason);
    return result;
}

AppSettings::ProfileLoad AppSettings::loadProfiles() const
{
    ProfileLoad result;
    const int stored = m_settings->beginReadArray(ProfilesArray);
    const int count = std::clamp(stored, 0, MaxProfiles);
    QSet<QString> names;
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = m_settings->value(NameKey).toString();
        // Tolerant parsing: StrictMode would turn a typo into an empty URL
        // and hide what the admin wrote; validation reports it instead.
        profile.gatewayUrl = QUrl(m_settings->value(UrlKey).toString(), QUrl::StrictMode);
        if (!profile.gatewayUrl.isValid())
            profile.gatewayUrl = QUrl(m_settings->value(UrlKey).toString(), QUrl::TolerantMode);
        profile.path = m_settings->value(PathKey, profile.path).toString();
        profile.nspace = m_settings->value(NamespaceKey, profile.nspace).toString();
        profile.caFile = m_settings->value(CaFileKey).toString();
        profile.allowUnencrypted = m_settings->value(AllowUnencryptedKey, false).toBool();
        profile.tokenFile = m_settings->value(TokenFileKey).toString();

        const QString label = profile.name.trimmed().isEmpty()
            ? SettingsText::tr("Profile #%1").arg(i + 1)
            : SettingsText::tr("Profile \"%1\"").arg(shownName(profile.name));
        const QString problems = profile.problemText();
        if (!problems.isEmpty()) {
            result.rejected.append(
                {profile, SettingsText::tr("%1 was skipped: %2").arg(label, problems)});
            continue;
        }
        if (names.contains(profile.name)) {
            result.rejected.append({profile,
                                    SettingsText::tr("%1 was skipped: another profile "
                                                     "has the same name.")
                                        .arg(label)});
            continue;
        }
        names.insert(profile.name);
        result.profiles.append(profile);
    }
    m_settings->endArray();
    if (stored > MaxProfiles) {
        result.rejected.append({ConnectionProfile(),
                                SettingsText::tr("Only the first %1 of %2 profiles were read.")
                                    .arg(MaxProfiles)
                                    .arg(stored)});
    }
    return result;
}

void AppSettings::saveProfiles(const QList<ConnectionProfile> &profiles)
{
    // Removing first also drops any key a hand-edited file added to an entry.
    m_settings->remove(ProfilesArray);
    m_settings->beginWriteArray(ProfilesArray, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(NameKey, profile.name);
        m_settings->setValue(UrlKey, profile.gatewayUrl.toString());
        m_settings->setValue(PathKey, profile.path);
        m_settings->setValue(NamespaceKey, profile.nspace);
        m_settings->setValue(CaFileKey, profile.caFile);
        m_settings->setValue(AllowUnencryptedKey, profile.allowUnencrypted);
        if (!profile.tokenFile.isEmpty())
            m_settings->setValue(TokenFileKey, profile.tokenFile);
    }
    m_settings->endArray();
}

QString AppSettings::historyPath() const
{
    const QString configured = value(settingkeys::HistoryLocation);
    if (!configured.isEmpty())
        return configured;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

bool AppSettings::sync(QString *error)
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        return true;
    case QSettings::AccessError:
        if (error)
            *error = SettingsText::tr("The settings file %1 cannot be written.").arg(fileName());
        return false;
    case QSettings::FormatError:
        if (error)
            *error = SettingsText::tr("The settings file %1 is malformed.").arg(fileName());
        return false;
    }
    return false;
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace mm
