#include "trayicon.h"

#include <QAction>
#include <QIcon>
#include <QMenu>

namespace mm {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_showHide(new QAction(tr("Hide window"), this))
    , m_mute(new QAction(tr("Mute notifications for 1 hour"), this))
    , m_quit(new QAction(tr("Quit"), this))
{
    m_mute->setCheckable(true);
    m_menu->addAction(m_showHide);
    m_menu->addAction(m_mute);
    m_menu->addSeparator();
    m_menu->addAction(m_quit);
    m_tray->setContextMenu(m_menu);

    connect(m_showHide, &QAction::triggered, this, &TrayIcon::showHideRequested);
    connect(m_mute, &QAction::triggered, this, &TrayIcon::muteToggled);
    connect(m_quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_tray, &QSystemTrayIcon::activated, this, &TrayIcon::onActivated);
    setSummary(0, 0, std::nullopt, false);
}

TrayIcon::~TrayIcon()
{
    // QSystemTrayIcon does not own its menu.
    delete m_menu;
}

void TrayIcon::setSummary(int firing, int active, std::optional<Severity> worst, bool muted)
{
    QString icon = QStringLiteral(":/icons/alert-none.svg");
    if (muted)
        icon = QStringLiteral(":/icons/alert-muted.svg");
    else if (worst == Severity::Critical)
        icon = QStringLiteral(":/icons/alert-critical.svg");
    else if (worst == Severity::Warning)
        icon = QStringLiteral(":/icons/alert-warning.svg");
    if (icon != m_iconName) {
        m_iconName = icon;
        m_tray->setIcon(QIcon(icon));
    }

    QString tip = tr("Meeting Monitor");
    if (active == 0)
        tip += QLatin1Char('\n') + tr("No active alerts");
    else
        tip += QLatin1Char('\n') + tr("%n active alert(s), %1 firing", nullptr, active).arg(firing);
    if (muted)
        tip += QLatin1Char('\n') + tr("Notifications muted");
    m_tray->setToolTip(tip);
    m_mute->setChecked(muted);
}

void TrayIcon::setWindowShown(bool shown)
{
    m_showHide->setText(shown ? tr("Hide window") : tr("Show window"));
}

void TrayIcon::onActivated(QSystemTrayIcon::ActivationReason reason)
{
    if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
        emit showHideRequested();
}

} // namespace mm
