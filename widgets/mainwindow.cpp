#include "mainwindow.h"

#include "alertcoordinator.h"
#include "connectdialog.h"
#include "connectionstatuswidget.h"
#include "detailarea.h"
#include "history/historywriter.h"
#include "livetreeview.h"
#include "ingest/ingestthread.h"
#include "model/meetingfilterproxymodel.h"
#include "model/meetingtreemodel.h"
#include "model/modelroles.h"
#include "plaintext.h"
#include "qualitydelegate.h"
#include "treeitemdelegate.h"

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

    m_aboutAction = new QAction(tr("&About Meeting Monitor"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAbout);
}

void MainWindow::createMenusAndToolBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_connectAction);
    file->addAction(m_disconnectAction);
    file->addSeparator();
    file->addAction(m_quitAction);

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
    auto *label = new QLabel(tr("Not connected — File › Connect…"), page);
    label->setObjectName(QStringLiteral("notConnectedLabel"));
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignCenter);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    label->setFont(font);
    auto *hint = new QLabel(tr("Start with --demo to watch the built-in simulated gateway."), page);
    hint->setTextFormat(Qt::PlainText);
    hint->setAlignment(Qt::AlignCenter);
    auto *button = new QPushButton(tr("Connect…"), page);
    connect(button, &QPushButton::clicked, this, &MainWindow::onConnectTriggered);

    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(label);
    layout->addWidget(hint);
    layout->addSpacing(12);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return page;
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
    connect(worker, &IngestWorker::connectError, this, [this, session](const QString &message) {
        if (session == m_session)
            onConnectError(message);
    });

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
    m_status->setConnectError(message);
    if (!m_connectErrorBox) {
        m_connectErrorBox = new QMessageBox(QMessageBox::Warning, tr("Connection refused"),
                                            QString(), QMessageBox::Close, this);
        m_connectErrorBox->setObjectName(QStringLiteral("connectErrorBox"));
        m_connectErrorBox->setWindowModality(Qt::NonModal);
        // The server's message is untrusted: never interpreted as markup.
        m_connectErrorBox->setTextFormat(Qt::PlainText);
    }
    m_connectErrorBox->setText(
        tr("The gateway refused the connection. Its message:\n\n%1\n\n"
           "Check the token and use File › Connect… to try again.")
            .arg(boundedForDisplay(message, MaxShownErrorChars)));
    m_connectErrorBox->show();
    m_connectErrorBox->raise();
}

void MainWindow::onConnectTriggered()
{
    ConnectDialog dialog(this);
    if (!m_lastConfig.gatewayUrl.isEmpty())
        dialog.setConfig(m_lastConfig);
    if (dialog.exec() != QDialog::Accepted || !dialog.validationError().isEmpty())
        return;
    connectToGateway(dialog.config());
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
}

} // namespace mm
