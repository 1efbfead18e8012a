// The alert widgets offscreen: panel (filters, acknowledge, silence,
// timeline), tree marks, tray summary, rules editor with presets,
// validation and the history preview, rules persistence.
#include "alertfilterproxymodel.h"
#include "alertmarkdelegate.h"
#include "alerts/alertlistmodel.h"
#include "alertspanel.h"
#include "alertuitestutil.h"
#include "model/modelroles.h"
#include "ruleseditordialog.h"
#include "trayicon.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTreeView>

#include <gtest/gtest.h>

namespace mm::test {
namespace {

const QString Meeting = QStringLiteral("m-1");
const QString PoorUser = QStringLiteral("u-poor");
const QString SlowUser = QStringLiteral("u-slow");

// One critical user (poor), one warning-only user (latency 350 ms, good).
SampleBatch mixed(const AlertWindow &w)
{
    return {alertSample(Meeting, PoorUser, 900, 20, Quality::Poor, w.clock.nowMs(),
                        QStringLiteral("<b>Mallory</b>")),
            alertSample(Meeting, SlowUser, 350, 0, Quality::Good, w.clock.nowMs()),
            alertSample(QStringLiteral("m-2"), QStringLiteral("u-fine"), 30, 0,
                        Quality::Excellent, w.clock.nowMs())};
}

int visibleRows(const AlertsPanel &panel)
{
    return panel.proxy()->rowCount();
}

TEST(AlertsPanel, ListsFiltersAcknowledgesAndShowsTheTimeline)
{
    AlertWindow w;
    w.window.show();
    w.run(30, [&] { return mixed(w); });
    AlertsPanel *panel = w.alerts()->panel();
    ASSERT_TRUE(w.alerts()->dock()->isVisible());
    // Poor user: poor-connection, latency, loss; slow user: latency.
    ASSERT_EQ(visibleRows(*panel), 4);

    panel->severityFilter()->setCurrentIndex(panel->severityFilter()->findData(int(Severity::Critical)));
    EXPECT_EQ(visibleRows(*panel), 1);
    for (int r = 0; r < visibleRows(*panel); ++r)
        EXPECT_EQ(panel->proxy()->index(r, 0).data(AlertSeverityRole).toInt(), int(Severity::Critical));
    panel->severityFilter()->setCurrentIndex(0);

    panel->stateFilter()->setCurrentIndex(
        panel->stateFilter()->findData(int(AlertFilterProxyModel::StateFilter::Closed)));
    EXPECT_EQ(visibleRows(*panel), 0);
    panel->stateFilter()->setCurrentIndex(
        panel->stateFilter()->findData(int(AlertFilterProxyModel::StateFilter::Firing)));
    EXPECT_EQ(visibleRows(*panel), 4);

    panel->userFilter()->setText(QStringLiteral("slow"));
    EXPECT_EQ(visibleRows(*panel), 1);
    panel->userFilter()->setText(QStringLiteral("mallory")); // by name
    EXPECT_EQ(visibleRows(*panel), 3);
    panel->meetingFilter()->setText(QStringLiteral("m-2"));
    EXPECT_EQ(visibleRows(*panel), 0);
    panel->meetingFilter()->clear();

    // Select the critical one, acknowledge it with the action (shortcut).
    panel->severityFilter()->setCurrentIndex(panel->severityFilter()->findData(int(Severity::Critical)));
    panel->table()->selectRow(0);
    const quint64 id = panel->selectedIncidentIds().value(0);
    ASSERT_NE(id, 0u);
    EXPECT_EQ(panel->acknowledgeAction()->shortcut(),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    ASSERT_TRUE(panel->acknowledgeAction()->isEnabled());
    panel->acknowledgeAction()->trigger();
    ASSERT_NE(w.service()->engine().incident(id), nullptr);
    EXPECT_TRUE(w.service()->engine().incident(id)->isAcknowledged());

    const QString timeline = panel->timeline()->toPlainText();
    EXPECT_TRUE(timeline.contains(QStringLiteral("pending"))) << timeline.toStdString();
    EXPECT_TRUE(timeline.contains(QStringLiteral("fired"))) << timeline.toStdString();
    EXPECT_TRUE(timeline.contains(QStringLiteral("acknowledged by"))) << timeline.toStdString();
    // The name is shown literally, not as markup.
    EXPECT_TRUE(timeline.contains(QStringLiteral("<b>Mallory</b>"))) << timeline.toStdString();

    // Silence this user for 15 minutes: its incidents are marked silenced.
    ASSERT_TRUE(panel->silenceSelected(AlertsPanel::SilenceScope::User, 15 * 60'000));
    EXPECT_TRUE(w.service()->engine().incident(id)->silenced);
    EXPECT_TRUE(panel->timeline()->toPlainText().contains(QStringLiteral("Silenced")));

    EXPECT_FALSE(w.window.grab().isNull());
}

TEST(AlertsPanel, TreeRowsOfUsersAndMeetingsWithFiringAlertsAreMarked)
{
    AlertWindow w;
    w.run(30, [&] { return mixed(w); });
    QTreeView *tree = w.window.treeView();
    auto *delegate = qobject_cast<AlertMarkDelegate *>(
        tree->itemDelegateForColumn(int(TreeColumn::Name)));
    ASSERT_NE(delegate, nullptr);
    MeetingTreeModel *model = w.window.model();
    EXPECT_EQ(delegate->markFor(model->indexOf(Meeting, PoorUser)), Severity::Critical);
    EXPECT_EQ(delegate->markFor(model->indexOf(Meeting, SlowUser)), Severity::Warning);
    EXPECT_EQ(delegate->markFor(model->indexOf(Meeting)), Severity::Critical);
    EXPECT_FALSE(delegate->markFor(model->indexOf(QStringLiteral("m-2"))).has_value());
    EXPECT_FALSE(delegate->markFor(model->indexOf(QStringLiteral("m-2"), QStringLiteral("u-fine")))
                     .has_value());
}

TEST(AlertsWindow, MenusCarryTheAlertActionsWithShortcuts)
{
    AlertWindow w;
    AlertCoordinator *alerts = w.alerts();
    EXPECT_FALSE(alerts->panelAction()->shortcut().isEmpty());
    EXPECT_FALSE(alerts->rulesAction()->shortcut().isEmpty());
    EXPECT_FALSE(alerts->muteAction()->shortcut().isEmpty());
    bool inMenuBar = false;
    for (QAction *action : w.window.menuBar()->actions())
        inMenuBar = inMenuBar || action->menu() == alerts->menu();
    EXPECT_TRUE(inMenuBar);
    auto *view = w.window.findChild<QMenu *>(QStringLiteral("viewMenu"));
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->actions().contains(alerts->panelAction()));

    alerts->muteAction()->trigger();
    EXPECT_TRUE(w.service()->isMuted());
    EXPECT_TRUE(alerts->muteAction()->isChecked());
    alerts->muteAction()->trigger();
    EXPECT_FALSE(w.service()->isMuted());
}

TEST(TrayIcon, IconAndTooltipFollowTheWorstSeverity)
{
    TrayIcon tray;
    EXPECT_EQ(tray.iconName(), QStringLiteral(":/icons/alert-none.svg"));
    tray.setSummary(1, 3, Severity::Warning, false);
    EXPECT_EQ(tray.iconName(), QStringLiteral(":/icons/alert-warning.svg"));
    EXPECT_TRUE(tray.toolTip().contains(QStringLiteral("3"))) << tray.toolTip().toStdString();
    tray.setSummary(2, 2, Severity::Critical, false);
    EXPECT_EQ(tray.iconName(), QStringLiteral(":/icons/alert-critical.svg"));
    EXPECT_FALSE(QIcon(tray.iconName()).isNull());
    tray.setSummary(2, 2, Severity::Critical, true);
    EXPECT_EQ(tray.iconName(), QStringLiteral(":/icons/alert-muted.svg"));
    EXPECT_TRUE(tray.muteAction()->isChecked());
    EXPECT_EQ(tray.menu()->actions().size(), 4); // show/hide, mute, separator, quit
}

TEST(RulesEditor, PresetsValidationAndPreview)
{
    AlertFakeClock clock;
    // Five users at 350 ms for two minutes, in the "history".
    SampleBatch history;
    for (int s = 0; s < 120; ++s) {
        for (int u = 0; u < 5; ++u) {
            history.push_back(alertSample(Meeting, QStringLiteral("u%1").arg(u), 350, 0,
                                          Quality::Good, clock.nowMs() - 3600'000 + s * 1000));
        }
    }
    const SampleSource source = [history](qint64, qint64, const SampleSink &sink, QString *) {
        return sink(history);
    };
    RulesEditorDialog dialog(AlertRules(), clock, source, QStringLiteral("test samples"));
    dialog.show();
    EXPECT_EQ(dialog.fireSpin(AlertType::HighLatency)->value(), 300);

    const AlertPreviewResult plan = dialog.runPreview();
    ASSERT_TRUE(plan.ok);
    EXPECT_EQ(plan.fired[size_t(AlertType::HighLatency)], 5);
    EXPECT_TRUE(dialog.previewText().contains(QStringLiteral("High latency: 5 incident"))) << dialog.previewText().toStdString();

    dialog.applyPreset(AlertRules::Preset::TeamsCallQuality);
    EXPECT_EQ(dialog.fireSpin(AlertType::HighLatency)->value(), 500);
    EXPECT_EQ(dialog.rules(), AlertRules::preset(AlertRules::Preset::TeamsCallQuality));
    EXPECT_EQ(dialog.runPreview().fired[size_t(AlertType::HighLatency)], 0);

    // An edit: clear above fire is refused with a reason, OK disabled.
    dialog.clearSpin(AlertType::HighLatency)->setValue(600);
    EXPECT_FALSE(dialog.validationError().isEmpty());
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    EXPECT_FALSE(dialog.previewButton()->isEnabled());
    dialog.clearSpin(AlertType::HighLatency)->setValue(280);
    dialog.fireSpin(AlertType::HighLatency)->setValue(320);
    EXPECT_TRUE(dialog.validationError().isEmpty());
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    EXPECT_EQ(dialog.rules().rule(AlertType::HighLatency).fireThreshold, 320);
    EXPECT_EQ(dialog.runPreview().fired[size_t(AlertType::HighLatency)], 5);
    EXPECT_FALSE(dialog.grab().isNull());
}

TEST(RulesEditor, SavedRulesPersistAsJson)
{
    AlertWindow w;
    AlertRules rules = AlertRules::preset(AlertRules::Preset::ItuG114);
    rules.rule(AlertType::PacketLoss).holdMs = 20'000;
    w.alerts()->setRules(rules);
    EXPECT_EQ(w.service()->rules(), rules);
    const QSettings settings;
    EXPECT_EQ(AlertCoordinator::loadRules(settings), rules);
    // Garbage in the settings falls back to the plan's rules.
    QSettings writable;
    writable.setValue(QStringLiteral("alerts/rules"), QStringLiteral("{not json"));
    EXPECT_EQ(AlertCoordinator::loadRules(writable), AlertRules());
    writable.remove(QStringLiteral("alerts/rules"));
}

} // namespace
} // namespace mm::test
