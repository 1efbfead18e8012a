// Connection profiles and the typed application settings, on real INI files
// in a temporary directory.
#include "settings/appsettings.h"
#include "settings/connectionprofile.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace mm;

namespace {

const QString Canary = QStringLiteral("tok-CANARY-settings-9f3a77");

ConnectionProfile validProfile(const QString &name = QStringLiteral("Production"))
{
    ConnectionProfile profile;
    profile.name = name;
    profile.gatewayUrl = QUrl(QStringLiteral("wss://gw.example.org:8443"));
    return profile;
}

// A real self-signed CA certificate (openssl, P-256, valid until 2046).
const char *const TestCertificatePem
    = "-----BEGIN CERTIFICATE-----\n"
      "MIIBfzCCASWgAwIBAgIURzeYH9bN8en3cwnKo7xbJ+IK/DwwCgYIKoZIzj0EAwIw\n"
      "FTETMBEGA1UEAwwKbW0tdGVzdC1jYTAeFw0yNjExMjQwMzM1MTNaFw00NjExMTkw\n"
      "MzM1MTNaMBUxEzARBgNVBAMMCm1tLXRlc3QtY2EwWTATBgcqhkjOPQIBBggqhkjO\n"
      "PQMBBwNCAAQzoiJwrg8or0FepoVBoByxjP7p/qzkZJjPcdhd9/oz/bfGL6UnE5li\n"
      "Mb8YJLW5nC/jdvyLnbt5MMo9omN0t1wOo1MwUTAdBgNVHQ4EFgQUCAttffzCEvzc\n"
      "wk3DbTKRHJ3ftq0wHwYDVR0jBBgwFoAUCAttffzCEvzcwk3DbTKRHJ3ftq0wDwYD\n"
      "VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAoGP+HHMaObe+yknX+CsBb\n"
      "XolR9b43pOze1vsBazQ1jgIhAIxb8UJUezV+GLDWuA1PfOtdAmmeS5O1LyaQ3D6V\n"
      "Wa8l\n"
      "-----END CERTIFICATE-----\n";

bool hasProblemOn(const ConnectionProfile &profile, ConnectionProfile::Field field,
                  const QString &mentions)
{
    for (const auto &problem : profile.problems())
        if (problem.field == field && problem.message.contains(mentions, Qt::CaseInsensitive))
            return true;
    return false;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TEST(ConnectionProfile, ValidProfileHasNoProblems)
{
    const ConnectionProfile profile = validProfile();
    EXPECT_TRUE(profile.isValid()) << profile.problemText().toStdString();
    EXPECT_FALSE(profile.allowUnencrypted); // off by default
}

TEST(ConnectionProfile, ProblemsNameTheFieldAndWhy)
{
    ConnectionProfile noName = validProfile(QString());
    EXPECT_TRUE(hasProblemOn(noName, ConnectionProfile::Field::Name, QStringLiteral("empty")));
    EXPECT_TRUE(noName.problemText().startsWith(QStringLiteral("Profile name")));

    ConnectionProfile controlName = validProfile(QStringLiteral("a\nb"));
    EXPECT_TRUE(
        hasProblemOn(controlName, ConnectionProfile::Field::Name, QStringLiteral("control")));

    ConnectionProfile badUrl = validProfile();
    badUrl.gatewayUrl = QUrl(QStringLiteral("ftp://gw.example.org"));
    EXPECT_TRUE(
        hasProblemOn(badUrl, ConnectionProfile::Field::GatewayUrl, QStringLiteral("scheme")));

    ConnectionProfile malformed = validProfile();
    malformed.gatewayUrl = QUrl(QStringLiteral("wss://bad host"), QUrl::StrictMode);
    EXPECT_TRUE(hasProblemOn(malformed, ConnectionProfile::Field::GatewayUrl,
                             QStringLiteral("not a valid URL")));

    ConnectionProfile plain = validProfile();
    plain.gatewayUrl = QUrl(QStringLiteral("ws://gw.example.org"));
    EXPECT_TRUE(
        hasProblemOn(plain, ConnectionProfile::Field::GatewayUrl, QStringLiteral("unencrypted")));
    plain.allowUnencrypted = true;
    EXPECT_TRUE(plain.isValid());

    ConnectionProfile badNamespace = validProfile();
    badNamespace.nspace = QStringLiteral("meeting-metrics");
    EXPECT_TRUE(
        hasProblemOn(badNamespace, ConnectionProfile::Field::Namespace, QStringLiteral("'/'")));
    badNamespace.nspace = QStringLiteral("/a,b");
    EXPECT_TRUE(
        hasProblemOn(badNamespace, ConnectionProfile::Field::Namespace, QStringLiteral("','")));
    badNamespace.nspace = QString();
    EXPECT_TRUE(
        hasProblemOn(badNamespace, ConnectionProfile::Field::Namespace, QStringLiteral("empty")));
    EXPECT_TRUE(badNamespace.problemText().startsWith(QStringLiteral("Namespace")));

    ConnectionProfile badPath = validProfile();
    badPath.path = QStringLiteral("/socket.io/?x=1");
    EXPECT_TRUE(hasProblemOn(badPath, ConnectionProfile::Field::Path, QStringLiteral("'?'")));
}

TEST(ConnectionProfile, CaFileMustExistBeReadableAndHoldACertificate)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ConnectionProfile profile = validProfile();

    profile.caFile = dir.filePath(QStringLiteral("missing.pem"));
    EXPECT_TRUE(
        hasProblemOn(profile, ConnectionProfile::Field::CaFile, QStringLiteral("does not exist")));
    EXPECT_TRUE(profile.problemText().contains(profile.caFile));

    profile.caFile = dir.path();
    EXPECT_TRUE(
        hasProblemOn(profile, ConnectionProfile::Field::CaFile, QStringLiteral("not a file")));

    const QString notACert = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(notACert);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("just some text\n");
    }
    profile.caFile = notACert;
    EXPECT_TRUE(hasProblemOn(profile, ConnectionProfile::Field::CaFile, QStringLiteral("no PEM")));

    const QString unreadable = dir.filePath(QStringLiteral("unreadable.pem"));
    {
        QFile file(unreadable);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(TestCertificatePem);
    }
    profile.caFile = unreadable;
    EXPECT_TRUE(profile.isValid()) << profile.problemText().toStdString();

    EXPECT_TRUE(checkCaFile(unreadable).isEmpty());
    EXPECT_TRUE(checkCaFile(notACert).contains(QStringLiteral("no PEM")));

    QFile::setPermissions(unreadable, QFileDevice::Permissions());
    QFile probe(unreadable);
    if (probe.open(QIODevice::ReadOnly)) {
        // root reads everything: the permission case cannot be made here.
        probe.close();
    } else {
        profile.caFile = unreadable;
        EXPECT_TRUE(hasProblemOn(profile, ConnectionProfile::Field::CaFile,
                                 QStringLiteral("cannot be read")));
    }
}

TEST(ConnectionProfile, ToSocketIoConfigCarriesEveryField)
{
    ConnectionProfile profile = validProfile();
    profile.path = QStringLiteral("/gw/socket.io/");
    profile.nspace = QStringLiteral("/admin");
    profile.caFile = QStringLiteral("/etc/ssl/company-ca.pem");
    profile.allowUnencrypted = true;
    const SocketIoConfig config = profile.toSocketIoConfig(Canary);
    EXPECT_EQ(config.gatewayUrl, profile.gatewayUrl);
    EXPECT_EQ(config.path, profile.path);
    EXPECT_EQ(config.nspace, profile.nspace);
    EXPECT_EQ(config.caFile, profile.caFile);
    EXPECT_TRUE(config.allowUnencrypted);
    EXPECT_EQ(config.token, Canary);
}

TEST(AppSettings, TypedKeysFallBackToDefaults)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings settings(file);
        EXPECT_EQ(settings.value(settingkeys::RawRetentionHours), 24);
        EXPECT_EQ(settings.value(settingkeys::RollupRetentionDays), 90);
        EXPECT_TRUE(settings.value(settingkeys::NotificationsEnabled));
        EXPECT_TRUE(settings.value(settingkeys::Language).isEmpty());
        EXPECT_TRUE(settings.value(settingkeys::WindowGeometry).isEmpty());

        settings.setValue(settingkeys::RawRetentionHours, 48);
        settings.setValue(settingkeys::Language, QStringLiteral("vi"));
        settings.setValue(settingkeys::NotificationsEnabled, false);
        settings.setValue(settingkeys::WindowGeometry, QByteArray("\x01\x02\x00\xff", 4));
        settings.setValue(settingkeys::AlertRulesJson, QStringLiteral("{\"rules\":[]}"));
        ASSERT_TRUE(settings.sync());
    }
    {
        AppSettings settings(file);
        EXPECT_EQ(settings.value(settingkeys::RawRetentionHours), 48);
        EXPECT_EQ(settings.value(settingkeys::Language), QStringLiteral("vi"));
        EXPECT_FALSE(settings.value(settingkeys::NotificationsEnabled));
        EXPECT_EQ(settings.value(settingkeys::WindowGeometry), QByteArray("\x01\x02\x00\xff", 4));
        EXPECT_EQ(settings.value(settingkeys::AlertRulesJson), QStringLiteral("{\"rules\":[]}"));
    }
    {
        // Hand-edited nonsense and out-of-range values read as the defaults.
        QSettings raw(file, QSettings::IniFormat);
        raw.setValue(QStringLiteral("history/rawRetentionHours"), QStringLiteral("lots"));
        raw.setValue(QStringLiteral("history/rollupRetentionDays"), -5);
        raw.setValue(QStringLiteral("notifications/repeatMinutes"), 0);
    }
    AppSettings settings(file);
    EXPECT_EQ(settings.value(settingkeys::RawRetentionHours), 24);
    EXPECT_EQ(settings.value(settingkeys::RollupRetentionDays), 90);
    EXPECT_EQ(settings.value(settingkeys::NotificationRepeatMinutes), 30);
    settings.reset(settingkeys::Language);
    EXPECT_TRUE(settings.value(settingkeys::Language).isEmpty());
}

TEST(AppSettings, HistoryPathDefaultsToTheDataFolder)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    EXPECT_TRUE(settings.historyPath().endsWith(QStringLiteral("/history.sqlite")));
    settings.setValue(settingkeys::HistoryLocation, dir.filePath(QStringLiteral("h.db")));
    EXPECT_EQ(settings.historyPath(), dir.filePath(QStringLiteral("h.db")));
}

TEST(AppSettings, ProfilesRoundTripAndLastUsed)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    ConnectionProfile local = validProfile(QStringLiteral("Local"));
    local.gatewayUrl = QUrl(QStringLiteral("ws://127.0.0.1:3000"));
    local.nspace = QStringLiteral("/admin");
    ConnectionProfile lab = validProfile(QStringLiteral("Lab (cleartext)"));
    lab.gatewayUrl = QUrl(QStringLiteral("ws://10.0.0.7:3000"));
    lab.allowUnencrypted = true;
    {
        AppSettings settings(file);
        settings.saveProfiles({validProfile(), local, lab});
        settings.setValue(settingkeys::LastProfile, QStringLiteral("Local"));
        ASSERT_TRUE(settings.sync());
    }
    AppSettings settings(file);
    const AppSettings::ProfileLoad load = settings.loadProfiles();
    EXPECT_TRUE(load.rejected.isEmpty()) << load.problems().join(QLatin1Char('\n')).toStdString();
    ASSERT_EQ(load.profiles.size(), 3);
    EXPECT_EQ(load.profiles.at(0), validProfile());
    EXPECT_EQ(load.profiles.at(1), local);
    EXPECT_EQ(load.profiles.at(2), lab);
    EXPECT_EQ(settings.value(settingkeys::LastProfile), QStringLiteral("Local"));
}

TEST(AppSettings, InvalidProfilesAreSkippedWithAReasonAndTheOthersLoad)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    ConnectionProfile malformed = validProfile(QStringLiteral("Broken URL"));
    malformed.gatewayUrl = QUrl(QStringLiteral("wss//gw.example.org"));
    ConnectionProfile missingCa = validProfile(QStringLiteral("Missing CA"));
    missingCa.caFile = dir.filePath(QStringLiteral("gone.pem"));
    ConnectionProfile badNamespace = validProfile(QStringLiteral("Bad namespace"));
    badNamespace.nspace = QStringLiteral("admin");
    ConnectionProfile remotePlain = validProfile(QStringLiteral("Remote plain"));
    remotePlain.gatewayUrl = QUrl(QStringLiteral("ws://192.0.2.10"));
    {
        AppSettings settings(file);
        settings.saveProfiles({malformed, validProfile(QStringLiteral("Good 1")), missingCa,
                               badNamespace, remotePlain, validProfile(QStringLiteral("Good 1")),
                               validProfile(QStringLiteral("Good 2"))});
        ASSERT_TRUE(settings.sync());
    }
    const AppSettings::ProfileLoad load = AppSettings(file).loadProfiles();
    ASSERT_EQ(load.profiles.size(), 2);
    EXPECT_EQ(load.profiles.at(0).name, QStringLiteral("Good 1"));
    EXPECT_EQ(load.profiles.at(1).name, QStringLiteral("Good 2"));
    const QStringList problems = load.problems();
    ASSERT_EQ(problems.size(), 5) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems.at(0).contains(QStringLiteral("Broken URL")));
    EXPECT_TRUE(problems.at(0).contains(QStringLiteral("Gateway URL")));
    EXPECT_TRUE(problems.at(1).contains(QStringLiteral("Missing CA")));
    EXPECT_TRUE(problems.at(1).contains(QStringLiteral("CA file")));
    EXPECT_TRUE(problems.at(1).contains(QStringLiteral("does not exist")));
    EXPECT_TRUE(problems.at(2).contains(QStringLiteral("Namespace")));
    EXPECT_TRUE(problems.at(3).contains(QStringLiteral("unencrypted")));
    EXPECT_TRUE(problems.at(4).contains(QStringLiteral("same name")));
    // What was rejected is handed back, for the settings dialog to show.
    EXPECT_EQ(load.rejected.at(1).profile.caFile, missingCa.caFile);
}

TEST(AppSettings, GarbageFileStillLoadsTheUsableProfiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        QFile raw(file);
        ASSERT_TRUE(raw.open(QIODevice::WriteOnly));
        raw.write("[profiles]\nlist\\size=999999999\n"
                  "list\\1\\name=Good\nlist\\1\\gatewayUrl=wss://gw.example.org\n"
                  "list\\2\\name=\nlist\\2\\gatewayUrl=\x01\x02garbage\n"
                  "list\\3\\name=Evil\\n\\x1b[31m\nlist\\3\\gatewayUrl=wss://x.example\n");
    }
    const AppSettings::ProfileLoad load = AppSettings(file).loadProfiles();
    ASSERT_GE(load.profiles.size(), 1);
    EXPECT_EQ(load.profiles.at(0).name, QStringLiteral("Good"));
    for (const QString &problem : load.problems())
        EXPECT_FALSE(problem.contains(QChar(0x1b))) << problem.toStdString();
    EXPECT_TRUE(load.problems().last().contains(QStringLiteral("Only the first")));
}

TEST(AppSettings, TheTokenNeverReachesTheSettingsFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings settings(file);
        ConnectionProfile profile = validProfile();
        // The way the application uses a profile with its token...
        const SocketIoConfig config = profile.toSocketIoConfig(Canary);
        ASSERT_EQ(config.token, Canary);
        // ...and everything it saves afterwards.
        settings.saveProfiles({profile});
        settings.setValue(settingkeys::LastProfile, profile.name);
        settings.setValue(settingkeys::WindowState, QByteArray("state"));
        ASSERT_TRUE(settings.sync());
    }
    {
        // A hand-edited token in a profile entry is dropped on the next save.
        QSettings raw(file, QSettings::IniFormat);
        raw.setValue(QStringLiteral("profiles/list/1/token"), Canary);
    }
    {
        AppSettings settings(file);
        const auto load = settings.loadProfiles();
        ASSERT_EQ(load.profiles.size(), 1);
        settings.saveProfiles(load.profiles);
        ASSERT_TRUE(settings.sync());
    }
    const QByteArray text = readAll(file);
    ASSERT_FALSE(text.isEmpty());
    EXPECT_TRUE(text.contains("gw.example.org")); // the right file was read
    EXPECT_FALSE(text.contains(Canary.toUtf8()));
    EXPECT_FALSE(text.contains("token"));
}
