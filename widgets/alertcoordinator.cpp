#include "alertcoordinator.h"

#include "alertbanner.h"
#include "alertmarkdelegate.h"
#include "alerts/alertlistmodel.h"
#include "alerts/alertservice.h"
#include "alertspanel.h"
#include "desktopnotifier.h"
#include "detailarea.h"
#include "history/historyrangereader.h"
#include "history/historyreader.h"
#include "history/historywriter.h"
#include "history/incidentjournal.h"
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
    connect(m_panel, &AlertsPanel::incidentSelected, this, &AlertCoordinator::onIncidentSelected);

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
    setPreviewSource(SampleSource(),
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

void AlertCoordinator::setPreviewSource(SampleSource source, QString description,
                                        std::function<QString()> summary)
{
    m_previewSource = std::move(source);
    m_previewDescription = std::move(description);
    m_previewSummary = std::move(summary);
}

void AlertCoordinator::setHistory(HistoryReader *reader, HistoryWriter *writer)
{
    if (reader) {
        auto stats = std::make_shared<HistoryRangeStats>();
        setPreviewSource(
            historySampleSource(reader->databasePath(), stats),
            tr("the history database"), [stats] {
                if (stats->rollupUserMinutes == 0)
                    return tr("Every minute was judged from raw 1 Hz samples.");
                return tr("%1 user-minute(s) were judged from raw 1 Hz samples and %2 older "
                          "one(s) from per-minute rollups, replayed at each minute's mean value "
                          "and the level it held longest: a breach shorter than about a minute "
                          "may not count there.")
                    .arg(stats->rawUserMinutes)
                    .arg(stats->rollupUserMinutes);
            });
    }
    if (m_historyWriter || !writer || !reader)
        return;
    // Only a history this window writes itself: a --db one may be a
    // recorder's, which the window never writes.
    m_historyWriter = writer;
    connect(m_service, &AlertService::incidentsChanged, this, &AlertCoordinator::recordIncidents);
    m_journal = new IncidentJournal(reader->databasePath(), this);
    connect(m_service, &AlertService::silenceAdded, m_journal, &IncidentJournal::saveSilence);
    connect(m_service, &AlertService::silenceRemoved, m_journal, &IncidentJournal::removeSilence);
    connect(m_journal, &IncidentJournal::silencesLoaded, this,
            &AlertCoordinator::onSilencesLoaded);
    connect(m_journal, &IncidentJournal::failed, this, [](const QString &message) {
        // Silences still work for this run; only keeping them failed.
        qWarning("Cannot keep alert silences in the history: %s", qUtf8Printable(message));
    });
    m_journal->loadSilences(m_clock.nowMs());
}

void AlertCoordinator::recordIncidents(const IncidentChanges &changes)
{
    // As the recorder does: every snapshot but the engine letting go of a
    // closed incident (the history keeps it as last written).
    std::vector<Incident> snapshots;
    snapshots.reserve(changes.size());
    for (const IncidentChange &change : changes) {
        if (change.event != IncidentEvent::Forgotten)
            snapshots.push_back(change.incident);
    }
    if (snapshots.empty() || !m_historyWriter)
        return;
    HistoryWriter *writer = m_historyWriter;
    QMetaObject::invokeMethod(
        writer, [writer, snapshots = std::move(snapshots)] { writer->writeIncidents(snapshots); },
        Qt::QueuedConnection);
}

void AlertCoordinator::onIncidentSelected(const Incident &incident)
{
    if (incident.meetingId.isEmpty())
        return; // the gateway: no chart of its own
    DetailArea *detail = m_window.detailArea();
    if (detail && detail->historyReader()) {
        // Whole minutes: the range edits show minutes, and the history's
        // finest step beyond raw retention is one.
        const qint64 end = incident.isOpen() || incident.resolvedMs == 0 ? m_clock.nowMs()
                                                                          : incident.resolvedMs;
        const qint64 minute = 60'000;
        const qint64 from = ((incident.startedMs - IncidentMarginMs) / minute) * minute;
        const qint64 to = ((end + IncidentMarginMs + minute - 1) / minute) * minute;
        detail->showAround(incident.meetingId, incident.userId, from, to);
    }
    // Selects the tree row too (the chart above stays: same selection).
    m_window.selectTarget(incident.meetingId, incident.userId);
}

void AlertCoordinator::onSilencesLoaded(const std::vector<Silence> &silences)
{
    // Restored with their creation time, so saving them again (the engine
    // announces each) only rewrites the same rows. Expired ones are refused.
    for (const Silence &silence : silences) {
        bool known = false;
        for (const Silence &existing : m_service->engine().silences()) {
            known = known
                    || (existing.createdMs == silence.createdMs
                        && existing.meetingId == silence.meetingId
                        && existing.userId == silence.userId
                        && existing.typeName == silence.typeName);
        }
        if (!known)
            m_service->addSilence(silence);
    }
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
    if (!m_desktopNotifications)
        return;
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
    // The live store may only be read here: the preview gets a copy.
    const SampleSource source = m_previewSource
                                    ? m_previewSource
                                    : storeSnapshotSource(m_window.model()->store());
    RulesEditorDialog dialog(m_service->rules(), m_clock, source, m_previewDescription, &m_window);
    dialog.setSourceSummary(m_previewSummary);
    if (dialog.exec() == QDialog::Accepted && dialog.validationError().isEmpty())
        setRules(dialog.rules());
}

} // namespace mm
