#pragma once

#include "alerts/alertrules.h"

#include <QObject>
#include <QSystemTrayIcon>

#include <optional>

class QAction;
class QMenu;

namespace mm {

// The tray icon: the worst firing severity as icon (shape and colour: green
// square, amber diamond, red disc; a struck bell while muted), the number of
// active alerts in its tooltip, and a menu to show or hide the window, mute
// notifications for an hour, and quit.
class TrayIcon final : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable() { return QSystemTrayIcon::isSystemTrayAvailable(); }

    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    void setVisible(bool visible) { m_tray->setVisible(visible); }
    bool isVisible() const { return m_tray->isVisible(); }

    // firing: firing incidents; active: pending and firing.
    void setSummary(int firing, int active, std::optional<Severity> worst, bool muted);
    // Keeps "Show window" / "Hide window" right.
    void setWindowShown(bool shown);

    QString toolTip() const { return m_tray->toolTip(); }
    QString iconName() const { return m_iconName; } // resource path of the icon (tests)
    QMenu *menu() const { return m_menu; }
    QAction *showHideAction() const { return m_showHide; }
    QAction *muteAction() const { return m_mute; }
    QAction *quitAction() const { return m_quit; }

signals:
    void showHideRequested();
    void muteToggled(bool muted);
    void quitRequested();

private:
    void onActivated(QSystemTrayIcon::ActivationReason reason);

    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QAction *m_showHide;
    QAction *m_mute;
    QAction *m_quit;
    QString m_iconName;
};

} // namespace mm
