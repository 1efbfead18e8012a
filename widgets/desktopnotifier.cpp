#include "desktopnotifier.h"

#include "alertbanner.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace mm {

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString OpenAction = QStringLiteral("open");
const QString AckAction = QStringLiteral("ack");
const QString DefaultAction = QStringLiteral("default"); // a click on the notification
constexpr int NotifyTimeoutMs = 5000; // the call, not the notification

QDBusConnection defaultBus()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return QDBusConnection::sessionBus();
#else
    return QDBusConnection(QString());
#endif
}

// Some servers read the body as a subset of HTML.
QString escapedBody(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
    , m_bus(defaultBus())
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    , m_dbusEnabled(true)
#else
    , m_dbusEnabled(false)
#endif
{
}

DesktopNotifier::~DesktopNotifier()
{
    unsubscribe();
}

void DesktopNotifier::setTray(QSystemTrayIcon *tray)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = tray;
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            emit openRequested(m_lastTrayNotification.meetingId,
                               m_lastTrayNotification.userId);
        });
    }
}

void DesktopNotifier::setBanner(AlertBanner *banner)
{
    m_banner = banner;
}

void DesktopNotifier::setBus(const QDBusConnection &bus)
{
    unsubscribe();
    m_bus = bus;
    m_byServerId.clear();
    m_order.clear();
}

void DesktopNotifier::setDBusEnabled(bool enabled)
{
    m_dbusEnabled = enabled;
}

void DesktopNotifier::notify(const Notification &notification)
{
    if (m_dbusEnabled && m_bus.isConnected())
        sendDBus(notification);
    else
        fallBack(notification);
}

void DesktopNotifier::subscribe()
{
    if (m_subscribed || !m_bus.isConnected())
        return;
    // Signals from whichever process owns the name (empty service matches
    // any sender: the owner's unique name is what the bus reports).
    m_bus.connect(QString(), Path, Interface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint,QString)));
    m_bus.connect(QString(), Path, Interface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint,uint)));
    m_subscribed = true;
}

void DesktopNotifier::unsubscribe()
{
    if (!m_subscribed)
        return;
    m_bus.disconnect(QString(), Path, Interface, QStringLiteral("ActionInvoked"), this,
                     SLOT(onActionInvoked(uint,QString)));
    m_bus.disconnect(QString(), Path, Interface, QStringLiteral("NotificationClosed"), this,
                     SLOT(onNotificationClosed(uint,uint)));
    m_subscribed = false;
}

void DesktopNotifier::sendDBus(const Notification &notification)
{
    subscribe();
    QStringList actions {DefaultAction, tr("Open"), OpenAction, tr("Open")};
    if (notification.kind != Notification::Kind::Recovered && !notification.incidentIds.isEmpty())
        actions << AckAction << tr("Acknowledge");
    QVariantMap hints;
    // urgency is a byte: 1 normal, 2 critical (critical ones stay until seen).
    hints.insert(QStringLiteral("urgency"),
                 QVariant::fromValue<uchar>(notification.severity == Severity::Critical
                                                    && notification.kind
                                                        != Notification::Kind::Recovered
                                                ? 2
                                                : 1));
    hints.insert(QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName().isEmpty()
                                                      ? QStringLiteral("meeting-monitor")
                                                      : QGuiApplication::desktopFileName());
    hints.insert(QStringLiteral("category"), QStringLiteral("network"));

    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface,
                                                       QStringLiteral("Notify"));
    QString appName = QGuiApplication::applicationDisplayName();
    if (appName.isEmpty())
        appName = QCoreApplication::applicationName();
    call << appName << uint(0) << QStringLiteral("meeting-monitor") << notification.title
         << escapedBody(notification.body) << actions << hints << int(-1);
    // Asynchronous: a hung notification server must not freeze the window.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, NotifyTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notification](QDBusPendingCallWatcher *w) { onNotifyFinished(w, notification); });
}

void DesktopNotifier::onNotifyFinished(QDBusPendingCallWatcher *watcher,
                                       const Notification &notification)
{
    watcher->deleteLater();
    const QDBusPendingReply<uint> reply = *watcher;
    if (reply.isError()) {
        // No notification service (or it failed): the admin must still hear.
        fallBack(notification);
        return;
    }
    const uint id = reply.value();
    if (!m_byServerId.contains(id))
        m_order.append(id);
    m_byServerId.insert(id, notification);
    while (m_order.size() > MaxTracked)
        m_byServerId.remove(m_order.takeFirst());
    m_lastChannel = Channel::DBus;
    ++m_shown;
    emit notificationShown(Channel::DBus);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_byServerId.constFind(id);
    if (it == m_byServerId.cend())
        return; // another application's notification, or one we forgot
    const Notification notification = *it;
    if (actionKey == OpenAction || actionKey == DefaultAction)
        emit openRequested(notification.meetingId, notification.userId);
    else if (actionKey == AckAction)
        emit acknowledgeRequested(notification.incidentIds);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    if (m_byServerId.remove(id) > 0)
        m_order.removeOne(id);
}

void DesktopNotifier::fallBack(const Notification &notification)
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
        m_lastTrayNotification = notification;
        const bool critical = notification.severity == Severity::Critical
            && notification.kind != Notification::Kind::Recovered;
        m_tray->showMessage(notification.title, notification.body,
                            critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
        m_lastChannel = Channel::Tray;
    } else if (m_banner) {
        m_banner->showNotification(notification);
        m_lastChannel = Channel::Banner;
    } else {
        m_lastChannel = Channel::None;
        return;
    }
    ++m_shown;
    emit notificationShown(m_lastChannel);
}

} // namespace mm
