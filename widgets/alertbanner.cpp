#include "alertbanner.h"

#include "plaintext.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace mm {

AlertBanner::AlertBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_acknowledge(new QPushButton(tr("Acknowledge"), this))
{
    setObjectName(QStringLiteral("alertBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xfc, 0xe8, 0xe6));
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x21, 0x24));
    setPalette(pal);

    // Names and gateway messages are untrusted: never rich text.
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setObjectName(QStringLiteral("alertBannerText"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("alertBannerClose"));
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_open);
    layout->addWidget(m_acknowledge);
    layout->addWidget(close);

    connect(m_open, &QPushButton::clicked, this, &AlertBanner::onOpenClicked);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertBanner::onAcknowledgeClicked);
    connect(close, &QToolButton::clicked, this, &AlertBanner::dismiss);
    hide();
}

void AlertBanner::showNotification(const Notification &notification)
{
    m_notification = notification;
    const bool critical = notification.severity == Severity::Critical;
    m_icon->setPixmap(QIcon(critical ? QStringLiteral(":/icons/alert-critical.svg")
                                     : QStringLiteral(":/icons/alert-warning.svg"))
                          .pixmap(20, 20));
    QString text = notification.title;
    // The body has one line per alert; the banner is a single line.
    if (!notification.body.isEmpty())
        text += QStringLiteral(" — ")
              + QString(notification.body).replace(QLatin1Char('\n'), QStringLiteral(" · "));
    m_label->setText(boundedForDisplay(text, MaxShownChars));
    m_acknowledge->setVisible(notification.kind != Notification::Kind::Recovered
                              && !notification.incidentIds.isEmpty());
    show();
}

QString AlertBanner::text() const
{
    return m_label->text();
}

void AlertBanner::dismiss()
{
    hide();
}

void AlertBanner::onOpenClicked()
{
    emit openRequested(m_notification.meetingId, m_notification.userId);
    dismiss();
}

void AlertBanner::onAcknowledgeClicked()
{
    emit acknowledgeRequested(m_notification.incidentIds);
    dismiss();
}

} // namespace mm
