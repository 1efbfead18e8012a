// Desktop notifications over D-Bus, observed through a fake
// org.freedesktop.Notifications service on a private session bus: run under
// dbus-run-session (see run-with-session-bus.sh), never on the user's bus.
#include "alertbanner.h"
#include "alertuitestutil.h"
#include "desktopnotifier.h"
#include "model/modelroles.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QVariantMap>

#include <gtest/gtest.h>

namespace mm::test {

// The notification server, as a test double that records what it was asked
// to show and can play the user's clicks back.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        QString appName;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(timeout)
        calls.append({appName, icon, summary, body, actions, hints});
        return uint(1000 + calls.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id) { emit NotificationClosed(id, 3); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

namespace {

const QString ServiceName = QStringLiteral("org.freedesktop.Notifications");
const QString ServicePath = QStringLiteral("/org/freedesktop/Notifications");

class DesktopNotifierTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!QDBusConnection::sessionBus().isConnected())
            GTEST_SKIP() << "no session bus: run under dbus-run-session";
        // Its own connection, so calls and signals really cross the bus.
        m_server = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notifications")));
        ASSERT_TRUE(m_server->isConnected());
    }
    void TearDown() override
    {
        if (m_server) {
            m_server->unregisterObject(ServicePath);
            m_server->unregisterService(ServiceName);
            QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications"));
        }
    }
    void registerService()
    {
        ASSERT_TRUE(m_server->registerObject(ServicePath, &fake,
                                             QDBusConnection::ExportAllSlots
                                                 | QDBusConnection::ExportAllSignals));
        ASSERT_TRUE(m_server->registerService(ServiceName));
    }

    FakeNotifications fake;
    std::unique_ptr<QDBusConnection> m_server;
};

const QString Meeting = QStringLiteral("m-1");
const QString User = QStringLiteral("u-<b>bold</b>&co");

// User "u-bold" is poor (critical poor-connection plus warnings), "u-ok"
// fine.
SampleBatch poorUser(const AlertWindow &w)
{
    return {alertSample(Meeting, User, 900, 20, Quality::Poor, w.clock.nowMs(),
                        QStringLiteral("<i>Mallory</i> & co")),
            alertSample(Meeting, QStringLiteral("u-ok"), 40, 0, Quality::Excellent,
                        w.clock.nowMs())};
}

TEST_F(DesktopNotifierTest, CriticalAlertNotifiesOnceWithActionsAndPlainText)
{
    registerService();
    AlertWindow w;
    w.run(30, [&] { return poorUser(w); });
    QTRY_COMPARE_WITH_TIMEOUT(fake.calls.size(), 1, 10000);
    // Still poor for another minute: no second notification.
    w.run(60, [&] { return poorUser(w); });
    QTest::qWait(200);
    ASSERT_EQ(fake.calls.size(), 1);

    const FakeNotifications::Call &call = fake.calls.first();
    EXPECT_FALSE(call.appName.isEmpty());
    EXPECT_EQ(call.icon, QStringLiteral("meeting-monitor"));
    EXPECT_TRUE(call.actions.contains(QStringLiteral("open")));
    EXPECT_TRUE(call.actions.contains(QStringLiteral("ack")));
    EXPECT_EQ(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
    // Markup never reaches the server as markup.
    for (const QString &text : {call.summary, call.body}) {
        EXPECT_FALSE(text.contains(QLatin1Char('<'))) << text.toStdString();
        EXPECT_FALSE(text.contains(QLatin1Char('>'))) << text.toStdString();
    }
    EXPECT_FALSE(call.summary.isEmpty());
    EXPECT_EQ(w.alerts()->notifier()->lastChannel(), DesktopNotifier::Channel::DBus);
    EXPECT_FALSE(w.alerts()->banner()->isVisible());
}

TEST_F(DesktopNotifierTest, AckActionAcknowledgesAndStopsReminders)
{
    registerService();
    AlertWindow w;
    w.run(30, [&] { return poorUser(w); });
    QTRY_COMPARE_WITH_TIMEOUT(fake.calls.size(), 1, 10000);
    const uint id = 1001;

    emit fake.ActionInvoked(id, QStringLiteral("ack"));
    const auto acknowledged = [&] {
        int count = 0;
        for (const Incident &incident : w.service()->engine().activeIncidents())
            count += incident.isAcknowledged() && incident.userId == User ? 1 : 0;
        return count;
    };
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged() > 0, 10000);

    // 31 minutes more of the same: an unacknowledged alert would remind.
    w.run(31 * 60, [&] { return poorUser(w); });
    QTest::qWait(300);
    EXPECT_EQ(fake.calls.size(), 1);
}

TEST_F(DesktopNotifierTest, OpenActionSelectsTheUsersRow)
{
    registerService();
    AlertWindow w;
    w.window.show();
    w.run(30, [&] { return poorUser(w); });
    QTRY_COMPARE_WITH_TIMEOUT(fake.calls.size(), 1, 10000);
    ASSERT_NE(w.window.treeView()->currentIndex().data(UserIdRole).toString(), User);

    w.window.hide();
    emit fake.ActionInvoked(1001, QStringLiteral("open"));
    QTRY_COMPARE_WITH_TIMEOUT(w.window.treeView()->currentIndex().data(UserIdRole).toString(),
                              User, 10000);
    EXPECT_TRUE(w.window.isVisible());
    EXPECT_EQ(w.window.treeView()->currentIndex().data(MeetingIdRole).toString(), Meeting);
}

TEST_F(DesktopNotifierTest, ActionsOfUnknownNotificationsAreIgnored)
{
    registerService();
    AlertWindow w;
    QSignalSpy open(w.alerts()->notifier(), &DesktopNotifier::openRequested);
    QSignalSpy ack(w.alerts()->notifier(), &DesktopNotifier::acknowledgeRequested);
    emit fake.ActionInvoked(4242, QStringLiteral("open"));
    emit fake.ActionInvoked(4242, QStringLiteral("ack"));
    QTest::qWait(300);
    EXPECT_EQ(open.count(), 0);
    EXPECT_EQ(ack.count(), 0);
}

TEST_F(DesktopNotifierTest, WithoutANotificationServiceTheBannerShowsIt)
{
    // No service registered on this bus (and the bus has no activatable one).
    AlertWindow w;
    w.window.show();
    w.run(30, [&] { return poorUser(w); });
    AlertBanner *banner = w.alerts()->banner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    EXPECT_EQ(w.alerts()->notifier()->lastChannel(), DesktopNotifier::Channel::Banner);
    EXPECT_TRUE(banner->text().contains(QStringLiteral("poor"), Qt::CaseInsensitive))
        << banner->text().toStdString();
    EXPECT_TRUE(fake.calls.isEmpty());

    // Its Acknowledge button acknowledges.
    emit banner->acknowledgeRequested(banner->notification().incidentIds);
    bool any = false;
    for (const Incident &incident : w.service()->engine().activeIncidents())
        any = any || incident.isAcknowledged();
    EXPECT_TRUE(any);
}

} // namespace
} // namespace mm::test

#include "test_desktopnotifier.moc"
