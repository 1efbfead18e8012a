#include "timewindowbar.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

namespace mm {

namespace {

constexpr qint64 HourMs = 3600 * 1000;

} // namespace

TimeWindowBar::TimeWindowBar(QWidget *parent)
    : QWidget(parent)
    , m_kinds(new QButtonGroup(this))
    , m_customBox(new QWidget(this))
    , m_from(new QDateTimeEdit(m_customBox))
    , m_to(new QDateTimeEdit(m_customBox))
    , m_follow(new QToolButton(this))
    , m_resetZoom(new QToolButton(this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("timeWindowBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);

    const std::pair<TimeWindowKind, QString> kinds[] = {
        {TimeWindowKind::Live, tr("Live")},   {TimeWindowKind::Hour, tr("1 h")},
        {TimeWindowKind::Day, tr("24 h")},    {TimeWindowKind::Week, tr("7 d")},
        {TimeWindowKind::Custom, tr("Custom")}};
    for (const auto &[kind, text] : kinds) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setObjectName(QStringLiteral("window%1").arg(int(kind)));
        m_kinds->addButton(button, int(kind));
        layout->addWidget(button);
    }
    m_kinds->setExclusive(true);
    m_kinds->button(int(TimeWindowKind::Live))->setChecked(true);
    m_kinds->button(int(TimeWindowKind::Live))
        ->setToolTip(tr("The last five minutes from memory, scrolling"));
    connect(m_kinds, &QButtonGroup::buttonClicked, this, &TimeWindowBar::onKindClicked);

    // Custom range: two edits and a button that applies them.
    auto *custom = new QHBoxLayout(m_customBox);
    custom->setContentsMargins(0, 0, 0, 0);
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    m_from->setDisplayFormat(format);
    m_to->setDisplayFormat(format);
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addSecs(-3600 * 24));
    m_to->setDateTime(now);
    auto *apply = new QPushButton(tr("Show"), m_customBox);
    auto *dash = new QLabel(tr("to"), m_customBox);
    dash->setTextFormat(Qt::PlainText);
    custom->addWidget(m_from);
    custom->addWidget(dash);
    custom->addWidget(m_to);
    custom->addWidget(apply);
    connect(apply, &QPushButton::clicked, this, [this] {
        if (m_kind == TimeWindowKind::Custom)
            emit windowChanged(m_kind);
    });
    m_customBox->setVisible(false);
    layout->addWidget(m_customBox);

    layout->addSpacing(8);
    m_follow->setObjectName(QStringLiteral("followButton"));
    m_follow->setAutoRaise(true);
    connect(m_follow, &QToolButton::clicked, this, &TimeWindowBar::onFollowClicked);
    layout->addWidget(m_follow);
    m_resetZoom->setObjectName(QStringLiteral("resetZoomButton"));
    m_resetZoom->setText(tr("Reset zoom"));
    m_resetZoom->setToolTip(tr("Drag across a chart to zoom into that time"));
    m_resetZoom->setAutoRaise(true);
    m_resetZoom->setEnabled(false);
    connect(m_resetZoom, &QToolButton::clicked, this, &TimeWindowBar::resetZoomRequested);
    layout->addWidget(m_resetZoom);

    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // indeterminate: a read has no known length
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    layout->addWidget(m_busy);
    m_status->setObjectName(QStringLiteral("windowStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_status, 1);
    updateFollowButton();
}

void TimeWindowBar::setKind(TimeWindowKind kind)
{
    m_kinds->button(int(kind))->setChecked(true);
    if (kind == m_kind)
        return;
    m_kind = kind;
    m_customBox->setVisible(kind == TimeWindowKind::Custom);
    emit windowChanged(kind);
}

qint64 TimeWindowBar::spanMs() const
{
    switch (m_kind) {
    case TimeWindowKind::Live:
        return LiveSpanMs;
    case TimeWindowKind::Hour:
        return HourMs;
    case TimeWindowKind::Day:
        return 24 * HourMs;
    case TimeWindowKind::Week:
        return 7 * 24 * HourMs;
    case TimeWindowKind::Custom:
        break;
    }
    return std::max<qint64>(1, customTo() - customFrom());
}

qint64 TimeWindowBar::customFrom() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}

qint64 TimeWindowBar::customTo() const
{
    return m_to->dateTime().toMSecsSinceEpoch();
}

void TimeWindowBar::setCustomRange(qint64 fromMs, qint64 toMs)
{
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
}

void TimeWindowBar::setFollowing(bool following)
{
    if (following == m_following)
        return;
    m_following = following;
    updateFollowButton();
    emit followingChanged(following);
}

void TimeWindowBar::setZoomed(bool zoomed)
{
    m_resetZoom->setEnabled(zoomed);
}

void TimeWindowBar::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

bool TimeWindowBar::isBusy() const
{
    return !m_busy->isHidden();
}

void TimeWindowBar::setStatusText(const QString &text)
{
    m_status->setText(text);
}

QString TimeWindowBar::statusText() const
{
    return m_status->text();
}

std::optional<TimeWindowKind> TimeWindowBar::kindFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("live"))
        return TimeWindowKind::Live;
    if (n == QLatin1String("1h"))
        return TimeWindowKind::Hour;
    if (n == QLatin1String("24h"))
        return TimeWindowKind::Day;
    if (n == QLatin1String("7d"))
        return TimeWindowKind::Week;
    return std::nullopt;
}

void TimeWindowBar::onKindClicked(QAbstractButton *button)
{
    setKind(TimeWindowKind(m_kinds->id(button)));
}

void TimeWindowBar::onFollowClicked()
{
    setFollowing(!m_following);
}

void TimeWindowBar::updateFollowButton()
{
    // Custom ranges are fixed: following makes no sense there.
    m_follow->setText(m_following ? tr("Pause") : tr("Follow live"));
    m_follow->setToolTip(m_following ? tr("Stop moving with time") : tr("Move with time again"));
}

} // namespace mm
