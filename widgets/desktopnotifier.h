#pragma once

#include "alerts/notificationpolicy.h"

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QDBusPendingCallWatcher;
class QSystemTrayIcon;

namespace mm {

class AlertBanner;

// Shows the NotificationPolicy's notifications. On Linux it calls the
// desktop notification service (org.freedesktop.Notifications.Notify) with
// "Open" and "Acknowledge" actions and follows ActionInvoked and
// NotificationClosed; where that call fails (no service) or on other
// systems, the tray's balloon, else the in-window banner. Title and body are
// plain text (the policy already removed markup characters; the body is
// escaped as well, since servers may read it as markup).
class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    enum class Channel { None, DBus, Tray, Banner };
    Q_ENUM(Channel)

    static constexpr int MaxTracked = 64; // shown notifications kept for their actions

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // Where to fall back to. Either may be null; neither is owned.
    void setTray(QSystemTrayIcon *tray);
    void setBanner(AlertBanner *banner);
    // The bus to use (default: the session bus on Linux, none elsewhere). A
    // disconnected bus means "no notification service".
    void setBus(const QDBusConnection &bus);
    void setDBusEnabled(bool enabled);

    void notify(const Notification &notification);

    Channel lastChannel() const { return m_lastChannel; }
    int shownCount() const { return m_shown; }

signals:
    // The admin clicked "Open" (or the notification itself).
    void openRequested(const QString &meetingId, const QString &userId);
    void acknowledgeRequested(const QList<quint64> &incidentIds);
    // Shown through `channel` (the D-Bus one once the service answered).
    void notificationShown(mm::DesktopNotifier::Channel channel);

private Q_SLOTS:
    // D-Bus signals can only be connected by slot name (QDBusConnection::connect).
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void sendDBus(const Notification &notification);
    void onNotifyFinished(QDBusPendingCallWatcher *watcher, const Notification &notification);
    void fallBack(const Notification &notification);
    void subscribe();
    void unsubscribe();

    QDBusConnection m_bus;
    bool m_dbusEnabled;
    bool m_subscribed = false;
    QPointer<QSystemTrayIcon> m_tray;
    QPointer<AlertBanner> m_banner;
    QHash<uint, Notification> m_byServerId; // shown, waiting for an action or close
    QList<uint> m_order; // oldest first, bounds m_byServerId
    Notification m_lastTrayNotification; // the balloon clicked
    Channel m_lastChannel = Channel::None;
    int m_shown = 0;
};

} // namespace mm
