#include "connectionstatuswidget.h"

#include "plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QStringList>

namespace mm {

namespace {

constexpr int AgeTickMs = 1000;
// Messages per second are averaged over this much history: stats arrive
// every 500 ms, and a 3 s window keeps the figure steady but current.
constexpr qint64 RateWindowMs = 3000;
constexpr qint64 MinRateSpanMs = 900;
constexpr int MaxInlineErrorChars = 80;

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    return label;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

ConnectionStatusWidget::ConnectionStatusWidget(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_stateIcon(new QLabel(this))
    , m_state(plainLabel(this))
    , m_rate(plainLabel(this))
    , m_lastMessage(plainLabel(this))
    , m_counts(plainLabel(this))
    , m_rejected(plainLabel(this))
    , m_security(new QWidget(this))
    , m_securityText(plainLabel(m_security))
    , m_iconConnected(QStringLiteral(":/icons/connection-connected.svg"))
    , m_iconConnecting(QStringLiteral(":/icons/connection-connecting.svg"))
    , m_iconDisconnected(QStringLiteral(":/icons/connection-disconnected.svg"))
{
    m_state->setObjectName(QStringLiteral("connectionState"));
    m_rate->setObjectName(QStringLiteral("messageRate"));
    m_lastMessage->setObjectName(QStringLiteral("lastMessageAge"));
    m_counts->setObjectName(QStringLiteral("counts"));
    m_rejected->setObjectName(QStringLiteral("rejected"));
    m_security->setObjectName(QStringLiteral("securityWarning"));
    m_securityText->setObjectName(QStringLiteral("securityWarningText"));

    // Icon and text: the warning is not told by colour alone.
    auto *securityIcon = new QLabel(m_security);
    const int side = qMax(16, fontMetrics().height());
    securityIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                .pixmap(QSize(side, side), devicePixelRatioF()));
    auto *securityLayout = new QHBoxLayout(m_security);
    securityLayout->setContentsMargins(0, 0, 0, 0);
    securityLayout->setSpacing(4);
    securityLayout->addWidget(securityIcon);
    securityLayout->addWidget(m_securityText);
    QFont bold = m_securityText->font();
    bold.setBold(true);
    m_securityText->setFont(bold);
    m_security->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_security);
    layout->addWidget(m_state, 1);
    for (QLabel *label : {m_rate, m_lastMessage, m_counts, m_rejected}) {
        layout->addWidget(separator(this));
        layout->addWidget(label);
    }

    m_ageTimer.setInterval(AgeTickMs);
    connect(&m_ageTimer, &QTimer::timeout, this, &ConnectionStatusWidget::onAgeTick);
    m_ageTimer.start();

    setCounts(0, 0, 0);
    showNotConnected();
}

void ConnectionStatusWidget::showNotConnected()
{
    m_haveIngest = false;
    m_connectionState = ConnectionState::Idle;
    m_connectError.clear();
    m_rateWindow.clear();
    m_messagesPerSecond = -1;
    m_lastMessageMs = 0;
    m_rate->setText(tr("— msg/s"));
    m_rate->setToolTip(tr("Messages per second (not connected)"));
    m_rejected->setText(tr("Rejected: 0"));
    m_rejected->setToolTip(tr("No rejected input"));
    updateStateLabel();
    onAgeTick();
}

void ConnectionStatusWidget::setEndpoint(const QString &endpoint)
{
    m_endpoint = endpoint;
    updateStateLabel();
}

void ConnectionStatusWidget::setConnectionState(ConnectionState state)
{
    if (!m_haveIngest) {
        // A new session: forget the previous one's figures.
        m_rateWindow.clear();
        m_messagesPerSecond = -1;
        m_lastMessageMs = 0;
        m_rate->setText(tr("— msg/s"));
    }
    m_haveIngest = true;
    if (state == ConnectionState::Connected || state == ConnectionState::Connecting) {
        m_connectError.clear();
        m_connectErrorIsTls = false;
    }
    m_connectionState = state;
    updateStateLabel();
}

void ConnectionStatusWidget::setConnectError(const QString &serverMessage, bool tls)
{
    m_connectError = serverMessage;
    m_connectErrorIsTls = tls;
    updateStateLabel();
}

void ConnectionStatusWidget::setStats(const IngestStats &stats)
{
    setConnectionState(stats.state);
    if (stats.state == ConnectionState::Rejected && !stats.lastError.isEmpty())
        setConnectError(stats.lastError, m_connectErrorIsTls);
    m_lastMessageMs = stats.lastMessageMs;
    updateRate(stats);
    updateRejects(stats);
    onAgeTick();
}

void ConnectionStatusWidget::setCounts(int meetings, int activeUsers, int users)
{
    const QLocale locale;
    m_counts->setText(tr("Meetings: %1 · Users: %2 active / %3")
                          .arg(locale.toString(meetings), locale.toString(activeUsers),
                               locale.toString(users)));
}

void ConnectionStatusWidget::setSecurityWarning(const QString &warning)
{
    m_securityText->setText(warning);
    m_security->setToolTip(plainTextToolTip(warning));
    m_security->setAccessibleName(warning);
    m_security->setVisible(!warning.isEmpty());
}

QString ConnectionStatusWidget::securityWarningText() const
{
    return m_security->isHidden() ? QString() : m_securityText->text();
}

QString ConnectionStatusWidget::stateText() const { return m_state->text(); }
QString ConnectionStatusWidget::rateText() const { return m_rate->text(); }
QString ConnectionStatusWidget::lastMessageText() const { return m_lastMessage->text(); }
QString ConnectionStatusWidget::countsText() const { return m_counts->text(); }
QString ConnectionStatusWidget::rejectedText() const { return m_rejected->text(); }
QString ConnectionStatusWidget::rejectedToolTip() const { return m_rejected->toolTip(); }
double ConnectionStatusWidget::messagesPerSecond() const { return m_messagesPerSecond; }

void ConnectionStatusWidget::onAgeTick()
{
    if (m_lastMessageMs <= 0) {
        m_lastMessage->setText(m_haveIngest ? tr("no messages yet") : tr("no messages"));
        return;
    }
    const qint64 ageSeconds = qMax<qint64>(0, (m_clock.nowMs() - m_lastMessageMs) / 1000);
    if (ageSeconds < 120) {
        m_lastMessage->setText(tr("last message %n s ago", nullptr, int(ageSeconds)));
    } else if (ageSeconds < 2 * 3600) {
        m_lastMessage->setText(tr("last message %n min ago", nullptr, int(ageSeconds / 60)));
    } else {
        m_lastMessage->setText(tr("last message %n h ago", nullptr, int(ageSeconds / 3600)));
    }
}

void ConnectionStatusWidget::updateStateLabel()
{
    QString text;
    QString toolTip;
    const QIcon *icon = &m_iconDisconnected;
    if (!m_haveIngest) {
        text = tr("Not connected — File › Connect…");
    } else {
        switch (m_connectionState) {
        case ConnectionState::Idle:
            text = tr("Disconnected");
            break;
        case ConnectionState::Connecting:
            text = tr("Connecting to %1…").arg(m_endpoint);
            icon = &m_iconConnecting;
            break;
        case ConnectionState::Connected:
            text = tr("Connected to %1").arg(m_endpoint);
            icon = &m_iconConnected;
            break;
        case ConnectionState::WaitingRetry:
            text = tr("Connection lost — retrying");
            icon = &m_iconConnecting;
            break;
        case ConnectionState::Rejected:
            if (m_connectErrorIsTls)
                text = tr("Not connected, the TLS check failed: %1")
                           .arg(boundedForDisplay(m_connectError, MaxInlineErrorChars));
            else
                text = m_connectError.isEmpty() ? tr("Refused by the gateway")
                                                : tr("Refused by the gateway: %1")
                                                      .arg(boundedForDisplay(m_connectError,
                                                                             MaxInlineErrorChars));
            toolTip = m_connectError;
            break;
        }
    }
    // The server's message is untrusted: plain label, bounded inline, and
    // the full text only in a literal tooltip.
    m_state->setText(text);
    m_state->setToolTip(plainTextToolTip(toolTip.isEmpty() ? text : toolTip));
    const int side = qMax(16, fontMetrics().height());
    m_stateIcon->setPixmap(icon->pixmap(QSize(side, side), devicePixelRatioF()));
}

void ConnectionStatusWidget::updateRate(const IngestStats &stats)
{
    const qint64 now = m_clock.nowMs();
    // Counters restart with every new ingest session.
    if (!m_rateWindow.empty() && stats.eventsReceived < m_rateWindow.back().second)
        m_rateWindow.clear();
    m_rateWindow.emplace_back(now, stats.eventsReceived);
    while (m_rateWindow.size() > 2 && now - m_rateWindow.front().first > RateWindowMs)
        m_rateWindow.pop_front();

    const auto &[firstMs, firstCount] = m_rateWindow.front();
    const auto &[lastMs, lastCount] = m_rateWindow.back();
    if (lastMs - firstMs < MinRateSpanMs) {
        // One snapshot is not a rate: unknown, not zero.
        if (m_messagesPerSecond < 0)
            m_rate->setText(tr("— msg/s"));
        return;
    }
    m_messagesPerSecond = double(lastCount - firstCount) * 1000.0 / double(lastMs - firstMs);
    const QLocale locale;
    m_rate->setText(tr("%1 msg/s").arg(locale.toString(m_messagesPerSecond, 'f',
                                                       m_messagesPerSecond < 10 ? 1 : 0)));
    m_rate->setToolTip(tr("Socket.IO events per second over the last few seconds; "
                          "%1 received in total")
                           .arg(locale.toString(stats.eventsReceived)));
}

void ConnectionStatusWidget::updateRejects(const IngestStats &stats)
{
    const ProtocolCounters &p = stats.protocol;
    const std::pair<DropReason, quint64> drops[] = {
        {DropReason::BinaryFrame, p.droppedBinary},
        {DropReason::UnknownPacketType, p.droppedUnknownType},
        {DropReason::OtherNamespace, p.droppedOtherNamespace},
        {DropReason::Oversize, p.droppedOversize},
        {DropReason::MalformedJson, p.droppedMalformed},
    };
    const QLocale locale;
    quint64 total = stats.rejects.total();
    QStringList lines;
    for (size_t i = 0; i < stats.rejects.byReason.size(); ++i) {
        if (const quint64 n = stats.rejects.byReason[i])
            lines << tr("Sample rejected, %1: %2")
                         .arg(rejectReasonName(RejectReason(i)), locale.toString(n));
    }
    for (const auto &[reason, n] : drops) {
        total += n;
        if (n)
            lines << tr("Frame dropped, %1: %2").arg(dropReasonName(reason), locale.toString(n));
    }
    if (stats.rejects.invalidFields) {
        lines << tr("Invalid fields shown as unknown: %1")
                     .arg(locale.toString(stats.rejects.invalidFields));
    }
    if (stats.samplesShed) {
        // Load shedding is not a rejection, but it is data lost: say so.
        lines << tr("Samples shed while the window and the history were behind (neither shown "
                    "nor recorded): %1")
                     .arg(locale.toString(stats.samplesShed));
        m_rejected->setText(tr("Rejected: %1 · Shed: %2")
                                .arg(locale.toString(total), locale.toString(stats.samplesShed)));
    } else {
        m_rejected->setText(tr("Rejected: %1").arg(locale.toString(total)));
    }
    m_rejected->setToolTip(lines.isEmpty() ? tr("No rejected input")
                                           : plainTextToolTip(lines.join(QLatin1Char('\n'))));
}

} // namespace mm
