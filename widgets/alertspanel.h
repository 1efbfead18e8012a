#pragma once

#include "alerts/incident.h"

#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QToolButton;

namespace mm {

class AlertFilterProxyModel;
class AlertListModel;
class AlertService;

// Active and recent incidents: the AlertListModel in a table behind a
// filter (severity, state, meeting, user), with acknowledge (button and
// Ctrl+Shift+A) and silence (user, meeting or type for 15 min to 24 h), and
// the selected incident's timeline as plain text. Double-clicking an
// incident asks to open its meeting or user.
class AlertsPanel final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxTimelineTextChars = 300; // per untrusted field

    AlertsPanel(AlertService &service, AlertListModel &model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    AlertFilterProxyModel *proxy() const { return m_proxy; }
    QAction *acknowledgeAction() const { return m_acknowledge; }
    QComboBox *severityFilter() const { return m_severity; }
    QComboBox *stateFilter() const { return m_state; }
    QLineEdit *meetingFilter() const { return m_meeting; }
    QLineEdit *userFilter() const { return m_user; }
    QPlainTextEdit *timeline() const { return m_timeline; }

    // Incidents of the selected rows.
    QList<quint64> selectedIncidentIds() const;
    // Selects the row of an incident (false when it is filtered out or gone).
    bool selectIncident(quint64 incidentId);

    // Who acknowledges: the account name, bounded.
    static QString currentUserName();
    // The timeline text of one incident (plain text).
    static QString timelineText(const Incident &incident, qint64 nowMs);

    // Silences the selected incident's user, meeting or type for `ms`.
    enum class SilenceScope { User, Meeting, Type };
    bool silenceSelected(SilenceScope scope, qint64 ms);

signals:
    void openRequested(const QString &meetingId, const QString &userId);
    // The current row moved to another incident (not on its updates).
    void incidentSelected(const mm::Incident &incident);

private:
    void onFiltersChanged();
    void onAcknowledge();
    void onSelectionChanged();
    void onCurrentRowChanged();
    void onActivated(const QModelIndex &index);
    void updateActions();
    void updateTimeline();
    QToolButton *createSilenceButton();
    const Incident *currentIncident() const;

    AlertService &m_service;
    AlertListModel &m_model;
    AlertFilterProxyModel *m_proxy;
    QComboBox *m_severity;
    QComboBox *m_state;
    QLineEdit *m_meeting;
    QLineEdit *m_user;
    QTableView *m_table;
    QPlainTextEdit *m_timeline;
    QSplitter *m_splitter;
    QAction *m_acknowledge;
    QPushButton *m_acknowledgeButton;
    QToolButton *m_silenceButton = nullptr;
    QList<QAction *> m_userSilences;
    QList<QAction *> m_meetingSilences;
    quint64 m_currentIncidentId = 0;
};

} // namespace mm
