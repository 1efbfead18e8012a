#include "mainwindow.h"

#include "alertcoordinator.h"
#include "alerts/alertservice.h"
#include "connectdialog.h"
#include "connectionstatuswidget.h"
#include "detailarea.h"
#include "exportdialog.h"
#include "history/historyreader.h"
#include "history/historywriter.h"
#include "livetreeview.h"
#include "ingest/ingestthread.h"
#include "model/meetingfilterproxymodel.h"
#include "model/meetingtreemodel.h"
#include "model/modelroles.h"
#include "net/gatewayurlpolicy.h"
#include "plaintext.h"
#include "qualitydelegate.h"
#include "rowclipboard.h"
#include "security/tokencommand.h"
#include "security/tokenstore.h"
#include "settings/appsettings.h"
#include "settingsdialog.h"
#include "treeitemdelegate.h"
#include "zoomablechartview.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace mm {

namespace {

// The proxy does not sort or filter live (performance-notes §4: seconds per
// update at 10k rows); it is refreshed on this timer and on filter changes.
constexpr int RefreshIntervalMs = 2000;
constexpr int FilterDebounceMs = 150;
constexpr int MaxShownErrorChars = 500;

const QString SettingsOrganization = QStringLiteral("MeetingMonitor");
const QString SettingsApplication = QStringLiteral("meeting-monitor");

int column(TreeColumn c) { return int(c); }

} // namespace

MainWindow::MainWindow(const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_clock(clock)
    , m_model(new MeetingTreeModel(clock, this))
    , m_proxy(new MeetingFilterProxyModel(this))
{
    setWindowTitle(tr("Meeting Monitor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/meeting-monitor.svg")));
    m_proxy->setSourceModel(m_model);

    createActions();
    createTree();
    createMenusAndToolBar();

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createPlaceholder());
    m_stack->addWidget(m_tree);
    // The charts go below the tree: the tree needs its width for columns,
    // the stacked plots share one wide time axis.
    m_detail = new DetailArea(m_clock, *m_model, this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_detail);
    // The tree is the main view: it gets as much room as the charts.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentRowChanged);

    m_status = new ConnectionStatusWidget(m_clock, this);
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->setSizeGripEnabled(true);

    connect(m_model, &MeetingTreeModel::totalsChanged, this, &MainWindow::onTotalsChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::onProxyRowsInserted);

    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::onRefreshTick);
    m_refreshTimer.start();
    m_filterDebounce.setSingleShot(true);
    m_filterDebounce.setInterval(FilterDebounceMs);
    connect(&m_filterDebounce, &QTimer::timeout, this, &MainWindow::applyFilter);

    // After the menus and the central area, which it extends.
    m_alerts = new AlertCoordinator(m_clock, *this);

    m_sessionTokens = new InMemoryTokenStore(this);
    // Created idle: it talks to the Secret Service only when a token is needed.
    m_tokenStore = new KeychainTokenStore(QStringLiteral("meeting-monitor"),
                                          KeychainTokenStore::DefaultTimeoutMs, this);

    resize(defaultSize());
    onTotalsChanged();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Join the ingest thread before the model it feeds goes away.
    m_ingest.reset();
}

QSize MainWindow::defaultSize()
{
    return {1280, 900};
}

void MainWindow::setHistory(HistoryReader *reader, HistoryWriter *writer)
{
    m_historyWriter = writer;
    m_detail->setHistoryReader(reader);
    m_alerts->setHistory(reader, writer);
    updatePlaceholder();
}

void MainWindow::selectTarget(const QString &meetingId, const QString &userId)
{
    m_pendingMeeting = meetingId;
    m_pendingUser = userId;
    // Chart it right away (from the history if it is not live)...
    m_detail->showSelection(meetingId, userId);
    // ...and select its row now or when it arrives.
    selectPendingTarget();
}

void MainWindow::selectPendingTarget()
{
    if (m_pendingMeeting.isEmpty())
        return;
    const QModelIndex source = m_model->indexOf(m_pendingMeeting, m_pendingUser);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return;
    m_pendingMeeting.clear();
    m_pendingUser.clear();
    if (index.parent().isValid())
        m_tree->expand(index.parent());
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void MainWindow::onCurrentRowChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        // A pending --select keeps its chart until its row turns up.
        if (m_pendingMeeting.isEmpty())
            m_detail->showSelection(QString(), QString());
        return;
    }
    const bool isUser = current.data(KindRole).toInt() == int(RowKind::User);
    m_detail->showSelection(current.data(MeetingIdRole).toString(),
                            isUser ? current.data(UserIdRole).toString() : QString());
}

void MainWindow::createActions()
{
    m_connectAction = new QAction(QIcon(QStringLiteral(":/icons/connection-connected.svg")),
                                  tr("&Connect…"), this);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_connectAction->setToolTip(tr("Connect to a gateway (Ctrl+K)"));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::onConnectTriggered);

    m_disconnectAction = new QAction(QIcon(QStringLiteral(":/icons/connection-disconnected.svg")),
                                     tr("&Disconnect"), this);
    connect(m_disconnectAction, &QAction::triggered, this, &MainWindow::onDisconnectTriggered);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    // Quit quits, even where closing the window would keep it in the tray.
    connect(m_quitAction, &QAction::triggered, this, [this] {
        if (m_alerts)
            m_alerts->setQuitting(true);
        close();
    });

    m_expandAllAction = new QAction(tr("&Expand all"), this);
    connect(m_expandAllAction, &QAction::triggered, this, &MainWindow::onExpandAll);
    m_collapseAllAction = new QAction(tr("C&ollapse all"), this);
    connect(m_collapseAllAction, &QAction::triggered, this, &MainWindow::onCollapseAll);

    m_onlyIssuesAction = new QAction(QIcon(QStringLiteral(":/icons/quality-fair.svg")),
                                     tr("Only users with &issues"), this);
    m_onlyIssuesAction->setObjectName(QStringLiteral("onlyIssuesAction"));
    m_onlyIssuesAction->setCheckable(true);
    m_onlyIssuesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_onlyIssuesAction->setToolTip(tr("Show only users whose quality is fair or poor (Ctrl+I)"));
    connect(m_onlyIssuesAction, &QAction::toggled, this, &MainWindow::onOnlyIssuesToggled);

    m_focusFilterAction = new QAction(tr("&Focus filter"), this);
    m_focusFilterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_focusFilterAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setEnabled(false); // until there are settings to edit
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::onSettingsTriggered);

    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(
        tr("Export samples, rollups, alert incidents or the weekly report (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::onExportTriggered);

    m_saveChartAction = new QAction(tr("Save c&hart as…"), this);
    m_saveChartAction->setObjectName(QStringLiteral("saveChartAction"));
    m_saveChartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveChartAction->setToolTip(tr("Save the chart below the tree as PNG or PDF (Ctrl+Shift+S)"));
    connect(m_saveChartAction, &QAction::triggered, this, &MainWindow::onSaveChartTriggered);

    m_aboutAction = new QAction(tr("&About Meeting Monitor"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAbout);
}

void MainWindow::createMenusAndToolBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_connectAction);
    m_profilesMenu = file->addMenu(tr("Connect &to"));
    m_profilesMenu->setObjectName(QStringLiteral("profilesMenu"));
    m_profilesMenu->setEnabled(false);
    file->addAction(m_disconnectAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_saveChartAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_settingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_expandAllAction);
    view->addAction(m_collapseAllAction);
    view->addSeparator();
    view->addAction(m_onlyIssuesAction);
    view->addAction(m_focusFilterAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by meeting, user id or name"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(420);
    m_filter->setMinimumWidth(260);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::onFilterEdited);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_connectAction);
    bar->addAction(m_disconnectAction);
    bar->addSeparator();
    bar->addWidget(m_filter);
    bar->addAction(m_onlyIssuesAction);
}

void MainWindow::createTree()
{
    m_tree = new LiveTreeView(this);
    m_tree->setObjectName(QStringLiteral("meetingTree"));
    // Uniform heights: measured 75x cheaper per update at 10k rows.
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setItemDelegate(new TreeItemDelegate(m_tree));
    m_tree->setItemDelegateForColumn(column(TreeColumn::Quality), new QualityDelegate(m_tree));
    m_tree->setModel(m_proxy);
    addCopyRowsAction(m_tree);

    QHeaderView *header = m_tree->header();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(column(TreeColumn::Name), QHeaderView::Stretch);
    const std::pair<TreeColumn, int> widths[] = {
        {TreeColumn::Status, 120},  {TreeColumn::Upload, 110},     {TreeColumn::Download, 110},
        {TreeColumn::Latency, 100}, {TreeColumn::PacketLoss, 100}, {TreeColumn::Jitter, 90},
        {TreeColumn::Quality, 130}, {TreeColumn::Issues, 70},
    };
    for (const auto &[c, width] : widths)
        header->resizeSection(column(c), width);
    header->setMinimumSectionSize(60);
    m_tree->sortByColumn(column(TreeColumn::Name), Qt::AscendingOrder);
    m_tree->setSortingEnabled(true);

    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (!index.parent().isValid())
            m_collapsedMeetings.insert(index.data(MeetingIdRole).toString());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!index.parent().isValid())
            m_collapsedMeetings.remove(index.data(MeetingIdRole).toString());
    });
}

QWidget *MainWindow::createPlaceholder()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("notConnectedPage"));
    m_placeholderLabel = new QLabel(tr("Not connected — File › Connect…"), page);
    m_placeholderLabel->setObjectName(QStringLiteral("notConnectedLabel"));
    m_placeholderLabel->setTextFormat(Qt::PlainText);
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderHint
        = new QLabel(tr("Start with --demo to watch the built-in simulated gateway."), page);
    m_placeholderHint->setTextFormat(Qt::PlainText);
    m_placeholderHint->setAlignment(Qt::AlignCenter);
    auto *button = new QPushButton(tr("Connect…"), page);
    connect(button, &QPushButton::clicked, this, &MainWindow::onConnectTriggered);

    m_placeholderLayout = new QBoxLayout(QBoxLayout::TopToBottom, page);
    m_placeholderLayout->addStretch(2);
    m_placeholderLayout->addWidget(m_placeholderLabel);
    m_placeholderLayout->addWidget(m_placeholderHint);
    m_placeholderLayout->addSpacing(12);
    m_placeholderLayout->addWidget(button, 0, Qt::AlignCenter);
    m_placeholderLayout->addStretch(3);
    setPlaceholderCompact(false);
    return page;
}

void MainWindow::setPlaceholderCompact(bool compact)
{
    m_placeholderCompact = compact;
    // Compact: one row (label and button) as high as the button, the
    // stretches keeping it centred; else a column with a larger title.
    m_placeholderLayout->setDirection(compact ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    if (compact)
        m_placeholderLayout->setContentsMargins(6, 2, 6, 2);
    else
        m_placeholderLayout->unsetContentsMargins(); // the style's
    m_placeholderHint->setVisible(!compact);
    QFont font = m_placeholderLabel->font();
    font.setPointSizeF(QFont().pointSizeF() * (compact ? 1.0 : 1.4));
    m_placeholderLabel->setFont(font);
    m_placeholderLabel->setText(
        compact ? tr("Not connected: showing the recorded history — File › Connect… for live data")
                : tr("Not connected — File › Connect…"));
}

void MainWindow::restoreSettings()
{
    m_persistSettings = true;
    QSettings settings(SettingsOrganization, SettingsApplication);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    QHeaderView *header = m_tree->header();
    if (header->restoreState(settings.value(QStringLiteral("tree/header")).toByteArray())) {
        // The saved state may carry another sort; apply it once.
        m_tree->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    }
}

void MainWindow::saveSettings()
{
    if (!m_persistSettings)
        return;
    QSettings settings(SettingsOrganization, SettingsApplication);
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("tree/header"), m_tree->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    // With a tray, closing hides the window and the monitoring goes on.
    if (m_alerts && m_alerts->keepRunningInTray()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::connectToGateway(const SocketIoConfig &config)
{
    disconnectFromGateway();
    m_lastConfig = config;
    if (m_lastProfile.gatewayUrl != config.gatewayUrl || m_lastProfile.nspace != config.nspace
        || m_lastProfile.path != config.path) {
        // Not from a profile (--gateway, --demo): File › Connect… starts from it.
        m_lastProfile = ConnectionProfile();
        m_lastProfile.gatewayUrl = config.gatewayUrl;
        m_lastProfile.path = config.path;
        m_lastProfile.nspace = config.nspace;
        m_lastProfile.caFile = config.caFile;
        m_lastProfile.allowUnencrypted = config.allowUnencrypted;
    }
    // A reconnection from the dialog reuses the token, from memory only.
    if (!config.token.isEmpty())
        m_sessionTokens->writeToken(tokenKeyForGateway(config.gatewayUrl), config.token);
    const quint64 session = ++m_session;
    m_ingest = std::make_unique<IngestThread>(config, m_clock);
    IngestWorker *worker = m_ingest->worker();
    connect(worker, &IngestWorker::samplesArrived, m_model, &MeetingTreeModel::applyBatch);
    // Recording: the writer's own thread takes the same immutable batches.
    if (m_historyWriter)
        connect(worker, &IngestWorker::samplesArrived, m_historyWriter,
                &HistoryWriter::writeBatch, Qt::QueuedConnection);
    m_alerts->attachWorker(worker);
    m_alerts->setConnectionWanted(true);
    connect(worker, &IngestWorker::statsChanged, this,
            [this, session](const IngestStats &stats) {
                if (session == m_session)
                    onStatsChanged(stats);
            });
    connect(worker, &IngestWorker::connectionStateChanged, this,
            [this, session](ConnectionState state) {
                if (session == m_session)
                    onConnectionStateChanged(state);
            });
    m_tlsFailure = false;
    connect(worker, &IngestWorker::tlsError, this, [this, session] {
        if (session == m_session)
            m_tlsFailure = true;
    });
    connect(worker, &IngestWorker::connectError, this, [this, session](const QString &message) {
        if (session == m_session)
            onConnectError(message);
    });

    // The client refuses what the policy refuses; an allowed ws:// to
    // another computer is warned about for as long as it is in use.
    const GatewayUrlCheck check = checkGatewayUrl(config.gatewayUrl, config.allowUnencrypted);
    m_status->setSecurityWarning(
        check.unencryptedRemote
            ? tr("Unencrypted: the token and metrics can be read on the network")
            : QString());
    m_status->setEndpoint(config.gatewayUrl.toDisplayString() + config.nspace);
    m_status->setConnectionState(ConnectionState::Connecting);
    m_ingest->start();
    updateActions();
    updatePlaceholder();
}

void MainWindow::disconnectFromGateway()
{
    if (!m_ingest)
        return;
    ++m_session;
    // Closed on purpose: not a gateway outage.
    m_alerts->setConnectionWanted(false);
    m_ingest.reset(); // closes, flushes the last batch and joins
    m_currentProfile.clear();
    m_status->setSecurityWarning(QString());
    m_status->showNotConnected();
    updateActions();
    updatePlaceholder();
}

IngestStats MainWindow::ingestStats() const
{
    return m_ingest ? m_ingest->stats() : IngestStats{};
}

void MainWindow::onStatsChanged(const IngestStats &stats)
{
    m_status->setStats(stats);
}

void MainWindow::onConnectionStateChanged(ConnectionState state)
{
    m_status->setConnectionState(state);
    m_alerts->onConnectionStateChanged(state);
    if (state == ConnectionState::Connected && m_connectErrorBox)
        m_connectErrorBox->hide();
}

void MainWindow::onConnectError(const QString &message)
{
    m_status->setConnectError(message, m_tlsFailure);
    if (!m_connectErrorBox) {
        m_connectErrorBox = new QMessageBox(QMessageBox::Warning, tr("Connection refused"),
                                            QString(), QMessageBox::Close, this);
        m_connectErrorBox->setObjectName(QStringLiteral("connectErrorBox"));
        m_connectErrorBox->setWindowModality(Qt::NonModal);
        // The server's message is untrusted: never interpreted as markup.
        m_connectErrorBox->setTextFormat(Qt::PlainText);
    }
    // A TLS failure is ours to explain (the certificate, not the token); the
    // client's message says which check failed.
    const bool tls = m_tlsFailure;
    m_connectErrorBox->setText(
        tls ? tr("The gateway's certificate was not accepted, so no connection was made:\n\n"
                 "%1\n\nCheck the profile's CA file and the gateway's host name, then use "
                 "File › Connect… to try again.")
                  .arg(boundedForDisplay(message, MaxShownErrorChars))
            : tr("The gateway refused the connection. Its message:\n\n%1\n\n"
                 "Check the token and use File › Connect… to try again.")
                  .arg(boundedForDisplay(message, MaxShownErrorChars)));
    m_connectErrorBox->show();
    m_connectErrorBox->raise();
}

void MainWindow::onConnectTriggered()
{
    showConnectDialog(m_lastProfile, QString(), m_tokenStore == nullptr || m_tokenStore->persists());
}

void MainWindow::showConnectDialog(const ConnectionProfile &profile, const QString &notice,
                                   bool keychainAvailable)
{
    if (!m_connectDialog) {
        // Window-modal but not blocking: token look-ups and the ingest go on.
        m_connectDialog = new ConnectDialog(this);
        m_connectDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_connectDialog, &QDialog::accepted, this, &MainWindow::onConnectDialogAccepted);
        connect(m_connectDialog, &QObject::destroyed, this, [this] { m_connectDialog = nullptr; });
    }
    if (!profile.gatewayUrl.isEmpty())
        m_connectDialog->setProfile(profile);
    m_connectDialog->setKeychainAvailable(keychainAvailable);
    m_connectDialog->setKeychainNotice(notice);
    m_connectDialog->open();
}

void MainWindow::onConnectDialogAccepted()
{
    if (!m_connectDialog || !m_connectDialog->validationError().isEmpty())
        return;
    ConnectionProfile profile = m_connectDialog->profile();
    // Edited away from the saved profile of that name: an ad-hoc connection,
    // not to be remembered as that profile.
    const bool asSaved = std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                                     [&profile](const ConnectionProfile &saved) {
                                         return saved == profile;
                                     });
    if (!asSaved)
        profile.name.clear();
    const QString token = m_connectDialog->token();
    const bool remember = m_connectDialog->rememberToken();
    if (token.isEmpty()) {
        // Nothing typed: the stored token, if any; otherwise none at all.
        if (!profile.tokenFile.isEmpty()) {
            connectToProfile(profile);
            return;
        }
        const QString key = tokenKeyForGateway(profile.gatewayUrl);
        const quint64 request = ++m_tokenRequest;
        TokenStoreJob *job = m_sessionTokens->readToken(key);
        connect(job, &TokenStoreJob::finished, this,
                [this, request, profile](const TokenStoreResult &result) {
                    if (request != m_tokenRequest)
                        return;
                    if (result.ok() || !m_tokenStore) {
                        connectWithToken(profile, result.ok() ? result.token : QString());
                        return;
                    }
                    TokenStoreJob *stored = m_tokenStore->readToken(result.key);
                    connect(stored, &TokenStoreJob::finished, this,
                            [this, request, profile](const TokenStoreResult &storedResult) {
                                if (request != m_tokenRequest)
                                    return;
                                if (!storedResult.ok()
                                    && storedResult.status != TokenStoreStatus::NotFound
                                    && storedResult.status != TokenStoreStatus::Unavailable)
                                    showKeychainProblem(storedResult.message);
                                connectWithToken(profile, storedResult.ok() ? storedResult.token
                                                                            : QString());
                            });
                });
        return;
    }
    rememberToken(tokenKeyForGateway(profile.gatewayUrl), token, remember);
    connectWithToken(profile, token);
}

void MainWindow::setTokenStore(TokenStore *store)
{
    m_tokenStore = store;
}

void MainWindow::setAppSettings(AppSettings *settings)
{
    m_settings = settings;
    m_settingsAction->setEnabled(m_settings != nullptr);
    reloadProfiles();
    applyPreferences();
    if (!m_settings || m_profileProblems.isEmpty())
        return;
    if (!m_profileProblemsBox) {
        m_profileProblemsBox = new QMessageBox(QMessageBox::Warning, tr("Connection profiles"),
                                               QString(), QMessageBox::Close, this);
        m_profileProblemsBox->setObjectName(QStringLiteral("profileProblemsBox"));
        m_profileProblemsBox->setWindowModality(Qt::NonModal);
        m_profileProblemsBox->setTextFormat(Qt::PlainText);
    }
    m_profileProblemsBox->setText(
        tr("Some connection profiles cannot be used and were left out; the others are "
           "available. Fix or remove them in Edit › Settings.\n\n%1")
            .arg(boundedForDisplay(m_profileProblems.join(QLatin1Char('\n')), 2000)));
    m_profileProblemsBox->show();
}

void MainWindow::reloadProfiles()
{
    m_profiles.clear();
    m_profileProblems.clear();
    if (m_settings) {
        const AppSettings::ProfileLoad load = m_settings->loadProfiles();
        m_profiles = load.profiles;
        m_profileProblems = load.problems();
        const QString last = m_settings->value(settingkeys::LastProfile);
        for (const ConnectionProfile &profile : std::as_const(m_profiles))
            if (profile.name == last && m_lastProfile.gatewayUrl.isEmpty())
                m_lastProfile = profile;
    }
    rebuildProfilesMenu();
}

void MainWindow::rebuildProfilesMenu()
{
    m_profilesMenu->clear();
    for (const ConnectionProfile &profile : std::as_const(m_profiles)) {
        // Menu texts are plain, but '&' would make a mnemonic.
        QString text = boundedForDisplay(profile.name, 80);
        text.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_profilesMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(m_ingest && profile.name == m_currentProfile);
        action->setToolTip(profile.gatewayUrl.toDisplayString());
        connect(action, &QAction::triggered, this,
                [this, profile] { connectToProfile(profile); });
    }
    if (m_settings) {
        if (!m_profiles.isEmpty())
            m_profilesMenu->addSeparator();
        m_profilesMenu->addAction(tr("Edit profiles…"), this, &MainWindow::onSettingsTriggered);
    }
    m_profilesMenu->setEnabled(m_settings != nullptr);
}

void MainWindow::applyPreferences()
{
    if (!m_settings)
        return;
    AlertService *service = m_alerts->service();
    NotificationSettings notifications = service->policy().settings();
    notifications.repeatIntervalMs
        = qint64(m_settings->value(settingkeys::NotificationRepeatMinutes)) * 60 * 1000;
    service->setNotificationSettings(notifications);
    m_alerts->setDesktopNotificationsEnabled(
        m_settings->value(settingkeys::NotificationsEnabled));
}

void MainWindow::onSettingsTriggered()
{
    openSettings();
}

void MainWindow::openSettings()
{
    if (!m_settings)
        return;
    auto *dialog = new SettingsDialog(*m_settings, this);
    dialog->setObjectName(QStringLiteral("settingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_currentProfile.isEmpty())
        dialog->selectProfile(m_currentProfile);
    connect(dialog, &QDialog::accepted, this, [this] {
        reloadProfiles();
        applyPreferences();
    });
    dialog->open();
}

void MainWindow::connectToProfile(const ConnectionProfile &profile)
{
    const quint64 request = ++m_tokenRequest;
    m_lastProfile = profile;
    if (const QString problems = profile.problemText(); !problems.isEmpty()) {
        showConnectDialog(profile, problems, m_tokenStore == nullptr || m_tokenStore->persists());
        return;
    }
    if (!profile.tokenFile.isEmpty()) {
        QString token;
        QString error;
        if (!readTokenFile(profile.tokenFile, token, error)) {
            showConnectDialog(profile, error, m_tokenStore == nullptr || m_tokenStore->persists());
            return;
        }
        connectWithToken(profile, token);
        return;
    }
    // This run's memory first (a token typed without a keychain), then the keychain.
    TokenStoreJob *job = m_sessionTokens->readToken(tokenKeyForGateway(profile.gatewayUrl));
    connect(job, &TokenStoreJob::finished, this,
            [this, request, profile](const TokenStoreResult &result) {
                onStoredTokenRead(request, profile, true, result);
            });
}

void MainWindow::onStoredTokenRead(quint64 request, const ConnectionProfile &profile,
                                   bool fromMemory, const TokenStoreResult &result)
{
    if (request != m_tokenRequest)
        return; // the admin chose something else meanwhile
    if (result.ok()) {
        connectWithToken(profile, result.token);
        return;
    }
    if (fromMemory && m_tokenStore) {
        TokenStoreJob *job = m_tokenStore->readToken(result.key);
        connect(job, &TokenStoreJob::finished, this,
                [this, request, profile](const TokenStoreResult &stored) {
                    onStoredTokenRead(request, profile, false, stored);
                });
        return;
    }
    switch (result.status) {
    case TokenStoreStatus::Ok:
    case TokenStoreStatus::NotFound:
        showConnectDialog(profile,
                          tr("No token is stored for %1 yet. Type it to connect, or leave it "
                             "empty if the gateway needs none.")
                              .arg(result.key),
                          true);
        return;
    case TokenStoreStatus::Unavailable:
        showConnectDialog(profile, tr("No system keychain is available."), false);
        return;
    case TokenStoreStatus::Locked:
        showConnectDialog(profile,
                          tr("The keyring is locked, so the stored token cannot be read. Unlock "
                             "it and connect again, or type the token for this run."),
                          true);
        return;
    case TokenStoreStatus::TimedOut:
    case TokenStoreStatus::Failed:
        showConnectDialog(profile,
                          tr("The keychain did not give the token: %1").arg(result.message),
                          true);
        return;
    }
}

void MainWindow::rememberToken(const QString &key, const QString &token, bool inKeychain)
{
    if (key.isEmpty())
        return;
    if (!inKeychain || !m_tokenStore) {
        m_sessionTokens->writeToken(key, token);
        return;
    }
    TokenStoreJob *job = m_tokenStore->writeToken(key, token);
    connect(job, &TokenStoreJob::finished, this, [this, key, token](const TokenStoreResult &r) {
        if (r.ok())
            return;
        // Kept for this run whatever the keychain said; never written elsewhere.
        m_sessionTokens->writeToken(key, token);
        showKeychainProblem(r.status == TokenStoreStatus::Unavailable
                                ? tr("No system keychain is available: the token is kept in "
                                     "memory for this run only.")
                                : tr("The token could not be stored in the keychain (%1); it "
                                     "is kept in memory for this run only.")
                                      .arg(r.message));
    });
}

void MainWindow::connectWithToken(const ConnectionProfile &profile, const QString &token)
{
    m_lastProfile = profile;
    connectToGateway(profile.toSocketIoConfig(token));
    m_currentProfile = profile.name;
    if (m_settings && !profile.name.isEmpty()) {
        m_settings->setValue(settingkeys::LastProfile, profile.name);
        m_settings->sync();
    }
    rebuildProfilesMenu();
}

void MainWindow::showKeychainProblem(const QString &message)
{
    if (!m_keychainBox) {
        m_keychainBox = new QMessageBox(QMessageBox::Warning, tr("Keychain"), QString(),
                                        QMessageBox::Close, this);
        m_keychainBox->setObjectName(QStringLiteral("keychainBox"));
        m_keychainBox->setWindowModality(Qt::NonModal);
        m_keychainBox->setTextFormat(Qt::PlainText);
    }
    m_keychainBox->setText(message);
    m_keychainBox->show();
}

void MainWindow::onExportTriggered()
{
    const HistoryReader *reader = m_detail->historyReader();
    auto *dialog = new ExportDialog(m_clock, reader ? reader->databasePath() : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The charted selection (a tree row, or a --select target not live).
    dialog->setSelection(m_detail->meetingId(), m_detail->userId());
    dialog->setGateway(m_lastConfig.gatewayUrl.toDisplayString());
    dialog->open();
}

void MainWindow::onSaveChartTriggered()
{
    if (auto *view = qobject_cast<ZoomableChartView *>(m_detail->currentView()))
        view->promptSaveChart();
}

void MainWindow::onDisconnectTriggered()
{
    disconnectFromGateway();
}

void MainWindow::onFilterEdited()
{
    m_filterDebounce.start();
}

void MainWindow::applyFilter()
{
    m_filterDebounce.stop();
    m_proxy->setFilterText(m_filter->text().trimmed());
    m_proxy->refresh();
    expandMeetingRows(0, m_proxy->rowCount() - 1);
}

void MainWindow::onOnlyIssuesToggled(bool checked)
{
    m_proxy->setOnlyIssues(checked);
    m_proxy->refresh();
    expandMeetingRows(0, m_proxy->rowCount() - 1);
}

void MainWindow::onRefreshTick()
{
    m_proxy->refresh();
    expandMeetingRows(0, m_proxy->rowCount() - 1);
}

void MainWindow::onProxyRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!parent.isValid()) {
        expandMeetingRows(first, last);
    } else if (!parent.parent().isValid() && !m_tree->isExpanded(parent)
               && !m_collapsedMeetings.contains(parent.data(MeetingIdRole).toString())) {
        // A meeting's first users can arrive after the meeting row itself.
        m_tree->expand(parent);
    }
}

void MainWindow::expandMeetingRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.isValid() && !m_tree->isExpanded(index)
            && !m_collapsedMeetings.contains(index.data(MeetingIdRole).toString()))
            m_tree->expand(index);
    }
}

void MainWindow::onExpandAll()
{
    m_collapsedMeetings.clear();
    m_tree->expandAll();
}

void MainWindow::onCollapseAll()
{
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_collapsedMeetings.insert(m_proxy->index(row, 0).data(MeetingIdRole).toString());
    m_tree->collapseAll();
}

void MainWindow::onAbout()
{
    QMessageBox box(QMessageBox::NoIcon, tr("About Meeting Monitor"),
                    tr("Meeting Monitor %1\n\nLive connection quality of the meetings on a P2P "
                       "meeting platform: bandwidth, latency, packet loss and jitter of every "
                       "participant, as their browsers report them.")
                        .arg(QCoreApplication::applicationVersion()),
                    QMessageBox::Close, this);
    box.setTextFormat(Qt::PlainText);
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.exec();
}

void MainWindow::onTotalsChanged()
{
    selectPendingTarget();
    m_status->setCounts(m_model->meetingCount(), m_model->activeUserCount(),
                        m_model->userCount());
    updatePlaceholder();
}

void MainWindow::updateActions()
{
    m_disconnectAction->setEnabled(m_ingest != nullptr);
}

void MainWindow::updatePlaceholder()
{
    const bool showTree = m_ingest != nullptr || m_model->meetingCount() > 0;
    m_stack->setCurrentWidget(showTree ? static_cast<QWidget *>(m_tree) : m_stack->widget(0));
    // Browsing a history read-only (--db) with no connection: the charts
    // and the alerts are what there is to see, so the not-connected page
    // shrinks to one line above them (the status bar says it too).
    const bool compact = !showTree && m_detail->historyReader() != nullptr && !m_historyWriter;
    if (compact == m_placeholderCompact)
        return;
    setPlaceholderCompact(compact);
    if (compact) {
        m_stack->setMaximumHeight(m_stack->widget(0)->sizeHint().height());
    } else {
        m_stack->setMaximumHeight(QWIDGETSIZE_MAX);
        // The tree is the main view again: as much room as the charts.
        const int total = m_splitter->height();
        m_splitter->setSizes({total / 2, total - total / 2});
    }
}

} // namespace mm
