#pragma once

#include "alerts/alertpreview.h"
#include "alerts/alertrules.h"
#include "net/socketioclient.h"

#include <QList>
#include <QObject>
#include <QTimer>

class QAction;
class QDockWidget;
class QMenu;
class QSettings;

namespace mm {

class AlertBanner;
class AlertListModel;
class AlertService;
class AlertsPanel;
class Clock;
class DesktopNotifier;
class IngestWorker;
class MainWindow;
class TrayIcon;
struct Notification;

// Issue 4's desktop side, composed for one MainWindow: the AlertService fed
// by the ingest worker, the alerts panel (a dock), the tree's alert marks,
// the tray, desktop notifications with their banner fallback, and the
// Alerts menu (rules editor, mute). The window creates it and forwards its
// connection and close events; everything else lives here.
class AlertCoordinator final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MuteDurationMs = 3600 * 1000LL;

    // `trayMode`: Auto uses a tray where the platform has one.
    enum class TrayMode { Auto, Off };
    AlertCoordinator(const Clock &clock, MainWindow &window, TrayMode trayMode = TrayMode::Auto);
    ~AlertCoordinator() override;

    AlertService *service() const { return m_service; }
    AlertListModel *listModel() const { return m_listModel; }
    AlertsPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    TrayIcon *tray() const { return m_tray; } // nullptr without a system tray
    DesktopNotifier *notifier() const { return m_notifier; }
    AlertBanner *banner() const { return m_banner; }

    QAction *panelAction() const { return m_panelAction; }
    QAction *rulesAction() const { return m_rulesAction; }
    QAction *muteAction() const { return m_muteAction; }
    QMenu *menu() const { return m_menu; }

    // Feeds the service from a new connection's worker.
    void attachWorker(IngestWorker *worker);
    // The window opened (true) or closed (false) a connection.
    void setConnectionWanted(bool wanted);
    void onConnectionStateChanged(ConnectionState state);

    // Where the rules preview reads samples; by default the live tree's
    // recent history.
    void setPreviewSource(SampleSource source, QString description);

    // Called from the window's closeEvent: with a tray, closing hides the
    // window and says so once; true means "keep running" (ignore the close).
    bool keepRunningInTray();
    // The next close is a real quit (File › Quit, the tray's Quit).
    void setQuitting(bool quitting) { m_quitting = quitting; }

    // Brings the window up on a meeting or user.
    void openTarget(const QString &meetingId, const QString &userId);
    void acknowledge(const QList<quint64> &incidentIds);
    void setMuted(bool muted);

    void setRules(const AlertRules &rules); // applies and saves
    // The saved rules, or the plan's when none (or invalid ones) are saved.
    static AlertRules loadRules(const QSettings &settings);

signals:
    void closedToTray(); // the one-time "still running" message was shown

private:
    void createActions();
    void onNotificationRequested(const Notification &notification);
    void onSummaryChanged();
    void onShowHideRequested();
    void onQuitRequested();
    void onRulesTriggered();

    const Clock &m_clock;
    MainWindow &m_window;
    AlertService *m_service;
    AlertListModel *m_listModel;
    AlertsPanel *m_panel = nullptr;
    QDockWidget *m_dock = nullptr;
    TrayIcon *m_tray = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    AlertBanner *m_banner = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_panelAction = nullptr;
    QAction *m_rulesAction = nullptr;
    QAction *m_muteAction = nullptr;
    QTimer m_durationTimer;
    SampleSource m_previewSource;
    QString m_previewDescription;
    bool m_quitting = false;
};

} // namespace mm
