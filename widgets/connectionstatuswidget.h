#pragma once

#include "core/clock.h"
#include "ingest/ingeststats.h"

#include <QIcon>
#include <QTimer>
#include <QWidget>
#include <deque>

class QLabel;

namespace mm {

// The status bar's content: connection state, messages per second, age of
// the last message, meeting/user counts and rejected input. Everything that
// can carry server text is a plain-text label.
class ConnectionStatusWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusWidget(const Clock &clock, QWidget *parent = nullptr);

    // No ingest at all: the "File › Connect…" hint.
    void showNotConnected();
    // `endpoint` is what we connect to (shown while connected).
    void setEndpoint(const QString &endpoint);
    void setConnectionState(ConnectionState state);
    // `tls`: refused by the TLS check (certificate, host name), not by the
    // gateway; the state then says so.
    void setConnectError(const QString &serverMessage, bool tls = false);
    void setStats(const IngestStats &stats);
    void setCounts(int meetings, int activeUsers, int users);
    // A warning about the connection in use (ws:// to a remote host), shown
    // until cleared with an empty text; survives reconnections and state
    // changes, since the risk lasts as long as the connection does.
    void setSecurityWarning(const QString &warning);

    // Texts as shown, for tests and accessibility.
    QString stateText() const;
    QString rateText() const;
    QString lastMessageText() const;
    QString countsText() const;
    QString rejectedText() const;
    QString rejectedToolTip() const;
    QString securityWarningText() const; // empty when none is shown
    // Messages per second over the last few seconds; negative when not known yet.
    double messagesPerSecond() const;

private:
    void onAgeTick();
    void updateStateLabel();
    void updateRate(const IngestStats &stats);
    void updateRejects(const IngestStats &stats);

    const Clock &m_clock;
    QLabel *m_stateIcon;
    QLabel *m_state;
    QLabel *m_rate;
    QLabel *m_lastMessage;
    QLabel *m_counts;
    QLabel *m_rejected;
    QWidget *m_security;
    QLabel *m_securityText;
    QTimer m_ageTimer;

    bool m_haveIngest = false;
    ConnectionState m_connectionState = ConnectionState::Idle;
    QString m_endpoint;
    QString m_connectError;
    bool m_connectErrorIsTls = false;
    qint64 m_lastMessageMs = 0;
    // (time, eventsReceived) of recent stats snapshots, oldest first.
    std::deque<std::pair<qint64, quint64>> m_rateWindow;
    double m_messagesPerSecond = -1;
    QIcon m_iconConnected;
    QIcon m_iconConnecting;
    QIcon m_iconDisconnected;
};

} // namespace mm
