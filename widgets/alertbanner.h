#pragma once

#include "alerts/notificationpolicy.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;

namespace mm {

// The in-window notification where there is neither a desktop notification
// service nor a tray: a strip with the latest notification as plain text,
// "Open", "Acknowledge" and a close button. Hidden until shown.
class AlertBanner final : public QFrame
{
    Q_OBJECT
public:
    static constexpr int MaxShownChars = 300;

    explicit AlertBanner(QWidget *parent = nullptr);

    void showNotification(const Notification &notification);
    const Notification &notification() const { return m_notification; }
    QString text() const; // what the label shows (tests)

    void dismiss();

signals:
    void openRequested(const QString &meetingId, const QString &userId);
    void acknowledgeRequested(const QList<quint64> &incidentIds);

private:
    void onOpenClicked();
    void onAcknowledgeClicked();

    Notification m_notification;
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_open;
    QPushButton *m_acknowledge;
};

} // namespace mm
