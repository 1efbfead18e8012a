#pragma once

#include "alerts/alertengine.h"
#include "alerts/alertpreview.h"
#include "alerts/alertrules.h"
#include "net/socketioclient.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <vector>

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
class HistoryReader;
class HistoryWriter;
class IncidentJournal;
class IngestWorker;
struct HistoryRangeStats;
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
    // Selecting an incident charts its user (or meeting) from this long
    // before it started to this long after it closed (or now).
    static constexpr qint64 IncidentMarginMs = 10 * 60 * 1000LL;

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

    // The Notifications setting: off, alerts reach the panel, tray and
    // banner but no desktop notification is sent.
    void setDesktopNotificationsEnabled(bool enabled) { m_desktopNotifications = enabled; }
    bool desktopNotificationsEnabled() const { return m_desktopNotifications; }

    // Feeds the service from a new connection's worker.
    void attachWorker(IngestWorker *worker);
    // The window opened (true) or closed (false) a connection.
    void setConnectionWanted(bool wanted);
    void onConnectionStateChanged(ConnectionState state);

    // Where the rules preview reads samples (in the preview's thread, so the
    // source must be safe there); by default a copy of the live tree's
    // recent history, taken when the editor opens. `summary`, when set,
    // adds a line about what the last preview read.
    void setPreviewSource(SampleSource source, QString description,
                          std::function<QString()> summary = {});

    // The window's history (MainWindow::setHistory): the rules preview
    // replays its last 7 days; with a writer (the window records its own
    // history) the incidents, their acknowledgements and the silences made
    // here are kept there too, and silences still running are restored.
    void setHistory(HistoryReader *reader, HistoryWriter *writer);
    IncidentJournal *journal() const { return m_journal; }
    SampleSource previewSource() const { return m_previewSource; }
    QString previewDescription() const { return m_previewDescription; }
    std::function<QString()> previewSummary() const { return m_previewSummary; }

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
    void recordIncidents(const IncidentChanges &changes);
    void onIncidentSelected(const mm::Incident &incident);
    void onSilencesLoaded(const std::vector<mm::Silence> &silences);

    const Clock &m_clock;
    MainWindow &m_window;
    AlertService *m_service;
    AlertListModel *m_listModel;
    AlertsPanel *m_panel = nullptr;
    QDockWidget *m_dock = nullptr;
    TrayIcon *m_tray = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    bool m_desktopNotifications = true;
    AlertBanner *m_banner = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_panelAction = nullptr;
    QAction *m_rulesAction = nullptr;
    QAction *m_muteAction = nullptr;
    QTimer m_durationTimer;
    SampleSource m_previewSource; // empty: a snapshot of the live store
    QString m_previewDescription;
    std::function<QString()> m_previewSummary;
    HistoryWriter *m_historyWriter = nullptr;
    IncidentJournal *m_journal = nullptr;
    bool m_quitting = false;
};

} // namespace mm
