#include "alertspanel.h"

#include "alertfilterproxymodel.h"
#include "alerts/alertlistmodel.h"
#include "alerts/alertservice.h"
#include "alerts/notificationpolicy.h"
#include "plaintext.h"
#include "rowclipboard.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mm {

namespace {

constexpr qint64 Minute = 60'000;
constexpr int MaxUserNameChars = 64;

struct DurationChoice
{
    qint64 ms;
    const char *label;
};
// QT_TRANSLATE_NOOP: translated when the menu is built.
const DurationChoice SilenceDurations[] = {
    {15 * Minute, QT_TRANSLATE_NOOP("mm::AlertsPanel", "15 minutes")},
    {60 * Minute, QT_TRANSLATE_NOOP("mm::AlertsPanel", "1 hour")},
    {4 * 60 * Minute, QT_TRANSLATE_NOOP("mm::AlertsPanel", "4 hours")},
    {24 * 60 * Minute, QT_TRANSLATE_NOOP("mm::AlertsPanel", "24 hours")},
};

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// "name (id)", or the id alone; both bounded and on one line.
QString who(const QString &name, const QString &id)
{
    const QString shownId = boundedForDisplay(id, AlertsPanel::MaxTimelineTextChars);
    if (name.isEmpty() || name == id)
        return shownId;
    return QStringLiteral("%1 (%2)").arg(boundedForDisplay(name, AlertsPanel::MaxTimelineTextChars),
                                         shownId);
}

} // namespace

AlertsPanel::AlertsPanel(AlertService &service, AlertListModel &model, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_model(model)
    , m_proxy(new AlertFilterProxyModel(this))
    , m_severity(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_meeting(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_timeline(new QPlainTextEdit(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_acknowledge(new QAction(tr("&Acknowledge"), this))
    , m_acknowledgeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_proxy->setSourceModel(&m_model);

    m_severity->setObjectName(QStringLiteral("alertSeverityFilter"));
    m_severity->addItem(tr("All severities"), 0);
    m_severity->addItem(severityDisplayName(Severity::Critical), int(Severity::Critical));
    m_severity->addItem(severityDisplayName(Severity::Warning), int(Severity::Warning));

    m_state->setObjectName(QStringLiteral("alertStateFilter"));
    m_state->addItem(tr("Active"), int(AlertFilterProxyModel::StateFilter::Active));
    m_state->addItem(tr("Firing"), int(AlertFilterProxyModel::StateFilter::Firing));
    m_state->addItem(tr("Pending"), int(AlertFilterProxyModel::StateFilter::Pending));
    m_state->addItem(tr("Closed"), int(AlertFilterProxyModel::StateFilter::Closed));
    m_state->addItem(tr("All states"), int(AlertFilterProxyModel::StateFilter::All));
    m_state->setCurrentIndex(m_state->count() - 1);

    m_meeting->setObjectName(QStringLiteral("alertMeetingFilter"));
    m_meeting->setPlaceholderText(tr("Meeting"));
    m_meeting->setClearButtonEnabled(true);
    m_user->setObjectName(QStringLiteral("alertUserFilter"));
    m_user->setPlaceholderText(tr("User"));
    m_user->setClearButtonEnabled(true);

    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAction"));
    m_acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_acknowledge->setShortcutContext(Qt::WindowShortcut);
    m_acknowledge->setToolTip(tr("Acknowledge the selected alerts: no more reminders (Ctrl+Shift+A)"));
    addAction(m_acknowledge);
    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgeButton"));
    m_acknowledgeButton->setText(tr("Acknowledge (%1)")
                                     .arg(m_acknowledge->shortcut().toString(
                                         QKeySequence::NativeText)));
    m_acknowledgeButton->setToolTip(m_acknowledge->toolTip());
    connect(m_acknowledgeButton, &QPushButton::clicked, m_acknowledge, &QAction::trigger);
    connect(m_acknowledge, &QAction::triggered, this, &AlertsPanel::onAcknowledge);
    m_silenceButton = createSilenceButton();

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_severity);
    filters->addWidget(m_state);
    filters->addWidget(m_meeting, 1);
    filters->addWidget(m_user, 1);
    filters->addSpacing(12);
    filters->addWidget(m_acknowledgeButton);
    filters->addWidget(m_silenceButton);

    m_table->setObjectName(QStringLiteral("alertsTable"));
    m_table->setModel(m_proxy);
    addCopyRowsAction(m_table);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(int(AlertColumn::Started), Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    const std::pair<AlertColumn, int> widths[] = {
        {AlertColumn::State, 75},    {AlertColumn::Severity, 90}, {AlertColumn::Type, 125},
        {AlertColumn::Meeting, 150}, {AlertColumn::User, 120},    {AlertColumn::Source, 90},
        {AlertColumn::Started, 150}, {AlertColumn::Duration, 75}, {AlertColumn::Peak, 75},
    };
    for (const auto &[column, width] : widths)
        header->resizeSection(int(column), width);

    m_timeline->setObjectName(QStringLiteral("alertTimeline"));
    m_timeline->setReadOnly(true);
    m_timeline->setPlaceholderText(tr("Select an alert to see its timeline."));
    m_timeline->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_timeline);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);

    connect(m_severity, &QComboBox::currentIndexChanged, this, &AlertsPanel::onFiltersChanged);
    connect(m_state, &QComboBox::currentIndexChanged, this, &AlertsPanel::onFiltersChanged);
    connect(m_meeting, &QLineEdit::textChanged, this, &AlertsPanel::onFiltersChanged);
    connect(m_user, &QLineEdit::textChanged, this, &AlertsPanel::onFiltersChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPanel::onSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsPanel::onCurrentRowChanged);
    connect(m_table, &QTableView::activated, this, &AlertsPanel::onActivated);
    connect(m_table, &QTableView::doubleClicked, this, &AlertsPanel::onActivated);
    // The selected incident's timeline follows the engine's updates.
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &AlertsPanel::updateTimeline);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::updateTimeline);
    updateActions();
}

QToolButton *AlertsPanel::createSilenceButton()
{
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("silenceButton"));
    button->setText(tr("Silence"));
    button->setToolTip(tr("Stop notifications about the selected alert's user, meeting or "
                          "type for a while"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(button);
    const std::pair<SilenceScope, QString> scopes[] = {
        {SilenceScope::User, tr("This &user")},
        {SilenceScope::Meeting, tr("This &meeting")},
        {SilenceScope::Type, tr("This &type of alert")},
    };
    for (const auto &[scope, title] : scopes) {
        QMenu *sub = menu->addMenu(title);
        for (const DurationChoice &choice : SilenceDurations) {
            QAction *action = sub->addAction(tr(choice.label));
            const SilenceScope s = scope;
            const qint64 ms = choice.ms;
            connect(action, &QAction::triggered, this, [this, s, ms] { silenceSelected(s, ms); });
            if (scope == SilenceScope::User)
                m_userSilences.append(action);
            else if (scope == SilenceScope::Meeting)
                m_meetingSilences.append(action);
        }
    }
    button->setMenu(menu);
    return button;
}

QList<quint64> AlertsPanel::selectedIncidentIds() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(row.data(IncidentIdRole).toULongLong());
    return ids;
}

bool AlertsPanel::selectIncident(quint64 incidentId)
{
    const int sourceRow = m_model.rowOf(incidentId);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model.index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

QString AlertsPanel::currentUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = tr("desktop user");
    return boundedForDisplay(name, MaxUserNameChars);
}

const Incident *AlertsPanel::currentIncident() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QModelIndex source = m_proxy->mapToSource(current);
    return m_model.incidentAt(source.row());
}

bool AlertsPanel::silenceSelected(SilenceScope scope, qint64 ms)
{
    const Incident *incident = currentIncident();
    if (!incident)
        return false;
    Silence silence;
    switch (scope) {
    case SilenceScope::User:
        if (incident->userId.isEmpty())
            return false;
        silence.meetingId = incident->meetingId;
        silence.userId = incident->userId;
        break;
    case SilenceScope::Meeting:
        if (incident->meetingId.isEmpty())
            return false;
        silence.meetingId = incident->meetingId;
        break;
    case SilenceScope::Type:
        silence.typeName = incident->typeName;
        break;
    }
    const qint64 now = m_service.clock().nowMs();
    silence.createdMs = now;
    silence.untilMs = now + ms;
    silence.createdBy = currentUserName();
    return m_service.addSilence(silence) != 0;
}

QString AlertsPanel::timelineText(const Incident &incident, qint64 nowMs)
{
    QStringList lines;
    const QString type = incident.type == AlertType::Custom
        ? boundedForDisplay(incident.typeName, MaxTimelineTextChars)
        : alertTypeDisplayName(incident.type);
    lines << tr("%1 — %2 — %3")
                 .arg(type, severityDisplayName(incident.severity),
                      incidentStateDisplayName(incident.state));
    if (incident.meetingId.isEmpty())
        lines << tr("Gateway");
    else
        lines << tr("Meeting: %1").arg(who(incident.meetingName, incident.meetingId));
    if (!incident.userId.isEmpty())
        lines << tr("User: %1").arg(who(incident.username, incident.userId));
    lines << tr("Source: %1").arg(alertSourceDisplayName(incident.source));
    lines << QString();
    lines << tr("%1  pending (condition first seen)").arg(timeText(incident.startedMs));
    if (incident.firedMs > 0)
        lines << tr("%1  fired").arg(timeText(incident.firedMs));
    if (incident.reopenCount > 0)
        lines << tr("Reopened %n time(s) within the reopen window", nullptr, incident.reopenCount);
    for (const Acknowledgement &ack : incident.acknowledgements) {
        const QString by = boundedForDisplay(ack.by, MaxTimelineTextChars);
        if (ack.note.isEmpty())
            lines << tr("%1  acknowledged by %2").arg(timeText(ack.atMs), by);
        else
            lines << tr("%1  acknowledged by %2: %3")
                         .arg(timeText(ack.atMs), by,
                              boundedForDisplay(ack.note, MaxTimelineTextChars));
    }
    if (incident.resolvedMs > 0) {
        switch (incident.state) {
        case IncidentState::Resolved:
            lines << tr("%1  resolved").arg(timeText(incident.resolvedMs));
            break;
        case IncidentState::Ended:
            lines << tr("%1  ended (the user or meeting went away)").arg(timeText(incident.resolvedMs));
            break;
        case IncidentState::Cancelled:
            lines << tr("%1  cancelled before firing").arg(timeText(incident.resolvedMs));
            break;
        default:
            break;
        }
    }
    if (incident.firedMs > 0) {
        const qint64 end = incident.resolvedMs > 0 ? incident.resolvedMs : nowMs;
        lines << tr("Firing for %1").arg(formatAlertDuration(std::max<qint64>(0, end - incident.firedMs)));
    }
    if (incident.peak) {
        const QString value = QLocale().toString(*incident.peak, 'f',
                                                 incident.type == AlertType::PacketLoss ? 1 : 0);
        QString peak = value;
        if (incident.type == AlertType::HighLatency || incident.type == AlertType::HighJitter)
            peak = tr("%1 ms").arg(value);
        else if (incident.type == AlertType::PacketLoss)
            peak = tr("%1 %", "packet loss").arg(value);
        else if (incident.type == AlertType::MeetingDegraded)
            peak = tr("%1 % of users", "meeting degraded").arg(value);
        lines << tr("Peak: %1").arg(peak);
    }
    if (incident.silenced)
        lines << tr("Silenced: no notifications");
    if (!incident.message.isEmpty())
        lines << QString() << tr("Message: %1").arg(boundedForDisplay(incident.message, MaxTimelineTextChars));
    return lines.join(QLatin1Char('\n'));
}

void AlertsPanel::onFiltersChanged()
{
    const int severity = m_severity->currentData().toInt();
    m_proxy->setSeverityFilter(severity == 0 ? std::nullopt
                                             : std::optional<Severity>(Severity(severity)));
    m_proxy->setStateFilter(AlertFilterProxyModel::StateFilter(m_state->currentData().toInt()));
    m_proxy->setMeetingFilter(m_meeting->text());
    m_proxy->setUserFilter(m_user->text());
    updateActions();
    updateTimeline();
}

void AlertsPanel::onAcknowledge()
{
    const QList<quint64> ids = selectedIncidentIds();
    if (!ids.isEmpty())
        m_service.acknowledge(ids, currentUserName());
    updateTimeline();
}

void AlertsPanel::onSelectionChanged()
{
    updateActions();
    updateTimeline();
}

void AlertsPanel::onCurrentRowChanged()
{
    const Incident *incident = currentIncident();
    const quint64 id = incident ? incident->id : 0;
    if (id == m_currentIncidentId)
        return;
    m_currentIncidentId = id;
    if (incident)
        emit incidentSelected(*incident);
}

void AlertsPanel::onActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString meeting = index.data(AlertMeetingIdRole).toString();
    if (!meeting.isEmpty())
        emit openRequested(meeting, index.data(AlertUserIdRole).toString());
}

void AlertsPanel::updateActions()
{
    const bool any = m_table->selectionModel()->hasSelection();
    m_acknowledge->setEnabled(any);
    m_acknowledgeButton->setEnabled(any);
    const Incident *incident = currentIncident();
    m_silenceButton->setEnabled(incident != nullptr);
    for (QAction *action : std::as_const(m_userSilences))
        action->setEnabled(incident && !incident->userId.isEmpty());
    for (QAction *action : std::as_const(m_meetingSilences))
        action->setEnabled(incident && !incident->meetingId.isEmpty());
}

void AlertsPanel::updateTimeline()
{
    const Incident *incident = currentIncident();
    const QString text = incident ? timelineText(*incident, m_service.clock().nowMs()) : QString();
    if (text != m_timeline->toPlainText())
        m_timeline->setPlainText(text);
    updateActions();
}

} // namespace mm
