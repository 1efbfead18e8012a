#pragma once

#include "core/clock.h"
#include "history/historyreader.h"
#include "history/historyseries.h"
#include "timewindowbar.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QStackedWidget;

namespace mm {

class FleetChartView;
class MeetingChartView;
class MeetingTreeModel;
class UserChartView;

// The charts beside the tree: a selected user's detail view, a selected
// meeting's view, or the fleet overview when nothing is selected, under one
// time-window bar. Live comes from the tree model's in-memory history and
// repaints at most twice a second (a coalescing timer, one replace() per
// series); longer windows are read by the HistoryReader on its own thread
// while a busy indicator shows, and late answers to an old request are
// dropped.
class DetailArea final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int LiveRepaintMs = 500;
    static constexpr int HistoryFollowMs = 60'000;

    DetailArea(const Clock &clock, const MeetingTreeModel &model, QWidget *parent = nullptr);

    // The history to read long windows from; nullptr: Live only.
    void setHistoryReader(HistoryReader *reader);
    HistoryReader *historyReader() const { return m_reader; }

    // Empty meeting: the fleet; empty user: the meeting.
    void showSelection(const QString &meetingId, const QString &userId);
    QString meetingId() const { return m_meetingId; }
    QString userId() const { return m_userId; }

    void setWindow(TimeWindowKind kind);
    // Shows a user (or a meeting, userId empty) over a custom range, e.g.
    // around an alert incident; read from the history like any custom range.
    void showAround(const QString &meetingId, const QString &userId, qint64 fromMs, qint64 toMs);

    TimeWindowBar *windowBar() const { return m_bar; }
    UserChartView *userView() const { return m_userView; }
    MeetingChartView *meetingView() const { return m_meetingView; }
    FleetChartView *fleetView() const { return m_fleetView; }
    QWidget *currentView() const;
    // A history read is under way.
    bool isLoading() const { return m_pendingRequest != 0; }
    // Live repaints done so far (tests check the coalescing).
    int liveRepaints() const { return m_liveRepaints; }

signals:
    // A history answer was shown (or a read failed); for tests and tools.
    void historyShown();

private:
    enum class Target { Fleet, Meeting, User };
    Target target() const;

    void refresh();
    void refreshLive();
    void requestHistory();
    void onWindowChanged(mm::TimeWindowKind kind);
    void onFollowingChanged(bool following);
    void onResetZoom();
    void onZoomChanged(bool zoomed);
    void onLiveTick();
    void onModelChanged();
    void onUserSeriesReady(quint64 requestId, const mm::UserSeries &series);
    void onMeetingSeriesReady(quint64 requestId, const mm::MeetingSeries &series);
    void onFleetSeriesReady(quint64 requestId, const mm::FleetSeries &series);
    void onRequestFailed(quint64 requestId, const QString &error);
    void finishRequest();
    void showCurrentView();
    void clearCurrent(const QString &message);

    const Clock &m_clock;
    const MeetingTreeModel &m_model;
    QPointer<HistoryReader> m_reader;
    TimeWindowBar *m_bar;
    QStackedWidget *m_views;
    UserChartView *m_userView;
    MeetingChartView *m_meetingView;
    FleetChartView *m_fleetView;

    QString m_meetingId;
    QString m_userId;
    qint64 m_windowFrom = 0;
    qint64 m_windowTo = 0;
    quint64 m_pendingRequest = 0;
    QTimer m_liveTimer;
    QTimer m_followTimer;
    QElapsedTimer m_sinceLiveRepaint;
    bool m_modelDirty = true;
    int m_liveRepaints = 0;
};

} // namespace mm
