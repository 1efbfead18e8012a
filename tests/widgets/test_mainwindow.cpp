// The main window offscreen, fed by synthetic batches (no network), and once
// by the in-process demo gateway through the real client.
#include "connectdialog.h"
#include "connectionstatuswidget.h"
#include "demogateway.h"
#include "fleetsimulator.h"
#include "mainwindow.h"
#include "model/meetingfilterproxymodel.h"
#include "model/meetingtreemodel.h"
#include "model/modelroles.h"
#include "plaintext.h"
#include "qualitydelegate.h"
#include "treeitemdelegate.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <atomic>
#include <gtest/gtest.h>

using namespace mm;

namespace {

class FakeClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now.load(); }
    void advance(qint64 ms) { m_now += ms; }

private:
    std::atomic<qint64> m_now{1'700'000'000'000};
};

const QString HtmlName = QStringLiteral("<b>x</b><img src=file:///etc/hostname>");

Sample makeSample(const FakeClock &clock, const QString &meeting, const QString &user,
                  const QString &name, Metric latency, Metric loss, Quality quality)
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.username = name;
    s.receivedMs = clock.nowMs();
    s.uploadKbps = 800;
    s.downloadKbps = 1600;
    s.latencyMs = latency;
    s.packetLossPct = loss;
    s.jitterMs = 4;
    s.quality = quality;
    return s;
}

SampleBatchPtr fleetBatch(const FakeClock &clock)
{
    auto batch = std::make_shared<SampleBatch>();
    batch->push_back(makeSample(clock, QStringLiteral("m-alpha"), QStringLiteral("u-alice"),
                                QStringLiteral("Alice"), 40.0, 0.2, Quality::Excellent));
    batch->push_back(makeSample(clock, QStringLiteral("m-alpha"), QStringLiteral("u-bob"),
                                QStringLiteral("Bob"), 520.0, 8.0, Quality::Poor));
    batch->push_back(makeSample(clock, QStringLiteral("m-beta"), QStringLiteral("u-carol"),
                                QStringLiteral("Carol"), 150.0, 2.0, Quality::Good));
    batch->push_back(makeSample(clock, QStringLiteral("m-beta"), QStringLiteral("u-html"),
                                HtmlName, std::nullopt, std::nullopt, Quality::Unknown));
    return batch;
}

// The proxy index of the user row with `userId`, or invalid.
QModelIndex findUser(const QAbstractItemModel *model, const QString &userId)
{
    for (int m = 0; m < model->rowCount(); ++m) {
        const QModelIndex meeting = model->index(m, 0);
        for (int u = 0; u < model->rowCount(meeting); ++u) {
            const QModelIndex user = model->index(u, 0, meeting);
            if (user.data(UserIdRole).toString() == userId)
                return user;
        }
    }
    return {};
}

QStringList visibleUserIds(const QAbstractItemModel *model)
{
    QStringList ids;
    for (int m = 0; m < model->rowCount(); ++m) {
        const QModelIndex meeting = model->index(m, 0);
        for (int u = 0; u < model->rowCount(meeting); ++u)
            ids << model->index(u, 0, meeting).data(UserIdRole).toString();
    }
    ids.sort();
    return ids;
}

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_window = std::make_unique<MainWindow>(m_clock);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void feed()
    {
        m_window->model()->applyBatch(fleetBatch(m_clock));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->proxyModel()->rowCount(), 2, 5000);
    }

    QLineEdit *filterEdit() const
    {
        return m_window->findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    }
    QAction *onlyIssuesAction() const
    {
        return m_window->findChild<QAction *>(QStringLiteral("onlyIssuesAction"));
    }

    FakeClock m_clock;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(MainWindowTest, StartsDisconnectedWithAClearHint)
{
    auto *hint = m_window->findChild<QLabel *>(QStringLiteral("notConnectedLabel"));
    ASSERT_NE(hint, nullptr);
    EXPECT_TRUE(hint->isVisible());
    EXPECT_FALSE(m_window->treeView()->isVisible());
    EXPECT_TRUE(m_window->statusWidget()->stateText().contains(QStringLiteral("Not connected")));
    EXPECT_FALSE(m_window->isConnectionOpen());
    // Unknown rate is a dash, not a zero.
    EXPECT_FALSE(m_window->statusWidget()->rateText().contains(QLatin1Char('0')));
}

TEST_F(MainWindowTest, TreeShowsMeetingsAndUsersExpanded)
{
    feed();
    QTreeView *tree = m_window->treeView();
    EXPECT_TRUE(tree->isVisible());
    EXPECT_TRUE(tree->uniformRowHeights());
    EXPECT_TRUE(tree->isSortingEnabled());
    const QAbstractItemModel *model = tree->model();
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(visibleUserIds(model),
              (QStringList{QStringLiteral("u-alice"), QStringLiteral("u-bob"),
                           QStringLiteral("u-carol"), QStringLiteral("u-html")}));
    for (int m = 0; m < model->rowCount(); ++m) {
        const QModelIndex meeting = model->index(m, 0);
        EXPECT_EQ(meeting.data(KindRole).toInt(), int(RowKind::Meeting));
        QTRY_VERIFY_WITH_TIMEOUT(tree->isExpanded(meeting), 5000);
    }
    // The users are really laid out on screen, not just in the model.
    const QModelIndex alice = findUser(model, QStringLiteral("u-alice"));
    ASSERT_TRUE(alice.isValid());
    const QRect rect = tree->visualRect(alice);
    EXPECT_FALSE(rect.isEmpty());
    EXPECT_TRUE(tree->viewport()->rect().intersects(rect));
    EXPECT_EQ(model->index(alice.row(), 0, alice.parent()).data().toString(),
              QStringLiteral("Alice"));

    EXPECT_TRUE(m_window->statusWidget()->countsText().contains(QStringLiteral("Meetings: 2")));
}

TEST_F(MainWindowTest, NewMeetingsAreExpandedButAHandCollapsedOneStaysCollapsed)
{
    feed();
    QTreeView *tree = m_window->treeView();
    const QAbstractItemModel *model = tree->model();
    QModelIndex alpha;
    for (int m = 0; m < model->rowCount(); ++m) {
        if (model->index(m, 0).data(MeetingIdRole).toString() == QStringLiteral("m-alpha"))
            alpha = model->index(m, 0);
    }
    ASSERT_TRUE(alpha.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(tree->isExpanded(alpha), 5000);
    tree->collapse(alpha);

    auto batch = std::make_shared<SampleBatch>();
    batch->push_back(makeSample(m_clock, QStringLiteral("m-gamma"), QStringLiteral("u-dan"),
                                QStringLiteral("Dan"), 60.0, 0.5, Quality::Excellent));
    m_window->model()->applyBatch(batch);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 5000);
    const QModelIndex dan = findUser(model, QStringLiteral("u-dan"));
    ASSERT_TRUE(dan.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(tree->isExpanded(dan.parent()), 5000);

    // A refresh (sort and filter) keeps the admin's collapse.
    m_window->proxyModel()->refresh();
    for (int m = 0; m < model->rowCount(); ++m) {
        const QModelIndex meeting = model->index(m, 0);
        if (meeting.data(MeetingIdRole).toString() == QStringLiteral("m-alpha")) {
            EXPECT_FALSE(tree->isExpanded(meeting));
        }
    }
}

TEST_F(MainWindowTest, FilterBoxFiltersByUserNameAndMeetingId)
{
    feed();
    QLineEdit *filter = filterEdit();
    ASSERT_NE(filter, nullptr);
    EXPECT_FALSE(filter->placeholderText().isEmpty());
    EXPECT_TRUE(filter->isClearButtonEnabled());
    const QAbstractItemModel *model = m_window->treeView()->model();

    QTest::keyClicks(filter, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(visibleUserIds(model), QStringList{QStringLiteral("u-alice")}, 5000);
    EXPECT_EQ(model->rowCount(), 1);

    filter->clear();
    QTRY_COMPARE_WITH_TIMEOUT(visibleUserIds(model).size(), 4, 5000);

    QTest::keyClicks(filter, QStringLiteral("M-BETA"));
    QTRY_COMPARE_WITH_TIMEOUT(visibleUserIds(model),
                              (QStringList{QStringLiteral("u-carol"), QStringLiteral("u-html")}),
                              5000);

    filter->setText(QStringLiteral("nobody-matches-this"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 5000);
}

TEST_F(MainWindowTest, FocusFilterShortcutIsCtrlF)
{
    bool found = false;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_F)) {
            found = true;
            action->trigger();
        }
    }
    ASSERT_TRUE(found);
    QTRY_VERIFY_WITH_TIMEOUT(filterEdit()->hasFocus(), 5000);
}

TEST_F(MainWindowTest, OnlyIssuesActionShowsOnlyFairAndPoorUsers)
{
    feed();
    QAction *onlyIssues = onlyIssuesAction();
    ASSERT_NE(onlyIssues, nullptr);
    EXPECT_TRUE(onlyIssues->isCheckable());
    EXPECT_EQ(onlyIssues->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    const QAbstractItemModel *model = m_window->treeView()->model();

    onlyIssues->trigger();
    EXPECT_TRUE(m_window->proxyModel()->onlyIssues());
    QTRY_COMPARE_WITH_TIMEOUT(visibleUserIds(model), QStringList{QStringLiteral("u-bob")}, 5000);
    EXPECT_EQ(model->rowCount(), 1);

    onlyIssues->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(visibleUserIds(model).size(), 4, 5000);
}

TEST_F(MainWindowTest, QualityColumnHasIconAndPlainTextForEveryRow)
{
    feed();
    QTreeView *tree = m_window->treeView();
    auto *delegate = qobject_cast<QualityDelegate *>(
        tree->itemDelegateForColumn(int(TreeColumn::Quality)));
    ASSERT_NE(delegate, nullptr);
    const QAbstractItemModel *model = tree->model();

    QSet<QString> levelTexts;
    for (const QString &id : visibleUserIds(model)) {
        const QModelIndex user = findUser(model, id);
        const QModelIndex cell = model->index(user.row(), int(TreeColumn::Quality), user.parent());
        const QString text = delegate->cellText(cell);
        EXPECT_FALSE(text.trimmed().isEmpty()) << qPrintable(id);
        EXPECT_FALSE(Qt::mightBeRichText(text)) << qPrintable(text);
        const QIcon icon = delegate->cellIcon(cell);
        EXPECT_FALSE(icon.pixmap(16, 16).isNull())
            << "quality icon did not render: is Qt's SVG plugin (libqt6svg6) installed?";
        levelTexts.insert(text);
    }
    // Four users with four different levels: four different words.
    EXPECT_EQ(levelTexts.size(), 4);
    EXPECT_EQ(delegate->cellText(model->index(findUser(model, QStringLiteral("u-html")).row(),
                                              int(TreeColumn::Quality),
                                              findUser(model, QStringLiteral("u-html")).parent())),
              QualityDelegate::levelText(Quality::Unknown));
}

TEST_F(MainWindowTest, QualityIconsDifferInShapeNotJustColour)
{
    QualityDelegate delegate;
    // Compare the icons' alpha masks: a shape difference survives greyscale.
    QList<QImage> masks;
    for (Quality q : {Quality::Unknown, Quality::Excellent, Quality::Good, Quality::Fair,
                      Quality::Poor}) {
        const QImage image = delegate.icon(q).pixmap(32, 32).toImage().convertToFormat(
            QImage::Format_Alpha8);
        ASSERT_FALSE(image.isNull());
        for (const QImage &other : masks)
            EXPECT_NE(image, other) << qPrintable(QualityDelegate::levelText(q));
        masks << image;
    }
}

TEST_F(MainWindowTest, HtmlLookingUsernameIsShownLiterally)
{
    feed();
    QTreeView *tree = m_window->treeView();
    const QAbstractItemModel *model = tree->model();
    const QModelIndex user = findUser(model, QStringLiteral("u-html"));
    ASSERT_TRUE(user.isValid());
    EXPECT_EQ(user.data(Qt::DisplayRole).toString(), HtmlName);

    // Laid out as literal characters: as wide as the whole string, not as a
    // bold "x" and an image.
    QStyleOptionViewItem option;
    option.initFrom(tree);
    option.font = tree->font();
    option.fontMetrics = QFontMetrics(tree->font());
    const QSize hint = tree->itemDelegateForIndex(user)->sizeHint(option, user);
    EXPECT_GE(hint.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("<b>x</b><img src=")));

    // Its tooltip is escaped rich text, so QToolTip shows the characters.
    const QString tip = plainTextToolTip(treeCellToolTip(user));
    EXPECT_TRUE(tip.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;&lt;img")));
    EXPECT_FALSE(tip.contains(QStringLiteral("<b>")));
    EXPECT_FALSE(tip.contains(QStringLiteral("<img")));
}

TEST_F(MainWindowTest, InactiveUsersAreGreyedAndItalic)
{
    feed();
    const QAbstractItemModel *model = m_window->treeView()->model();
    QModelIndex alice = findUser(model, QStringLiteral("u-alice"));
    ASSERT_TRUE(alice.isValid());
    QStyleOptionViewItem active;
    active.state |= QStyle::State_Enabled;
    styleInactiveRow(&active, alice);
    EXPECT_FALSE(active.font.italic());
    EXPECT_TRUE(active.state & QStyle::State_Enabled);

    // Only Bob keeps sending; 11 s later the others are inactive.
    m_clock.advance(11'000);
    auto batch = std::make_shared<SampleBatch>();
    batch->push_back(makeSample(m_clock, QStringLiteral("m-alpha"), QStringLiteral("u-bob"),
                                QStringLiteral("Bob"), 520.0, 8.0, Quality::Poor));
    m_window->model()->applyBatch(batch);
    m_window->model()->refreshActivity();
    alice = findUser(model, QStringLiteral("u-alice"));
    ASSERT_TRUE(alice.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(!alice.data(ActiveRole).toBool(), 5000);
    QStyleOptionViewItem inactive;
    inactive.state |= QStyle::State_Enabled;
    styleInactiveRow(&inactive, alice);
    EXPECT_TRUE(inactive.font.italic());
    EXPECT_FALSE(inactive.state & QStyle::State_Enabled);
    EXPECT_TRUE(m_window->statusWidget()->countsText().contains(QStringLiteral("1 active / 4")))
        << qPrintable(m_window->statusWidget()->countsText());
}

TEST_F(MainWindowTest, StatusBarReflectsStatsUpdates)
{
    feed();
    ConnectionStatusWidget *status = m_window->statusWidget();
    IngestStats stats;
    stats.state = ConnectionState::Connected;
    stats.eventsReceived = 1000;
    stats.lastMessageMs = m_clock.nowMs();
    m_window->onStatsChanged(stats);
    EXPECT_TRUE(status->stateText().startsWith(QStringLiteral("Connected")))
        << qPrintable(status->stateText());
    // One snapshot is not a rate.
    EXPECT_LT(status->messagesPerSecond(), 0);
    EXPECT_TRUE(status->rateText().startsWith(QChar(0x2014))) << qPrintable(status->rateText());

    m_clock.advance(2000);
    stats.eventsReceived = 1500;
    stats.lastMessageMs = m_clock.nowMs();
    stats.rejects.add(RejectReason::BadMeetingId);
    stats.rejects.add(RejectReason::BadMeetingId);
    stats.rejects.add(RejectReason::NotAnObject);
    stats.protocol.droppedMalformed = 2;
    stats.rejects.invalidFields = 7;
    m_window->onStatsChanged(stats);
    EXPECT_DOUBLE_EQ(status->messagesPerSecond(), 250.0);
    EXPECT_EQ(status->rateText(), QStringLiteral("%1 msg/s").arg(QLocale().toString(250)));
    EXPECT_EQ(status->rejectedText(), QStringLiteral("Rejected: 5"));
    const QString tip = status->rejectedToolTip();
    EXPECT_TRUE(tip.contains(rejectReasonName(RejectReason::BadMeetingId).toHtmlEscaped()))
        << qPrintable(tip);
    EXPECT_TRUE(tip.contains(dropReasonName(DropReason::MalformedJson).toHtmlEscaped()))
        << qPrintable(tip);
    EXPECT_TRUE(tip.contains(QStringLiteral("7")));

    // The age of the last message moves on by itself, once a second.
    m_clock.advance(3000);
    QTRY_COMPARE_WITH_TIMEOUT(status->lastMessageText(), QStringLiteral("last message 3 s ago"),
                              5000);

    stats.state = ConnectionState::WaitingRetry;
    m_window->onStatsChanged(stats);
    EXPECT_TRUE(status->stateText().contains(QStringLiteral("retrying")));
}

TEST_F(MainWindowTest, ConnectErrorIsShownAsPlainText)
{
    const QString message = QStringLiteral("<b>bad</b> token <a href=x>click</a>");
    m_window->onConnectionStateChanged(ConnectionState::Rejected);
    m_window->onConnectError(message);

    ConnectionStatusWidget *status = m_window->statusWidget();
    EXPECT_TRUE(status->stateText().contains(message)) << qPrintable(status->stateText());
    auto *stateLabel = status->findChild<QLabel *>(QStringLiteral("connectionState"));
    ASSERT_NE(stateLabel, nullptr);
    EXPECT_EQ(stateLabel->textFormat(), Qt::PlainText);
    EXPECT_FALSE(stateLabel->toolTip().contains(QStringLiteral("<b>")));

    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("connectErrorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_FALSE(box->isModal());
    EXPECT_EQ(box->textFormat(), Qt::PlainText);
    EXPECT_TRUE(box->text().contains(message));

    // An endless message is bounded.
    m_window->onConnectError(QString(100'000, QLatin1Char('A')));
    EXPECT_LT(box->text().size(), 2000);
    EXPECT_LT(status->stateText().size(), 300);
}

TEST_F(MainWindowTest, LabelsThatCanCarryUntrustedTextArePlain)
{
    for (QLabel *label : m_window->statusWidget()->findChildren<QLabel *>()) {
        if (!label->pixmap().isNull())
            continue;
        EXPECT_EQ(label->textFormat(), Qt::PlainText) << qPrintable(label->objectName());
    }
}

TEST(MainWindowSettingsTest, GeometryAndHeaderStateSurviveARestart)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // Keep the test away from the user's real settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    const FakeClock clock;
    {
        MainWindow window(clock);
        window.restoreSettings();
        window.show();
        window.treeView()->header()->resizeSection(int(TreeColumn::Latency), 177);
        window.treeView()->sortByColumn(int(TreeColumn::Latency), Qt::DescendingOrder);
        window.close();
    }
    QSettings settings(QStringLiteral("MeetingMonitor"), QStringLiteral("meeting-monitor"));
    EXPECT_FALSE(settings.value(QStringLiteral("tree/header")).toByteArray().isEmpty());
    EXPECT_FALSE(settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());

    MainWindow again(clock);
    again.restoreSettings();
    QHeaderView *header = again.treeView()->header();
    EXPECT_EQ(header->sectionSize(int(TreeColumn::Latency)), 177);
    EXPECT_EQ(header->sortIndicatorSection(), int(TreeColumn::Latency));
    EXPECT_EQ(header->sortIndicatorOrder(), Qt::DescendingOrder);
}

TEST(ConnectDialogTest, ValidatesAndReturnsTheConfig)
{
    ConnectDialog dialog;
    EXPECT_FALSE(dialog.validationError().isEmpty());
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("gatewayUrl"));
    auto *token = dialog.findChild<QLineEdit *>(QStringLiteral("token"));
    ASSERT_NE(url, nullptr);
    ASSERT_NE(token, nullptr);
    EXPECT_EQ(token->echoMode(), QLineEdit::Password);

    url->setText(QStringLiteral("http://example.org"));
    EXPECT_FALSE(dialog.validationError().isEmpty());
    url->setText(QStringLiteral("wss://gateway.example.org:8443"));
    token->setText(QStringLiteral("s3cret"));
    EXPECT_TRUE(dialog.validationError().isEmpty()) << qPrintable(dialog.validationError());
    const SocketIoConfig config = dialog.config();
    EXPECT_EQ(config.gatewayUrl, QUrl(QStringLiteral("wss://gateway.example.org:8443")));
    EXPECT_EQ(config.nspace, QStringLiteral("/meeting-metrics"));
    EXPECT_EQ(config.path, QStringLiteral("/socket.io/"));
    EXPECT_EQ(config.token, QStringLiteral("s3cret"));
}

TEST(PlainTextTest, BoundsAndEscapes)
{
    EXPECT_EQ(boundedForDisplay(QStringLiteral("abc"), 10), QStringLiteral("abc"));
    const QString cut = boundedForDisplay(QString(50, QLatin1Char('z')), 10);
    EXPECT_EQ(cut.size(), 10);
    EXPECT_TRUE(cut.endsWith(QChar(0x2026)));
    EXPECT_EQ(boundedForDisplay(QStringLiteral("a\nb\tc"), 10), QStringLiteral("a b c"));
    EXPECT_TRUE(plainTextToolTip(QString()).isEmpty());
    EXPECT_EQ(plainTextToolTip(QStringLiteral("<i>a</i>\nb")),
              QStringLiteral("<qt>&lt;i&gt;a&lt;/i&gt;<br>b</qt>"));
}

// The whole path: simulated fleet -> loopback Socket.IO -> real client on the
// ingest thread -> model -> tree and status bar.
TEST(MainWindowDemoTest, DemoGatewayFillsTheTreeThroughTheRealClient)
{
    DemoGateway demo(FleetConfig{});
    QString error;
    ASSERT_TRUE(demo.start(&error)) << qPrintable(error);
    const SystemClock clock;
    MainWindow window(clock);
    window.show();
    SocketIoConfig config;
    config.gatewayUrl = demo.url();
    config.nspace = demo.nspace();
    config.path = demo.path();
    config.token = demo.token();
    window.connectToGateway(config);
    EXPECT_TRUE(window.isConnectionOpen());

    QTRY_VERIFY_WITH_TIMEOUT(window.model()->userCount() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(window.proxyModel()->rowCount() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusWidget()->stateText().startsWith(QStringLiteral("Connected")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusWidget()->messagesPerSecond() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusWidget()->lastMessageText().startsWith(QStringLiteral("last message")),
        20000);

    window.disconnectFromGateway();
    EXPECT_FALSE(window.isConnectionOpen());
    EXPECT_TRUE(window.statusWidget()->stateText().contains(QStringLiteral("Not connected")));
    // The data stays on screen after a disconnect.
    EXPECT_GT(window.model()->userCount(), 0);
    demo.stop();
}

} // namespace
