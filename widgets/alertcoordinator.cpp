#include "alertcoordinator.h"

#include "alertbanner.h"
#include "alertmarkdelegate.h"
#include "alerts/alertlistmodel.h"
#include "alerts/alertservice.h"
#include "alertspanel.h"
#include "desktopnotifier.h"
#include "ingest/ingestworker.h"
#include "mainwindow.h"
#include "model/meetingtreemodel.h"
#include "model/modelroles.h"
#include "ruleseditordialog.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTreeView>
#include <QVBoxLayout>

namespace mm {

namespace {

const QString RulesKey = QStringLiteral("alerts/rules");
const QString CloseExplainedKey = QStringLiteral("tray/closeExplained");

} // namespace

AlertCoordinator::AlertCoordinator(const Clock &clock, MainWindow &window, TrayMode trayMode)
    : QObject(&window)
    , m_clock(clock)
    , m_window(window)
    , m_service(new AlertService(clock, this))
    , m_listModel(new AlertListModel(clock, this))
{
    {
        const QSettings settings;
        m_service->setRules(loadRules(settings));
    }
    connect(m_service, &AlertService::incidentsChanged, m_listModel,
            &AlertListModel::applyChanges);
    connect(m_service, &AlertService::notificationRequested, this,
            &AlertCoordinator::onNotificationRequested);
    connect(m_service, &AlertService::summaryChanged, this, &AlertCoordinator::onSummaryChanged);
    connect(m_service, &AlertService::mutedChanged, this, &AlertCoordinator::onSummaryChanged);
    m_durationTimer.setInterval(1000);
    connect(&m_durationTimer, &QTimer::timeout, m_listModel, &AlertListModel::refreshDurations);
    m_durationTimer.start();

    // The panel, docked under the tree and charts.
    m_panel = new AlertsPanel(*m_service, *m_listModel);
    m_dock = new QDockWidget(tr("Alerts"), &m_window);
    m_dock->setObjectName(QStringLiteral("alertsDock"));
    m_dock->setWidget(m_panel);
    m_dock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea
                            | Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea);
    m_window.addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    // A strip under the charts, not half the window.
    m_window.resizeDocks({m_dock}, {210}, Qt::Vertical);
    connect(m_panel, &AlertsPanel::openRequested, this, &AlertCoordinator::openTarget);

    // The banner goes above the central area: the central widget is wrapped,
    // not replaced, so the window keeps its own pointers to it.
    m_banner = new AlertBanner;
    if (QWidget *central = m_window.takeCentralWidget()) {
        auto *container = new QWidget;
        container->setObjectName(QStringLiteral("centralWithBanner"));
        auto *layout = new QVBoxLayout(container);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(0);
        layout->addWidget(m_banner);
        layout->addWidget(central, 1);
        m_window.setCentralWidget(container);
    } else {
        m_banner->setParent(&m_window);
    }
    connect(m_banner, &AlertBanner::openRequested, this, &AlertCoordinator::openTarget);
    connect(m_banner, &AlertBanner::acknowledgeRequested, this, &AlertCoordinator::acknowledge);

    // Alert marks in the tree's name column.
    if (QTreeView *tree = m_window.treeView()) {
        tree->setItemDelegateForColumn(int(TreeColumn::Name),
                                       new AlertMarkDelegate(*m_service, tree));
    }

    if (trayMode == TrayMode::Auto && TrayIcon::isAvailable()) {
        m_tray = new TrayIcon(this);
        m_tray->systemTrayIcon()->setIcon(QIcon(QStringLiteral(":/icons/alert-none.svg")));
        m_tray->setVisible(true);
        connect(m_tray, &TrayIcon::showHideRequested, this,
                &AlertCoordinator::onShowHideRequested);
        connect(m_tray, &TrayIcon::muteToggled, this, &AlertCoordinator::setMuted);
        connect(m_tray, &TrayIcon::quitRequested, this, &AlertCoordinator::onQuitRequested);
    }

    m_notifier = new DesktopNotifier(this);
    m_notifier->setTray(m_tray ? m_tray->systemTrayIcon() : nullptr);
    m_notifier->setBanner(m_banner);
    connect(m_notifier, &DesktopNotifier::openRequested, this, &AlertCoordinator::openTarget);
    connect(m_notifier, &DesktopNotifier::acknowledgeRequested, this,
            &AlertCoordinator::acknowledge);

    const MeetingStore &store = m_window.model()->store();
    setPreviewSource(storeSampleSource(store),
                     tr("the live view's last %n minute(s)", nullptr, store.historySeconds() / 60));

    createActions();
    onSummaryChanged();
}

AlertCoordinator::~AlertCoordinator() = default;

void AlertCoordinator::createActions()
{
    m_panelAction = m_dock->toggleViewAction();
    m_panelAction->setText(tr("&Alerts panel"));
    m_panelAction->setObjectName(QStringLiteral("alertsPanelAction"));
    m_panelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_panelAction->setToolTip(tr("Show or hide the alerts panel (Ctrl+Shift+L)"));

    m_rulesAction = new QAction(tr("&Rules…"), this);
    m_rulesAction->setObjectName(QStringLiteral("alertRulesAction"));
    m_rulesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_rulesAction, &QAction::triggered, this, &AlertCoordinator::onRulesTriggered);

    m_muteAction = new QAction(QIcon(QStringLiteral(":/icons/alert-muted.svg")),
                               tr("&Mute notifications for 1 hour"), this);
    m_muteAction->setObjectName(QStringLiteral("alertMuteAction"));
    m_muteAction->setCheckable(true);
    m_muteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_muteAction, &QAction::triggered, this, &AlertCoordinator::setMuted);

    // The window's own shortcuts (e.g. Acknowledge) work wherever focus is.
    m_window.addAction(m_panel->acknowledgeAction());

    m_menu = new QMenu(tr("&Alerts"), &m_window);
    m_menu->setObjectName(QStringLiteral("alertsMenu"));
    m_menu->addAction(m_rulesAction);
    m_menu->addAction(m_muteAction);
    m_menu->addSeparator();
    m_menu->addAction(m_panel->acknowledgeAction());
    m_menu->addAction(m_panelAction);

    // Into the window's menus: View gets the panel, "Alerts" goes before Help.
    QMenuBar *bar = m_window.menuBar();
    if (auto *view = m_window.findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        view->addAction(m_panelAction);
    }
    if (auto *help = m_window.findChild<QMenu *>(QStringLiteral("helpMenu")))
        bar->insertMenu(help->menuAction(), m_menu);
    else
        bar->addMenu(m_menu);
}

void AlertCoordinator::attachWorker(IngestWorker *worker)
{
    if (!worker)
        return;
    // Queued: the worker lives on the ingest thread, the service here.
    connect(worker, &IngestWorker::samplesArrived, m_service, &AlertService::onSamplesArrived);
    connect(worker, &IngestWorker::alertsArrived, m_service, &AlertService::onAlertsArrived);
}

void AlertCoordinator::setConnectionWanted(bool wanted)
{
    m_service->setConnectionWanted(wanted);
}

void AlertCoordinator::onConnectionStateChanged(ConnectionState state)
{
    m_service->onConnectionStateChanged(state);
}

void AlertCoordinator::setPreviewSource(SampleSource source, QString description)
{
    m_previewSource = std::move(source);
    m_previewDescription = std::move(description);
}

bool AlertCoordinator::keepRunningInTray()
{
    if (m_quitting || !m_tray || !m_tray->isVisible())
        return false;
    // Hidden, the window is no "last window": keep the application alive
    // until Quit.
    QApplication::setQuitOnLastWindowClosed(false);
    m_window.hide();
    m_tray->setWindowShown(false);
    QSettings settings;
    if (!settings.value(CloseExplainedKey, false).toBool()) {
        settings.setValue(CloseExplainedKey, true);
        m_tray->systemTrayIcon()->showMessage(
            tr("Meeting Monitor is still running"),
            tr("It keeps watching the meetings and will notify you of alerts. Use the tray "
               "icon to open the window again, or its Quit to stop."),
            QSystemTrayIcon::Information);
        emit closedToTray();
    }
    return true;
}

void AlertCoordinator::openTarget(const QString &meetingId, const QString &userId)
{
    if (m_window.isMinimized())
        m_window.showNormal();
    else
        m_window.show();
    QApplication::setQuitOnLastWindowClosed(true);
    if (m_tray)
        m_tray->setWindowShown(true);
    m_window.raise();
    m_window.activateWindow();
    if (!meetingId.isEmpty())
        m_window.selectTarget(meetingId, userId);
}

void AlertCoordinator::acknowledge(const QList<quint64> &incidentIds)
{
    m_service->acknowledge(incidentIds, AlertsPanel::currentUserName());
}

void AlertCoordinator::setMuted(bool muted)
{
    if (muted)
        m_service->muteUntil(m_clock.nowMs() + MuteDurationMs);
    else
        m_service->unmute();
    onSummaryChanged();
}

void AlertCoordinator::setRules(const AlertRules &rules)
{
    if (rules.validate())
        return;
    m_service->setRules(rules);
    QSettings settings;
    settings.setValue(RulesKey, QString::fromUtf8(rules.toJson()));
}

AlertRules AlertCoordinator::loadRules(const QSettings &settings)
{
    const QString json = settings.value(RulesKey).toString();
    if (json.isEmpty())
        return AlertRules();
    return AlertRules::fromJson(json.toUtf8()).value_or(AlertRules());
}

void AlertCoordinator::onNotificationRequested(const Notification &notification)
{
    m_notifier->notify(notification);
}

void AlertCoordinator::onSummaryChanged()
{
    const bool muted = m_service->isMuted();
    if (m_muteAction)
        m_muteAction->setChecked(muted);
    if (m_tray) {
        m_tray->setSummary(m_service->firingCount(), m_service->activeCount(),
                           m_service->worstFiringSeverity(), muted);
    }
    if (m_dock) {
        const int firing = m_service->firingCount();
        m_dock->setWindowTitle(firing == 0 ? tr("Alerts")
                                           : tr("Alerts (%n firing)", nullptr, firing));
    }
    if (QTreeView *tree = m_window.treeView())
        tree->viewport()->update();
}

void AlertCoordinator::onShowHideRequested()
{
    if (m_window.isVisible() && !m_window.isMinimized()) {
        QApplication::setQuitOnLastWindowClosed(false);
        m_window.hide();
        if (m_tray)
            m_tray->setWindowShown(false);
    } else {
        openTarget(QString(), QString());
    }
}

void AlertCoordinator::onQuitRequested()
{
    m_quitting = true;
    m_window.close();
    QCoreApplication::quit();
}

void AlertCoordinator::onRulesTriggered()
{
    RulesEditorDialog dialog(m_service->rules(), m_clock, m_previewSource, m_previewDescription,
                             &m_window);
    if (dialog.exec() == QDialog::Accepted && dialog.validationError().isEmpty())
        setRules(dialog.rules());
}

} // namespace mm
