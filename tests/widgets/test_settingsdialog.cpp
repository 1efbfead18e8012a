// Issue 6 in the window, offscreen: the settings dialog on a temporary INI
// file, the connect dialog's rules and token handling, profiles switching
// the real client between two in-process demo gateways, and the status
// bar's unencrypted warning.
#include "connectdialog.h"
#include "connectionstatuswidget.h"
#include "demogateway.h"
#include "fleetsimulator.h"
#include "mainwindow.h"
#include "security/tokenstore.h"
#include "settings/appsettings.h"
#include "settingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QDir>
#include <QPixmap>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace mm;

namespace {

template<typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ConnectionProfile profileFor(const QString &name, const DemoGateway &demo)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.gatewayUrl = demo.url();
    profile.path = demo.path();
    profile.nspace = demo.nspace();
    return profile;
}

QAction *profileAction(MainWindow &window, const QString &name)
{
    for (QAction *action : window.profilesMenu()->actions())
        if (action->text() == name)
            return action;
    return nullptr;
}

} // namespace

TEST(SettingsDialogTest, AddEditRemoveProfilesPersist)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        AppSettings settings(file);
        SettingsDialog dialog(settings);
        auto *list = child<QListWidget>(&dialog, "profileList");
        ASSERT_NE(list, nullptr);
        EXPECT_EQ(list->count(), 0);

        child<QPushButton>(&dialog, "addProfile")->click();
        child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("Production"));
        child<QLineEdit>(&dialog, "profileUrl")->setText(QStringLiteral("wss://gw.example.org"));
        child<QPushButton>(&dialog, "addProfile")->click();
        child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("Lab"));
        child<QLineEdit>(&dialog, "profileUrl")->setText(QStringLiteral("ws://10.1.2.3:3000"));
        // ws:// to another computer: refused until allowed, and said so.
        EXPECT_TRUE(child<QLabel>(&dialog, "profileProblems")->text().contains(
            QStringLiteral("Gateway URL")));
        child<QCheckBox>(&dialog, "profileAllowUnencrypted")->setChecked(true);
        EXPECT_TRUE(child<QLabel>(&dialog, "profileProblems")->isHidden());
        child<QLineEdit>(&dialog, "profileNamespace")->setText(QStringLiteral("/lab"));
        EXPECT_EQ(list->count(), 2);
        EXPECT_EQ(list->item(1)->text(), QStringLiteral("Lab"));

        child<QSpinBox>(&dialog, "rawRetention")->setValue(48);
        child<QCheckBox>(&dialog, "notificationsEnabled")->setChecked(false);
        auto *language = child<QComboBox>(&dialog, "language");
        language->setCurrentIndex(language->findData(QStringLiteral("vi")));
        QString error;
        ASSERT_TRUE(dialog.apply(&error)) << qPrintable(error);
    }
    {
        AppSettings settings(file);
        const AppSettings::ProfileLoad load = settings.loadProfiles();
        ASSERT_EQ(load.profiles.size(), 2);
        EXPECT_TRUE(load.rejected.isEmpty());
        EXPECT_EQ(load.profiles.at(0).name, QStringLiteral("Production"));
        EXPECT_EQ(load.profiles.at(1).gatewayUrl, QUrl(QStringLiteral("ws://10.1.2.3:3000")));
        EXPECT_TRUE(load.profiles.at(1).allowUnencrypted);
        EXPECT_EQ(load.profiles.at(1).nspace, QStringLiteral("/lab"));
        EXPECT_EQ(settings.value(settingkeys::RawRetentionHours), 48);
        EXPECT_FALSE(settings.value(settingkeys::NotificationsEnabled));
        EXPECT_EQ(settings.value(settingkeys::Language), QStringLiteral("vi"));

        // Edit one, remove the other.
        SettingsDialog dialog(settings);
        auto *list = child<QListWidget>(&dialog, "profileList");
        ASSERT_EQ(list->count(), 2);
        list->setCurrentRow(0);
        child<QLineEdit>(&dialog, "profileUrl")->setText(QStringLiteral("wss://gw2.example.org"));
        list->setCurrentRow(1);
        child<QPushButton>(&dialog, "removeProfile")->click();
        EXPECT_EQ(list->count(), 1);
        ASSERT_TRUE(dialog.apply());
    }
    AppSettings settings(file);
    const AppSettings::ProfileLoad load = settings.loadProfiles();
    ASSERT_EQ(load.profiles.size(), 1);
    EXPECT_EQ(load.profiles.at(0).gatewayUrl, QUrl(QStringLiteral("wss://gw2.example.org")));
}

TEST(SettingsDialogTest, MalformedUrlIsRejectedWithTheFieldNamed)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    AppSettings settings(file);
    SettingsDialog dialog(settings);
    child<QPushButton>(&dialog, "addProfile")->click();
    child<QLineEdit>(&dialog, "profileName")->setText(QStringLiteral("Broken"));
    child<QLineEdit>(&dialog, "profileUrl")->setText(QStringLiteral("wss://bad host:99999"));
    QString error;
    EXPECT_FALSE(dialog.apply(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("Broken"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("Gateway URL"))) << qPrintable(error);
    EXPECT_EQ(dialog.applyError(), error);
    // OK keeps the dialog open and writes nothing.
    dialog.show();
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(AppSettings(file).loadProfiles().profiles.isEmpty());

    // A missing CA file and an unreadable token file are named too.
    child<QLineEdit>(&dialog, "profileUrl")->setText(QStringLiteral("wss://gw.example.org"));
    child<QLineEdit>(&dialog, "profileCaFile")->setText(dir.filePath(QStringLiteral("no-ca.pem")));
    EXPECT_FALSE(dialog.apply(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("CA file"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("does not exist"))) << qPrintable(error);
    child<QLineEdit>(&dialog, "profileCaFile")->clear();
    child<QLineEdit>(&dialog, "profileTokenFile")
        ->setText(dir.filePath(QStringLiteral("no-token")));
    EXPECT_FALSE(dialog.apply(&error));
    EXPECT_TRUE(error.contains(QStringLiteral("Token file"))) << qPrintable(error);
    child<QLineEdit>(&dialog, "profileTokenFile")->clear();
    EXPECT_TRUE(dialog.apply(&error)) << qPrintable(error);
}

TEST(SettingsDialogTest, BadStoredProfileIsReportedAndTheOthersLoad)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        QFile ini(file);
        ASSERT_TRUE(ini.open(QIODevice::WriteOnly));
        ini.write("[profiles]\n"
                  "list\\size=2\n"
                  "list\\1\\name=Good\n"
                  "list\\1\\gatewayUrl=wss://gw.example.org\n"
                  "list\\2\\name=Missing CA\n"
                  "list\\2\\gatewayUrl=wss://gw.example.org\n"
                  "list\\2\\caFile=/nonexistent/ca.pem\n");
    }
    AppSettings settings(file);
    {
        // The dialog lists the bad one, marked, with the reason.
        SettingsDialog dialog(settings);
        auto *list = child<QListWidget>(&dialog, "profileList");
        ASSERT_EQ(list->count(), 2);
        EXPECT_TRUE(list->item(1)->text().contains(QStringLiteral("invalid")));
        EXPECT_TRUE(child<QLabel>(&dialog, "loadProblems")->text().contains(
            QStringLiteral("Missing CA")));
        EXPECT_FALSE(dialog.apply());
    }
    // The window reports it and offers the other.
    const SystemClock clock;
    MainWindow window(clock);
    window.setAppSettings(&settings);
    ASSERT_EQ(window.profiles().size(), 1);
    EXPECT_EQ(window.profiles().at(0).name, QStringLiteral("Good"));
    ASSERT_EQ(window.profileProblems().size(), 1);
    EXPECT_TRUE(window.profileProblems().at(0).contains(QStringLiteral("CA file")));
    auto *box = window.findChild<QMessageBox *>(QStringLiteral("profileProblemsBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(QStringLiteral("Missing CA")));
    EXPECT_NE(profileAction(window, QStringLiteral("Good")), nullptr);
    EXPECT_EQ(profileAction(window, QStringLiteral("Missing CA")), nullptr);
}

TEST(ConnectDialogTest, AppliesTheGatewayUrlPolicy)
{
    ConnectDialog dialog;
    auto *url = child<QLineEdit>(&dialog, "gatewayUrl");
    auto *allow = child<QCheckBox>(&dialog, "allowUnencrypted");
    url->setText(QStringLiteral("wss://bad host"));
    EXPECT_TRUE(dialog.validationError().startsWith(QStringLiteral("Gateway URL")))
        << qPrintable(dialog.validationError());
    url->setText(QStringLiteral("ws://10.0.0.7:3000"));
    EXPECT_TRUE(dialog.validationError().contains(QStringLiteral("unencrypted")));
    allow->setChecked(true);
    EXPECT_TRUE(dialog.validationError().isEmpty()) << qPrintable(dialog.validationError());
    url->setText(QStringLiteral("ws://127.0.0.1:3000"));
    allow->setChecked(false);
    EXPECT_TRUE(dialog.validationError().isEmpty());
    url->setText(QStringLiteral("wss://gw.example.org"));
    child<QLineEdit>(&dialog, "caFile")->setText(QStringLiteral("/nonexistent/ca.pem"));
    EXPECT_TRUE(dialog.validationError().startsWith(QStringLiteral("CA file")));

    // Without a keychain it says the token lives in memory for this run.
    dialog.setKeychainAvailable(false);
    EXPECT_FALSE(dialog.rememberToken());
    EXPECT_TRUE(child<QLabel>(&dialog, "tokenNote")->text().contains(QStringLiteral("memory")));
    // Every input has an accessible name.
    for (const char *name : {"gatewayUrl", "namespace", "path", "caFile", "token"})
        EXPECT_FALSE(child<QLineEdit>(&dialog, name)->accessibleName().isEmpty()) << name;
    dialog.setKeychainNotice(QStringLiteral("The keyring is locked, so the stored token cannot be "
                                            "read."));
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    // Grown to show every note whole.
    EXPECT_GE(dialog.height(), dialog.minimumSizeHint().height());
    const QPixmap picture = dialog.grab();
    EXPECT_FALSE(picture.isNull());
    if (const QString out = qEnvironmentVariable("MM_SCREENSHOT_DIR"); !out.isEmpty())
        picture.save(QDir(out).filePath(QStringLiteral("connect.png")));
}

TEST(SettingsDialogTest, ControlsHaveAccessibleNamesOrLabels)
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings);
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        // Named edits are ours; the spin boxes' inner editors are not.
        if (!edit->objectName().isEmpty() && !edit->objectName().startsWith(QLatin1String("qt_"))) {
            EXPECT_FALSE(edit->accessibleName().isEmpty()) << qPrintable(edit->objectName());
        }
    }
    for (QSpinBox *spin : dialog.findChildren<QSpinBox *>())
        EXPECT_FALSE(spin->accessibleName().isEmpty()) << qPrintable(spin->objectName());
}

TEST(MainWindowProfilesTest, SwitchingProfilesReconnectsTheClient)
{
    DemoGateway first(FleetConfig{});
    DemoGateway second(FleetConfig{});
    QString error;
    ASSERT_TRUE(first.start(&error)) << qPrintable(error);
    ASSERT_TRUE(second.start(&error)) << qPrintable(error);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    AppSettings settings(file);
    settings.saveProfiles({profileFor(QStringLiteral("First"), first),
                           profileFor(QStringLiteral("Second"), second)});
    // The tokens as the keychain would hold them (the in-memory store is
    // the application's own keychain-less store, not a stand-in).
    InMemoryTokenStore tokens;
    ASSERT_TRUE(waitForTokenJob(tokens.writeToken(tokenKeyForGateway(first.url()), first.token()))
                    .ok());
    ASSERT_TRUE(
        waitForTokenJob(tokens.writeToken(tokenKeyForGateway(second.url()), second.token()))
            .ok());

    const SystemClock clock;
    MainWindow window(clock);
    window.setTokenStore(&tokens);
    window.setAppSettings(&settings);
    window.show();
    ASSERT_EQ(window.profiles().size(), 2);

    QAction *firstAction = profileAction(window, QStringLiteral("First"));
    ASSERT_NE(firstAction, nullptr);
    firstAction->trigger();
    const QString firstEndpoint = first.url().toDisplayString();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusWidget()->stateText().startsWith(
                                 QStringLiteral("Connected to ") + firstEndpoint),
                             20000);
    EXPECT_EQ(window.currentProfileName(), QStringLiteral("First"));
    EXPECT_TRUE(profileAction(window, QStringLiteral("First"))->isChecked());

    profileAction(window, QStringLiteral("Second"))->trigger();
    const QString secondEndpoint = second.url().toDisplayString();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusWidget()->stateText().startsWith(
                                 QStringLiteral("Connected to ") + secondEndpoint),
                             20000);
    EXPECT_EQ(window.currentProfileName(), QStringLiteral("Second"));
    EXPECT_FALSE(profileAction(window, QStringLiteral("First"))->isChecked());
    EXPECT_TRUE(profileAction(window, QStringLiteral("Second"))->isChecked());
    // Remembered for the next start, and no token in the settings file.
    EXPECT_EQ(AppSettings(file).value(settingkeys::LastProfile), QStringLiteral("Second"));
    window.disconnectFromGateway();
    const QByteArray ini = readAll(file);
    EXPECT_FALSE(ini.contains(first.token().toUtf8()));
    EXPECT_FALSE(ini.contains(second.token().toUtf8()));
}

TEST(MainWindowProfilesTest, MissingTokenIsAskedForAndStored)
{
    DemoGateway demo(FleetConfig{});
    QString error;
    ASSERT_TRUE(demo.start(&error)) << qPrintable(error);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    AppSettings settings(file);
    settings.saveProfiles({profileFor(QStringLiteral("Demo"), demo)});
    InMemoryTokenStore keychain;

    const SystemClock clock;
    MainWindow window(clock);
    window.setTokenStore(&keychain);
    window.setAppSettings(&settings);
    window.show();
    window.connectToProfile(window.profiles().at(0));
    // No token stored: the dialog asks, and says so.
    QTRY_VERIFY_WITH_TIMEOUT(window.connectDialog() && window.connectDialog()->isVisible(), 5000);
    ConnectDialog *dialog = window.connectDialog();
    EXPECT_TRUE(dialog->keychainNotice().contains(QStringLiteral("No token is stored")))
        << qPrintable(dialog->keychainNotice());
    EXPECT_FALSE(window.isConnectionOpen());
    child<QLineEdit>(dialog, "token")->setText(demo.token());
    ASSERT_TRUE(dialog->rememberToken());
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusWidget()->stateText().startsWith(QStringLiteral("Connected")), 20000);
    // In the store under the gateway's key; never in the settings or the title.
    const TokenStoreResult stored
        = waitForTokenJob(keychain.readToken(tokenKeyForGateway(demo.url())));
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored.token, demo.token());
    EXPECT_FALSE(window.windowTitle().contains(demo.token()));
    window.disconnectFromGateway();
    settings.sync();
    EXPECT_FALSE(readAll(file).contains(demo.token().toUtf8()));

    // The next connection takes it from the store without asking.
    window.connectToProfile(window.profiles().at(0));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusWidget()->stateText().startsWith(QStringLiteral("Connected")), 20000);
    EXPECT_TRUE(window.connectDialog() == nullptr || !window.connectDialog()->isVisible());
}

TEST(MainWindowProfilesTest, UnencryptedRemoteWarningStaysWhileConnected)
{
    const SystemClock clock;
    MainWindow window(clock);
    window.show();
    SocketIoConfig config;
    // TEST-NET-1: never answers; the warning is about the choice, not the outcome.
    config.gatewayUrl = QUrl(QStringLiteral("ws://192.0.2.1:9"));
    config.allowUnencrypted = true;
    window.connectToGateway(config);
    EXPECT_TRUE(window.statusWidget()->securityWarningText().contains(
        QStringLiteral("Unencrypted")));
    window.onConnectionStateChanged(ConnectionState::WaitingRetry);
    window.onConnectionStateChanged(ConnectionState::Connecting);
    EXPECT_FALSE(window.statusWidget()->securityWarningText().isEmpty());
    window.disconnectFromGateway();
    EXPECT_TRUE(window.statusWidget()->securityWarningText().isEmpty());

    // Loopback ws:// is no warning.
    config.gatewayUrl = QUrl(QStringLiteral("ws://127.0.0.1:9"));
    config.allowUnencrypted = false;
    window.connectToGateway(config);
    EXPECT_TRUE(window.statusWidget()->securityWarningText().isEmpty());
    window.disconnectFromGateway();
}

TEST(MainWindowProfilesTest, SettingsActionHasItsShortcut)
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    const SystemClock clock;
    MainWindow window(clock);
    EXPECT_FALSE(window.settingsAction()->isEnabled());
    window.setAppSettings(&settings);
    EXPECT_TRUE(window.settingsAction()->isEnabled());
    EXPECT_EQ(window.settingsAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
}

// No session bus at all, so no Secret Service: the real keychain store says
// Unavailable, the dialog says the token stays in memory for this run, and
// the next connection in the same run does not ask again.
TEST(MainWindowProfilesTest, WithoutAKeychainTheTokenIsKeptInMemory)
{
    const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    const QByteArray savedDisplay = qgetenv("DISPLAY");
    qunsetenv("DISPLAY"); // no X11 autolaunch of a bus either
    DemoGateway demo(FleetConfig{});
    QString error;
    ASSERT_TRUE(demo.start(&error)) << qPrintable(error);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    AppSettings settings(file);
    settings.saveProfiles({profileFor(QStringLiteral("Demo"), demo)});
    KeychainTokenStore keychain(QStringLiteral("meeting-monitor-test"));

    const SystemClock clock;
    MainWindow window(clock);
    window.setTokenStore(&keychain);
    window.setAppSettings(&settings);
    window.show();
    window.connectToProfile(window.profiles().at(0));
    // At most the keychain's 5 s watchdog.
    QTRY_VERIFY_WITH_TIMEOUT(window.connectDialog() && window.connectDialog()->isVisible(), 8000);
    ConnectDialog *dialog = window.connectDialog();
    auto *note = child<QLabel>(dialog, "tokenNote");
    EXPECT_FALSE(dialog->rememberToken());
    EXPECT_TRUE(note->text().contains(QStringLiteral("memory for this run")))
        << qPrintable(note->text()) << " / " << qPrintable(dialog->keychainNotice());
    child<QLineEdit>(dialog, "token")->setText(demo.token());
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusWidget()->stateText().startsWith(QStringLiteral("Connected")), 20000);
    window.disconnectFromGateway();

    window.connectToProfile(window.profiles().at(0));
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusWidget()->stateText().startsWith(QStringLiteral("Connected")), 20000);
    EXPECT_TRUE(window.connectDialog() == nullptr || !window.connectDialog()->isVisible());
    window.disconnectFromGateway();
    settings.sync();
    EXPECT_FALSE(readAll(file).contains(demo.token().toUtf8()));
    if (!savedBus.isEmpty())
        qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);
    if (!savedDisplay.isEmpty())
        qputenv("DISPLAY", savedDisplay);
}

// wss:// to a server that answers in plain HTTP: the TLS handshake fails at
// once, the client does not retry, and the window explains it as a
// certificate/TLS problem with the reason, not as a refused token.
TEST(MainWindowProfilesTest, TlsFailureShowsTheReason)
{
    QTcpServer plain;
    ASSERT_TRUE(plain.listen(QHostAddress::LocalHost));
    QObject::connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
        while (QTcpSocket *socket = plain.nextPendingConnection())
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    const SystemClock clock;
    MainWindow window(clock);
    window.show();
    SocketIoConfig config;
    config.gatewayUrl = QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(plain.serverPort()));
    window.connectToGateway(config);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = window.findChild<QMessageBox *>(QStringLiteral("connectErrorBox")))
            && box->isVisible(),
        20000);
    EXPECT_TRUE(box->text().contains(QStringLiteral("certificate"))) << qPrintable(box->text());
    EXPECT_TRUE(box->text().contains(QStringLiteral("TLS"))) << qPrintable(box->text());
    EXPECT_FALSE(box->text().contains(QStringLiteral("Check the token")));
    EXPECT_TRUE(window.statusWidget()->stateText().contains(QStringLiteral("TLS check failed")))
        << qPrintable(window.statusWidget()->stateText());
    window.disconnectFromGateway();
}

// The dialog renders with a stored profile selected; MM_SCREENSHOT_DIR (for
// people checking the look) receives the pictures.
TEST(SettingsDialogTest, RendersEveryPage)
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    ConnectionProfile production;
    production.name = QStringLiteral("Production");
    production.gatewayUrl = QUrl(QStringLiteral("wss://gw.example.org:8443"));
    ConnectionProfile lab;
    lab.name = QStringLiteral("Lab (unencrypted)");
    lab.gatewayUrl = QUrl(QStringLiteral("ws://10.1.2.3:3000"));
    lab.allowUnencrypted = true;
    settings.saveProfiles({production, lab});
    settings.setValue(settingkeys::LastProfile, QStringLiteral("Production"));
    SettingsDialog dialog(settings);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *pages = child<QTabWidget>(&dialog, "settingsPages");
    const QString out = qEnvironmentVariable("MM_SCREENSHOT_DIR");
    for (int page = 0; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        const QPixmap picture = dialog.grab();
        ASSERT_FALSE(picture.isNull());
        if (!out.isEmpty())
            picture.save(QDir(out).filePath(QStringLiteral("settings-%1.png").arg(page)));
    }
    EXPECT_EQ(child<QListWidget>(&dialog, "profileList")->currentItem()->text(),
              QStringLiteral("Production"));
}
