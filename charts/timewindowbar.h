#pragma once

#include <QWidget>
#include <optional>

class QAbstractButton;
class QButtonGroup;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QToolButton;

namespace mm {

// Which stretch of time the charts show.
enum class TimeWindowKind { Live, Hour, Day, Week, Custom };

// The chart toolbar: Live (last 5 minutes, scrolling), 1 h, 24 h, 7 d and
// Custom (two date/time edits), Pause / Follow live, Reset zoom, and a busy
// indicator while a long window is read from the history.
class TimeWindowBar final : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 LiveSpanMs = 5 * 60 * 1000;

    explicit TimeWindowBar(QWidget *parent = nullptr);

    TimeWindowKind kind() const { return m_kind; }
    void setKind(TimeWindowKind kind);
    // The window's span for the fixed kinds (Custom: its edits' span).
    qint64 spanMs() const;
    // Custom range, ms since the epoch.
    qint64 customFrom() const;
    qint64 customTo() const;
    void setCustomRange(qint64 fromMs, qint64 toMs);

    // Following: the window ends now and moves with time; paused: frozen.
    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);
    void setZoomed(bool zoomed);
    void setBusy(bool busy);
    bool isBusy() const;
    // Plain text beside the buttons (a read error, the data source).
    void setStatusText(const QString &text);
    QString statusText() const;

    // "live", "1h", "24h", "7d" (for --window); nullopt for anything else.
    static std::optional<TimeWindowKind> kindFromName(const QString &name);

signals:
    void windowChanged(mm::TimeWindowKind kind);
    void followingChanged(bool following);
    void resetZoomRequested();

private:
    void onKindClicked(QAbstractButton *button);
    void onFollowClicked();
    void updateFollowButton();

    TimeWindowKind m_kind = TimeWindowKind::Live;
    bool m_following = true;
    QButtonGroup *m_kinds;
    QWidget *m_customBox;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QToolButton *m_follow;
    QToolButton *m_resetZoom;
    QProgressBar *m_busy;
    QLabel *m_status;
};

} // namespace mm
