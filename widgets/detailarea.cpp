#include "detailarea.h"

#include "chartadapters.h"
#include "fleetchartview.h"
#include "history/historyreader.h"
#include "meetingchartview.h"
#include "model/meetingtreemodel.h"
#include "userchartview.h"

#include <QStackedWidget>
#include <QVBoxLayout>

namespace mm {

DetailArea::DetailArea(const Clock &clock, const MeetingTreeModel &model, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(model)
    , m_bar(new TimeWindowBar(this))
    , m_views(new QStackedWidget(this))
    , m_userView(new UserChartView(m_views))
    , m_meetingView(new MeetingChartView(m_views))
    , m_fleetView(new FleetChartView(m_views))
{
    setObjectName(QStringLiteral("detailArea"));
    m_views->addWidget(m_fleetView);
    m_views->addWidget(m_meetingView);
    m_views->addWidget(m_userView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_views, 1);

    connect(m_bar, &TimeWindowBar::windowChanged, this, &DetailArea::onWindowChanged);
    connect(m_bar, &TimeWindowBar::followingChanged, this, &DetailArea::onFollowingChanged);
    connect(m_bar, &TimeWindowBar::resetZoomRequested, this, &DetailArea::onResetZoom);
    connect(m_userView, &UserChartView::zoomChanged, this, &DetailArea::onZoomChanged);
    connect(m_meetingView, &MeetingChartView::zoomChanged, this, &DetailArea::onZoomChanged);
    connect(m_fleetView, &FleetChartView::zoomChanged, this, &DetailArea::onZoomChanged);

    // The model announces every batch; the charts only note that something
    // changed and repaint on the next tick (at most 1000 / LiveRepaintMs
    // times a second, whatever the message rate).
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &DetailArea::onModelChanged);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &DetailArea::onModelChanged);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &DetailArea::onModelChanged);
    m_liveTimer.setInterval(LiveRepaintMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &DetailArea::onLiveTick);
    m_liveTimer.start();
    m_followTimer.setInterval(HistoryFollowMs);
    connect(&m_followTimer, &QTimer::timeout, this, [this] {
        if (m_bar->kind() != TimeWindowKind::Live && m_bar->kind() != TimeWindowKind::Custom
            && m_bar->isFollowing() && !isLoading())
            requestHistory();
    });
    m_followTimer.start();
    m_sinceLiveRepaint.start();
    refresh();
}

void DetailArea::setHistoryReader(HistoryReader *reader)
{
    if (m_reader)
        disconnect(m_reader, nullptr, this, nullptr);
    m_reader = reader;
    m_pendingRequest = 0;
    if (reader) {
        connect(reader, &HistoryReader::userSeriesReady, this, &DetailArea::onUserSeriesReady);
        connect(reader, &HistoryReader::meetingSeriesReady, this,
                &DetailArea::onMeetingSeriesReady);
        connect(reader, &HistoryReader::fleetSeriesReady, this, &DetailArea::onFleetSeriesReady);
        connect(reader, &HistoryReader::requestFailed, this, &DetailArea::onRequestFailed);
    }
    refresh();
}

void DetailArea::showSelection(const QString &meetingId, const QString &userId)
{
    if (meetingId == m_meetingId && userId == m_userId)
        return;
    m_meetingId = meetingId;
    m_userId = meetingId.isEmpty() ? QString() : userId;
    refresh();
}

void DetailArea::setWindow(TimeWindowKind kind)
{
    m_bar->setKind(kind); // announces windowChanged when it changes
}

void DetailArea::showAround(const QString &meetingId, const QString &userId, qint64 fromMs,
                            qint64 toMs)
{
    m_meetingId = meetingId;
    m_userId = meetingId.isEmpty() ? QString() : userId;
    m_bar->setCustomRange(fromMs, toMs);
    if (m_bar->kind() != TimeWindowKind::Custom)
        m_bar->setKind(TimeWindowKind::Custom); // refreshes through onWindowChanged
    else
        onWindowChanged(TimeWindowKind::Custom); // a new range: unzoomed, read again
}

QWidget *DetailArea::currentView() const
{
    return m_views->currentWidget();
}

DetailArea::Target DetailArea::target() const
{
    if (m_meetingId.isEmpty())
        return Target::Fleet;
    return m_userId.isEmpty() ? Target::Meeting : Target::User;
}

void DetailArea::showCurrentView()
{
    switch (target()) {
    case Target::Fleet:
        m_views->setCurrentWidget(m_fleetView);
        break;
    case Target::Meeting:
        m_views->setCurrentWidget(m_meetingView);
        break;
    case Target::User:
        m_views->setCurrentWidget(m_userView);
        break;
    }
}

void DetailArea::clearCurrent(const QString &message)
{
    switch (target()) {
    case Target::Fleet:
        m_fleetView->clear(message);
        break;
    case Target::Meeting:
        m_meetingView->clear(message);
        break;
    case Target::User:
        m_userView->clear(message);
        break;
    }
}

void DetailArea::refresh()
{
    showCurrentView();
    if (m_bar->kind() == TimeWindowKind::Live) {
        // A read still under way belongs to another window: its answer is
        // dropped when it comes.
        finishRequest();
        refreshLive();
    } else {
        requestHistory();
    }
}

void DetailArea::refreshLive()
{
    if (m_bar->isFollowing() || m_windowTo == 0) {
        m_windowTo = m_clock.nowMs();
        m_windowFrom = m_windowTo - TimeWindowBar::LiveSpanMs;
    }
    m_modelDirty = false;
    m_sinceLiveRepaint.restart();
    ++m_liveRepaints;
    const MeetingStore &store = m_model.store();
    switch (target()) {
    case Target::Fleet: {
        // Counts of the second in progress, and of the one before while its
        // last batch may still be on its way (250 ms flushes), are partial:
        // they would draw a false drop at the live edge.
        const qint64 completeTo = ((m_windowTo - 1500) / 1000) * 1000 + 999;
        m_fleetView->setSeries(ChartAdapters::fleetSeriesFromLive(store, m_windowFrom, completeTo),
                               m_windowFrom, m_windowTo);
        break;
    }
    case Target::Meeting:
        if (const MeetingNode *meeting = store.findMeeting(m_meetingId))
            m_meetingView->setSeries(
                ChartAdapters::meetingSeriesFromLive(*meeting, m_windowFrom, m_windowTo),
                m_windowFrom, m_windowTo);
        else
            m_meetingView->clear(tr("This meeting is not live. Choose 1 h, 24 h or 7 d to see "
                                    "its history."));
        break;
    case Target::User:
        if (const UserNode *user = store.findUser(m_meetingId, m_userId))
            m_userView->setSeries(
                ChartAdapters::userSeriesFromLive(*user, m_windowFrom, m_windowTo), m_windowFrom,
                m_windowTo);
        else
            m_userView->clear(tr("This user is not live. Choose 1 h, 24 h or 7 d to see their "
                                 "history."));
        break;
    }
}

void DetailArea::onLiveTick()
{
    if (m_bar->kind() != TimeWindowKind::Live || !m_bar->isFollowing() || !isVisible())
        return;
    // Repaint when data came in, and at least once a second so that the
    // axis keeps scrolling while a user is silent.
    if (m_modelDirty || m_sinceLiveRepaint.elapsed() >= 1000)
        refreshLive();
}

void DetailArea::onModelChanged()
{
    m_modelDirty = true;
}

void DetailArea::requestHistory()
{
    const TimeWindowKind kind = m_bar->kind();
    if (kind == TimeWindowKind::Custom) {
        m_windowFrom = m_bar->customFrom();
        m_windowTo = m_bar->customTo();
    } else if (m_bar->isFollowing() || m_windowTo == 0
               || m_windowTo - m_windowFrom != m_bar->spanMs()) {
        m_windowTo = m_clock.nowMs();
        m_windowFrom = m_windowTo - m_bar->spanMs();
    }
    if (m_windowTo <= m_windowFrom) {
        finishRequest();
        clearCurrent(tr("The end of the range must come after its start."));
        return;
    }
    if (!m_reader) {
        finishRequest();
        clearCurrent(tr("No history database: only Live is available."));
        return;
    }
    switch (target()) {
    case Target::Fleet:
        m_pendingRequest = m_reader->requestFleet(m_windowFrom, m_windowTo);
        break;
    case Target::Meeting:
        m_pendingRequest = m_reader->requestMeeting(m_meetingId, m_windowFrom, m_windowTo);
        break;
    case Target::User:
        m_pendingRequest = m_reader->requestUser(m_meetingId, m_userId, m_windowFrom, m_windowTo);
        break;
    }
    m_bar->setBusy(true);
    m_bar->setStatusText(tr("Reading history…"));
}

void DetailArea::finishRequest()
{
    m_pendingRequest = 0;
    m_bar->setBusy(false);
    m_bar->setStatusText(QString());
}

void DetailArea::onUserSeriesReady(quint64 requestId, const UserSeries &series)
{
    if (requestId != m_pendingRequest || target() != Target::User)
        return;
    finishRequest();
    m_userView->setSeries(series, m_windowFrom, m_windowTo);
    emit historyShown();
}

void DetailArea::onMeetingSeriesReady(quint64 requestId, const MeetingSeries &series)
{
    if (requestId != m_pendingRequest || target() != Target::Meeting)
        return;
    finishRequest();
    m_meetingView->setSeries(series, m_windowFrom, m_windowTo);
    emit historyShown();
}

void DetailArea::onFleetSeriesReady(quint64 requestId, const FleetSeries &series)
{
    if (requestId != m_pendingRequest || target() != Target::Fleet)
        return;
    finishRequest();
    m_fleetView->setSeries(series, m_windowFrom, m_windowTo);
    emit historyShown();
}

void DetailArea::onRequestFailed(quint64 requestId, const QString &error)
{
    if (requestId != m_pendingRequest)
        return;
    finishRequest();
    // Plain text from the reader (a path, an SQLite message): bounded.
    const QString shown = error.left(300);
    m_bar->setStatusText(tr("History unavailable: %1").arg(shown));
    clearCurrent(tr("Cannot read the history: %1").arg(shown));
    emit historyShown();
}

void DetailArea::onWindowChanged(TimeWindowKind kind)
{
    // A new window starts unzoomed and following (except a custom range,
    // which is fixed by definition).
    m_userView->resetZoom();
    m_meetingView->resetZoom();
    m_fleetView->resetZoom();
    m_windowTo = 0;
    const bool follow = kind != TimeWindowKind::Custom;
    if (follow && !m_bar->isFollowing()) {
        m_bar->setFollowing(true); // refreshes through onFollowingChanged
        return;
    }
    m_bar->setFollowing(follow);
    refresh();
}

void DetailArea::onFollowingChanged(bool following)
{
    if (following) {
        onResetZoom();
        refresh();
    }
}

void DetailArea::onResetZoom()
{
    m_userView->resetZoom();
    m_meetingView->resetZoom();
    m_fleetView->resetZoom();
}

void DetailArea::onZoomChanged(bool zoomed)
{
    m_bar->setZoomed(zoomed);
    // A zoomed live chart must hold still: zooming pauses following.
    if (zoomed && m_bar->kind() == TimeWindowKind::Live)
        m_bar->setFollowing(false);
}

} // namespace mm
