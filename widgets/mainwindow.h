#pragma once

#include "core/clock.h"
#include "ingest/ingeststats.h"
#include "net/socketioclient.h"
#include "settings/connectionprofile.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <memory>

class QAction;
class QBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace mm {

class AlertCoordinator;
class AppSettings;
class ConnectDialog;
class ConnectionStatusWidget;
class DetailArea;
class HistoryReader;
class HistoryWriter;
class IngestThread;
class MeetingFilterProxyModel;
class MeetingTreeModel;
class TokenStore;
struct TokenStoreResult;

// The live tree of meetings and users with its filter, toggles and status
// bar. Thin: it composes the core's model, proxy and ingest thread, binds
// them to views and forwards the user's commands.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    static QSize defaultSize();

    // Restores geometry and header state and saves them again on close.
    // Not called for screenshots and tests, which want the defaults.
    void restoreSettings();

    // The history the charts read long windows from (nullptr: Live only)
    // and the writer that records what the gateway sends (nullptr: record
    // nothing, e.g. when reading a database a recorder writes). Set both
    // before connecting; they must outlive the window.
    void setHistory(HistoryReader *reader, HistoryWriter *writer);

    // Selects the tree row of a meeting (or one of its users) and shows its
    // charts; a meeting that is not live is charted from the history, and
    // its row is selected when it turns up.
    void selectTarget(const QString &meetingId, const QString &userId);

    // Where profiles and preferences are kept (nullptr: nowhere; no
    // profiles menu). Loads the profiles; unusable ones are reported in a
    // message and left out. Must outlive the window.
    void setAppSettings(AppSettings *settings);
    AppSettings *appSettings() const { return m_settings; }
    // The problems found in the stored profiles when they were last loaded.
    const QStringList &profileProblems() const { return m_profileProblems; }
    const QList<ConnectionProfile> &profiles() const { return m_profiles; }
    // Where tokens are remembered across runs (default: the system keychain
    // through QtKeychain). Tokens typed in without a keychain are kept in
    // this run's memory only. Not owned; must outlive the window.
    void setTokenStore(TokenStore *store);

    // Connects with a profile: its token from its token file, from this
    // run's memory or from the keychain; when there is none (or the keychain
    // is locked, times out or is missing) the connect dialog asks for it and
    // says why. Remembers the profile as the last one used.
    void connectToProfile(const ConnectionProfile &profile);
    // The profile of the current connection; empty for an ad-hoc one.
    QString currentProfileName() const { return m_currentProfile; }
    // The connect dialog while it is open (tests, and the token prompt).
    ConnectDialog *connectDialog() const { return m_connectDialog; }
    QMenu *profilesMenu() const { return m_profilesMenu; }
    QAction *settingsAction() const { return m_settingsAction; }
    // Opens the settings dialog; applies what it saved.
    void openSettings();

    // Replaces any current connection with one to `config`.
    void connectToGateway(const SocketIoConfig &config);
    void disconnectFromGateway();
    bool isConnectionOpen() const { return m_ingest != nullptr; }
    // The current connection's counters (a brief blocking call into the
    // ingest thread); empty when not connected.
    IngestStats ingestStats() const;

    MeetingTreeModel *model() const { return m_model; }
    MeetingFilterProxyModel *proxyModel() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }
    ConnectionStatusWidget *statusWidget() const { return m_status; }
    DetailArea *detailArea() const { return m_detail; }
    QSplitter *splitter() const { return m_splitter; }
    // Alerts: service, panel, tray, notifications (issue 4).
    AlertCoordinator *alerts() const { return m_alerts; }
    // File › Export… (Ctrl+E) and File › Save chart as… (Ctrl+Shift+S).
    QAction *exportAction() const { return m_exportAction; }
    QAction *saveChartAction() const { return m_saveChartAction; }

    // Ingest notifications; public so that tests can drive the window
    // without a network.
    void onStatsChanged(const mm::IngestStats &stats);
    void onConnectionStateChanged(mm::ConnectionState state);
    void onConnectError(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenusAndToolBar();
    void createTree();
    QWidget *createPlaceholder();
    void setPlaceholderCompact(bool compact);

    void onConnectTriggered();
    void onSettingsTriggered();
    void onConnectDialogAccepted();
    void rebuildProfilesMenu();
    void applyPreferences();
    void reloadProfiles();
    // The dialog, filled with `profile`, asking for its token with `notice`.
    void showConnectDialog(const ConnectionProfile &profile, const QString &notice,
                           bool keychainAvailable);
    void onStoredTokenRead(quint64 request, const ConnectionProfile &profile, bool fromMemory,
                           const TokenStoreResult &result);
    void rememberToken(const QString &key, const QString &token, bool inKeychain);
    void connectWithToken(const ConnectionProfile &profile, const QString &token);
    void showKeychainProblem(const QString &message);
    void onDisconnectTriggered();
    void onExportTriggered();
    void onSaveChartTriggered();
    void onFilterEdited();
    void applyFilter();
    void onOnlyIssuesToggled(bool checked);
    void onRefreshTick();
    void onProxyRowsInserted(const QModelIndex &parent, int first, int last);
    void onExpandAll();
    void onCollapseAll();
    void onAbout();
    void onTotalsChanged();
    void onCurrentRowChanged(const QModelIndex &current);
    void selectPendingTarget();

    void expandMeetingRows(int first, int last);
    void updateActions();
    void updatePlaceholder();
    void saveSettings();

    const Clock &m_clock;
    MeetingTreeModel *m_model;
    MeetingFilterProxyModel *m_proxy;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_stack = nullptr;
    QSplitter *m_splitter = nullptr;
    // The not-connected page: a centred invitation, or one line above the
    // charts while a history is browsed without a connection (--db).
    QBoxLayout *m_placeholderLayout = nullptr;
    QLabel *m_placeholderLabel = nullptr;
    QLabel *m_placeholderHint = nullptr;
    bool m_placeholderCompact = false;
    DetailArea *m_detail = nullptr;
    HistoryWriter *m_historyWriter = nullptr;
    // A --select target whose row is not in the tree (yet).
    QString m_pendingMeeting;
    QString m_pendingUser;
    QLineEdit *m_filter = nullptr;
    ConnectionStatusWidget *m_status = nullptr;
    AlertCoordinator *m_alerts = nullptr;
    QMessageBox *m_connectErrorBox = nullptr;
    QMessageBox *m_keychainBox = nullptr;
    QMessageBox *m_profileProblemsBox = nullptr;

    AppSettings *m_settings = nullptr;
    QList<ConnectionProfile> m_profiles;
    QStringList m_profileProblems;
    QString m_currentProfile;
    ConnectionProfile m_lastProfile;
    TokenStore *m_tokenStore = nullptr;   // the keychain, or what setTokenStore() gave
    TokenStore *m_sessionTokens = nullptr; // this run only
    // The current connection was refused by TLS (not by the gateway).
    bool m_tlsFailure = false;
    // Token look-ups answer later; only the newest one counts.
    quint64 m_tokenRequest = 0;
    ConnectDialog *m_connectDialog = nullptr;
    QMenu *m_profilesMenu = nullptr;
    QAction *m_settingsAction = nullptr;

    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_expandAllAction = nullptr;
    QAction *m_collapseAllAction = nullptr;
    QAction *m_onlyIssuesAction = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_aboutAction = nullptr;
    // Issue 5: File › Export… and Save chart as…
    QAction *m_exportAction = nullptr;
    QAction *m_saveChartAction = nullptr;

    std::unique_ptr<IngestThread> m_ingest;
    SocketIoConfig m_lastConfig;
    // Notifications of a replaced connection may still be queued; each
    // connection gets a number and stale ones are ignored.
    quint64 m_session = 0;

    QTimer m_refreshTimer;
    QTimer m_filterDebounce;
    // Meetings the admin collapsed by hand stay collapsed across refreshes;
    // every other meeting is shown expanded.
    QSet<QString> m_collapsedMeetings;
    bool m_persistSettings = false;
};

} // namespace mm
