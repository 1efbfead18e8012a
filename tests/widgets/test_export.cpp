// Issue 5 from the window, offscreen: the export dialog writes each kind
// from a real SQLite history on its worker thread (progress to 100 %,
// cancel leaves no file and keeps an existing one), Ctrl+C copies the
// tree's and the alerts panel's selected rows as tab-separated plain text,
// and the chart views save as a PNG that loads and a valid PDF.
#include "alertspanel.h"
#include "alertuitestutil.h"
#include "exportdialog.h"
#include "history/historywriter.h"
#include "history/incidentexporter.h"
#include "history/rollupexporter.h"
#include "history/sampleexporter.h"
#include "model/meetingfilterproxymodel.h"
#include "model/modelroles.h"
#include "plotstack.h"
#include "rowclipboard.h"
#include "userchartview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <gtest/gtest.h>

using namespace mm;

namespace {

constexpr int SecondsPerUser = 600;

class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 now)
        : m_now(now)
    {
    }
    qint64 nowMs() const override { return m_now; }

private:
    qint64 m_now;
};

Sample sampleAt(qint64 at, const QString &meeting, const QString &user, const QString &name)
{
    Sample s;
    s.meetingId = meeting;
    s.userId = user;
    s.username = name;
    s.receivedMs = at;
    s.uploadKbps = 900;
    s.downloadKbps = 1700;
    s.latencyMs = 45;
    s.packetLossPct = 0.5;
    s.jitterMs = 4;
    s.quality = Quality::Good;
    return s;
}

Incident incident(quint64 id, qint64 started, const QString &meeting, const QString &user)
{
    Incident i;
    i.id = id;
    i.meetingId = meeting;
    i.userId = user;
    i.type = AlertType::Custom;
    i.typeName = QStringLiteral("custom");
    i.severity = Severity::Critical;
    i.state = IncidentState::Resolved;
    i.startedMs = started;
    i.firedMs = started + 5000;
    i.resolvedMs = started + 60'000;
    i.message = QStringLiteral("=cmd|' /C calc'!A0");
    return i;
}

QList<QByteArray> lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> result = file.readAll().split('\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    for (QByteArray &line : result)
        if (line.endsWith('\r'))
            line.chop(1);
    return result;
}

// A history of three users in two meetings: ten minutes of samples each
// (the first minute starts on a minute boundary) and two incidents.
class ExportDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("history.sqlite"));
        HistoryWriterThread writer(m_db);
        QString error;
        ASSERT_TRUE(writer.start(&error)) << qPrintable(error);
        auto batch = std::make_shared<SampleBatch>();
        for (int sec = 0; sec < SecondsPerUser; ++sec) {
            const qint64 at = m_t0 + sec * 1000LL;
            batch->push_back(sampleAt(at, QStringLiteral("m-1"), QStringLiteral("u-1"),
                                      QStringLiteral("Ann")));
            batch->push_back(sampleAt(at, QStringLiteral("m-1"), QStringLiteral("u-2"),
                                      QStringLiteral("<b>Bob</b>")));
            batch->push_back(sampleAt(at, QStringLiteral("m-2"), QStringLiteral("u-3"),
                                      QStringLiteral("Cy")));
        }
        const std::vector<Incident> incidents{
            incident(1, m_t0 + 60'000, QStringLiteral("m-1"), QStringLiteral("u-2")),
            incident(2, m_t0 + 120'000, QStringLiteral("m-2"), QStringLiteral("u-3"))};
        QMetaObject::invokeMethod(
            writer.writer(),
            [&writer, batch, incidents] {
                writer.writer()->writeBatch(batch);
                writer.writer()->writeIncidents(incidents);
            },
            Qt::QueuedConnection);
        ASSERT_TRUE(writer.flush());
        writer.stop();
    }

    // Runs the dialog's export and waits for it.
    ExportResult run(ExportDialog &dialog)
    {
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        EXPECT_TRUE(dialog.startExport()) << qPrintable(dialog.statusText());
        EXPECT_TRUE(dialog.isRunning());
        EXPECT_TRUE(finished.wait(30000));
        EXPECT_FALSE(dialog.isRunning());
        return dialog.lastResult();
    }

    QString out(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_db;
    // A minute boundary a day ago: the samples are inside the dialog's
    // default "last 24 hours" on a clock at now.
    const qint64 m_t0 = (QDateTime::currentMSecsSinceEpoch() / 60'000 - 24 * 60 + 30) * 60'000;
    FixedClock m_clock{QDateTime::currentMSecsSinceEpoch()};
};

TEST_F(ExportDialogTest, ExportsEachKindFromTheHistoryWithProgressTo100)
{
    struct Case
    {
        ExportKind kind;
        QByteArray header;
        int rows;
    };
    const Case cases[] = {
        {ExportKind::Samples, SampleExporter::csvHeader(), 3 * SecondsPerUser},
        {ExportKind::RollupsMinute, RollupExporter::csvHeader(), 3 * SecondsPerUser / 60},
        {ExportKind::Incidents, IncidentExporter::csvHeader(), 2},
    };
    for (const Case &c : cases) {
        ExportDialog dialog(m_clock, m_db);
        dialog.setKind(c.kind);
        const QString path = out(QStringLiteral("kind-%1.csv").arg(int(c.kind)));
        dialog.setOutputPath(path);
        QList<int> seen;
        QObject::connect(dialog.progressBar(), &QProgressBar::valueChanged, &dialog,
                         [&seen](int value) { seen << value; });
        const ExportResult result = run(dialog);
        ASSERT_TRUE(result.ok) << qPrintable(result.error);
        EXPECT_EQ(result.rows, c.rows);
        const QList<QByteArray> written = lines(path);
        ASSERT_EQ(written.size(), c.rows + 1) << int(c.kind);
        EXPECT_EQ(written.first(), c.header);
        EXPECT_EQ(dialog.progressBar()->value(), 100);
        ASSERT_FALSE(seen.isEmpty());
        EXPECT_EQ(seen.last(), 100);
        EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
        if (c.kind == ExportKind::Samples) {
            // Ten minutes of data: the bar moved through values between.
            EXPECT_TRUE(std::any_of(seen.begin(), seen.end(),
                                    [](int v) { return v > 0 && v < 100; }));
        }
        EXPECT_TRUE(dialog.statusText().contains(QDir::toNativeSeparators(path)))
            << qPrintable(dialog.statusText());
    }

    // Hours: the ten minutes lie in one or two hours.
    ExportDialog hours(m_clock, m_db);
    hours.setKind(ExportKind::RollupsHour);
    hours.setOutputPath(out(QStringLiteral("hours.csv")));
    const ExportResult result = run(hours);
    ASSERT_TRUE(result.ok) << qPrintable(result.error);
    const qint64 hourOfFirst = m_t0 / 3'600'000;
    const qint64 hourOfLast = (m_t0 + (SecondsPerUser - 1) * 1000LL) / 3'600'000;
    EXPECT_EQ(result.rows, 3 * (hourOfLast - hourOfFirst + 1));
}

TEST_F(ExportDialogTest, ScopeAndRangeComeFromTheSelectionAndTheForm)
{
    ExportDialog dialog(m_clock, m_db);
    dialog.setSelection(QStringLiteral("m-1"), QStringLiteral("u-2"));
    EXPECT_EQ(dialog.scope(), ExportDialog::Scope::User);
    dialog.setKind(ExportKind::Samples);
    // Two minutes of the ten.
    dialog.setRange(QDateTime::fromMSecsSinceEpoch(m_t0 + 120'000),
                    QDateTime::fromMSecsSinceEpoch(m_t0 + 240'000));
    const QString path = out(QStringLiteral("user.csv"));
    dialog.setOutputPath(path);
    ExportResult result = run(dialog);
    ASSERT_TRUE(result.ok) << qPrintable(result.error);
    EXPECT_EQ(result.rows, 120);
    const QList<QByteArray> written = lines(path);
    ASSERT_EQ(written.size(), 121);
    for (int i = 1; i < written.size(); ++i)
        ASSERT_TRUE(written[i].contains(",\"u-2\",") || written[i].contains(",u-2,"))
            << written[i].constData();

    dialog.setScope(ExportDialog::Scope::Meeting);
    dialog.setOutputPath(path);
    result = run(dialog);
    ASSERT_TRUE(result.ok) << qPrintable(result.error);
    EXPECT_EQ(result.rows, 240);

    // The report is always the whole fleet.
    dialog.setKind(ExportKind::WeeklyReport);
    EXPECT_EQ(dialog.scope(), ExportDialog::Scope::Everything);

    // An empty range is refused before anything runs.
    dialog.setKind(ExportKind::Samples);
    dialog.setRange(QDateTime::fromMSecsSinceEpoch(m_t0 + 240'000),
                    QDateTime::fromMSecsSinceEpoch(m_t0 + 120'000));
    EXPECT_FALSE(dialog.validationError().isEmpty());
    EXPECT_FALSE(dialog.startExport());
    EXPECT_FALSE(dialog.isRunning());
}

TEST_F(ExportDialogTest, CancelLeavesNoFileAndKeepsAnExistingOne)
{
    const QString existing = out(QStringLiteral("existing.csv"));
    auto writeExisting = [&existing] {
        QFile file(existing);
        return file.open(QIODevice::WriteOnly) && file.write("keep me\n") == 8;
    };
    ASSERT_TRUE(writeExisting());
    const QString fresh = out(QStringLiteral("fresh.csv"));
    for (const QString &path : {existing, fresh}) {
        for (const ExportKind kind :
             {ExportKind::Samples, ExportKind::RollupsMinute, ExportKind::Incidents}) {
            // Cancel right after starting. The worker normally stops at its
            // first row; on a loaded machine it can finish this small export
            // first, which must then be a complete file: try again.
            bool sawCancel = false;
            for (int attempt = 0; attempt < 20 && !sawCancel; ++attempt) {
                ExportDialog dialog(m_clock, m_db);
                dialog.setKind(kind);
                dialog.setOutputPath(path);
                QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
                ASSERT_TRUE(dialog.startExport());
                dialog.cancelExport();
                ASSERT_TRUE(finished.wait(30000));
                const ExportResult result = dialog.lastResult();
                if (result.ok) {
                    EXPECT_GT(lines(path).size(), 1);
                    if (path == existing)
                        ASSERT_TRUE(writeExisting());
                    else
                        ASSERT_TRUE(QFile::remove(path));
                    continue;
                }
                sawCancel = true;
                EXPECT_TRUE(result.cancelled);
                EXPECT_TRUE(dialog.statusText().contains(QStringLiteral("Cancelled")))
                    << qPrintable(dialog.statusText());
            }
            EXPECT_TRUE(sawCancel) << int(kind);
        }
    }
    QFile file(existing);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("keep me\n"));
    EXPECT_FALSE(QFile::exists(fresh));
    // Nor any temporary file of QSaveFile's (the history's own files aside).
    QStringList left = QDir(m_dir.path()).entryList(QDir::Files);
    left.removeIf([](const QString &name) { return name.startsWith(QStringLiteral("history.")); });
    EXPECT_EQ(left, QStringList{QStringLiteral("existing.csv")})
        << qPrintable(left.join(QLatin1Char(' ')));
}

TEST_F(ExportDialogTest, CancelWhileWritingStopsTheWorker)
{
    // The cancel flag lands while rows are being written (from the progress
    // callback, on the worker's thread): the exporter stops, nothing is
    // committed.
    const QString path = out(QStringLiteral("mid.csv"));
    std::atomic<bool> cancel{false};
    ExportControl control;
    control.cancel = &cancel;
    int calls = 0;
    control.progress = [&](int percent) {
        ++calls;
        if (percent >= 30)
            cancel = true;
    };
    ExportJob job;
    job.kind = ExportKind::Samples;
    job.databasePath = m_db;
    job.outputPath = path;
    const ExportResult result = ExportWorker::runJob(job, control);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.cancelled);
    EXPECT_GT(result.rows, 0); // it was under way
    EXPECT_LT(result.rows, 3 * SecondsPerUser);
    EXPECT_GE(calls, 2);
    EXPECT_FALSE(QFile::exists(path));
}

TEST_F(ExportDialogTest, FailuresAreShownAndLeaveNoFile)
{
    ExportDialog dialog(m_clock, m_db);
    dialog.setKind(ExportKind::Samples);
    const QString path = out(QStringLiteral("no-such-folder/out.csv"));
    dialog.setOutputPath(path);
    const ExportResult result = run(dialog);
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.cancelled);
    EXPECT_FALSE(result.error.isEmpty());
    EXPECT_TRUE(dialog.statusText().startsWith(QStringLiteral("Export failed")))
        << qPrintable(dialog.statusText());
    EXPECT_FALSE(QFile::exists(path));

    // No history at all: the dialog says so and will not start.
    ExportDialog none(m_clock, QString());
    none.setOutputPath(out(QStringLiteral("x.csv")));
    EXPECT_FALSE(none.validationError().isEmpty());
    EXPECT_FALSE(none.startExport());

    // A file that is not a history.
    const QString bogus = out(QStringLiteral("bogus.sqlite"));
    {
        QFile file(bogus);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("not a database at all");
    }
    ExportDialog broken(m_clock, bogus);
    broken.setOutputPath(out(QStringLiteral("y.csv")));
    const ExportResult brokenResult = run(broken);
    EXPECT_FALSE(brokenResult.ok);
    EXPECT_FALSE(brokenResult.error.isEmpty());
    EXPECT_FALSE(QFile::exists(out(QStringLiteral("y.csv"))));
}

TEST_F(ExportDialogTest, TheWeeklyReportIsBuiltOffTheGuiThreadAndWrittenAsPdfOrCsv)
{
    ExportDialog dialog(m_clock, m_db);
    dialog.setKind(ExportKind::WeeklyReport);
    dialog.setWeek(ExportDialog::isoWeekOf(QDateTime::fromMSecsSinceEpoch(m_t0).date()));
    dialog.setFormat(ExportFormat::Pdf);
    const QString path = out(QStringLiteral("report.pdf"));
    dialog.setOutputPath(path);
    EXPECT_EQ(dialog.job().format, ExportFormat::Pdf);
    EXPECT_FALSE(dialog.job().week.isEmpty());
    EXPECT_FALSE(dialog.job().timeZoneId.isEmpty());
    const ExportResult result = run(dialog);
    ASSERT_TRUE(result.ok) << qPrintable(result.error);
    EXPECT_EQ(dialog.progressBar()->value(), 100);
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_TRUE(file.read(5) == "%PDF-");
    }

    // CSV: one row per meeting of the week (both meetings are in it).
    dialog.setFormat(ExportFormat::Csv);
    const QString csv = out(QStringLiteral("report.csv"));
    dialog.setOutputPath(csv);
    const ExportResult csvResult = run(dialog);
    ASSERT_TRUE(csvResult.ok) << qPrintable(csvResult.error);
    const QList<QByteArray> written = lines(csv);
    ASSERT_EQ(written.size(), 3);
    EXPECT_TRUE(written[0].startsWith("meeting_id,meeting_name,"));

    // Cancelled before the build starts: no file.
    const QString cancelled = out(QStringLiteral("cancelled.pdf"));
    dialog.setFormat(ExportFormat::Pdf);
    dialog.setOutputPath(cancelled);
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    ASSERT_TRUE(dialog.startExport());
    dialog.cancelExport();
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_TRUE(dialog.lastResult().cancelled);
    EXPECT_FALSE(QFile::exists(cancelled));
}

TEST_F(ExportDialogTest, TheDialogShowsItsFormAndKeepsClientTextLiteral)
{
    ExportDialog dialog(m_clock, m_db);
    dialog.setSelection(QStringLiteral("m-&1"), QStringLiteral("<b>u</b>"));
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    const auto *user = dialog.findChild<QAbstractButton *>(QStringLiteral("scopeUser"));
    ASSERT_NE(user, nullptr);
    // "&" stays a character (not a mnemonic), markup stays text.
    EXPECT_EQ(user->text(), QStringLiteral("User <b>u</b> in meeting m-&&1"));
    EXPECT_TRUE(user->isChecked());
    const QImage shot = dialog.grab().toImage();
    EXPECT_FALSE(shot.isNull());
    // For looking at it: MM_TEST_ARTIFACTS=DIR keeps a screenshot.
    if (const QString dir = qEnvironmentVariable("MM_TEST_ARTIFACTS"); !dir.isEmpty())
        shot.save(QDir(dir).filePath(QStringLiteral("export-dialog.png")));
}

TEST(IsoWeekTest, WeeksOfTheYearEdges)
{
    EXPECT_EQ(ExportDialog::isoWeekOf(QDate(2026, 11, 24)), QStringLiteral("2026-W48"));
    EXPECT_EQ(ExportDialog::isoWeekOf(QDate(2027, 1, 1)), QStringLiteral("2026-W53"));
    EXPECT_EQ(ExportDialog::isoWeekOf(QDate(2024, 12, 30)), QStringLiteral("2025-W01"));
}

// ---- clipboard ------------------------------------------------------------

TEST(RowClipboardTest, CtrlCCopiesSelectedTreeRowsAsTabSeparatedPlainText)
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    FixedClock clock(t0);
    MainWindow window(clock);
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    auto batch = std::make_shared<SampleBatch>();
    batch->push_back(sampleAt(t0, QStringLiteral("m-c"), QStringLiteral("u-1"),
                              QStringLiteral("Tab\there\nnewline <img src=x>")));
    batch->push_back(sampleAt(t0, QStringLiteral("m-c"), QStringLiteral("u-2"),
                              QStringLiteral("Plain")));
    window.model()->applyBatch(batch);
    QTRY_COMPARE_WITH_TIMEOUT(window.proxyModel()->rowCount(), 1, 5000);
    QTreeView *tree = window.treeView();
    const QModelIndex meeting = window.proxyModel()->index(0, 0);
    tree->expand(meeting);
    ASSERT_EQ(window.proxyModel()->rowCount(meeting), 2);
    // Hide a column: it is not copied.
    tree->header()->hideSection(int(TreeColumn::Jitter));
    tree->selectionModel()->select(window.proxyModel()->index(0, 0, meeting),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    tree->selectionModel()->select(window.proxyModel()->index(1, 0, meeting),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    tree->selectionModel()->select(meeting,
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    tree->setFocus();
    QApplication::clipboard()->clear();
    QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);

    const QMimeData *mime = QApplication::clipboard()->mimeData();
    ASSERT_NE(mime, nullptr);
    EXPECT_FALSE(mime->hasHtml());
    const QString text = mime->text();
    QStringList rows = text.split(QLatin1Char('\n'));
    ASSERT_EQ(rows.size(), 5) << qPrintable(text); // header, meeting, 2 users, ""
    EXPECT_TRUE(rows.last().isEmpty());
    const int visibleColumns = int(TreeColumn::Count_) - 1;
    QStringList header;
    for (int c = 0; c < int(TreeColumn::Count_); ++c)
        if (c != int(TreeColumn::Jitter))
            header << window.proxyModel()->headerData(c, Qt::Horizontal).toString();
    EXPECT_EQ(rows[0], header.join(QLatin1Char('\t')));
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(rows[i].count(QLatin1Char('\t')), visibleColumns - 1) << qPrintable(rows[i]);
    // The meeting first (parents before children), then its users in view order.
    EXPECT_TRUE(rows[1].startsWith(meeting.data().toString())) << qPrintable(rows[1]);
    EXPECT_TRUE(text.contains(QStringLiteral("Tab here newline <img src=x>")))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("Plain")));

    // The same action is in the tree's context menu.
    const auto actions = tree->actions();
    EXPECT_TRUE(std::any_of(actions.begin(), actions.end(), [](const QAction *a) {
        return a->objectName() == QStringLiteral("copyRowsAction");
    }));
    EXPECT_EQ(tree->contextMenuPolicy(), Qt::ActionsContextMenu);
}

TEST(RowClipboardTest, AlertsPanelRowsCopyWithTheirVisibleColumns)
{
    test::AlertWindow w;
    w.run(40, [&w] {
        return SampleBatch{test::alertSample(QStringLiteral("m-a"), QStringLiteral("u-a"), 900,
                                             12, Quality::Poor, w.clock.nowMs(),
                                             QStringLiteral("A\tB"))};
    });
    AlertsPanel *panel = w.alerts()->panel();
    ASSERT_NE(panel, nullptr);
    QTableView *table = panel->table();
    ASSERT_GT(table->model()->rowCount(), 0);
    table->selectAll();
    const QString text = selectedRowsAsTabSeparated(*table);
    const QStringList rows = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), table->model()->rowCount() + 1) << qPrintable(text);
    int visible = 0;
    for (int c = 0; c < table->model()->columnCount(); ++c)
        visible += table->horizontalHeader()->isSectionHidden(c) ? 0 : 1;
    for (const QString &row : rows)
        EXPECT_EQ(row.count(QLatin1Char('\t')), visible - 1) << qPrintable(row);
    EXPECT_TRUE(text.contains(QStringLiteral("m-a")));
    // The panel's action, bound to Ctrl+C while the table has focus.
    const auto actions = table->actions();
    const auto copy = std::find_if(actions.begin(), actions.end(), [](const QAction *a) {
        return a->objectName() == QStringLiteral("copyRowsAction");
    });
    ASSERT_NE(copy, actions.end());
    EXPECT_EQ((*copy)->shortcut(), QKeySequence(QKeySequence::Copy));
    QApplication::clipboard()->clear();
    (*copy)->trigger();
    EXPECT_EQ(QApplication::clipboard()->text(), text);
}

// ---- chart save -----------------------------------------------------------

UserSeries userSeries(qint64 t0)
{
    UserSeries s;
    s.meetingId = QStringLiteral("m-1");
    s.userId = QStringLiteral("u-1");
    s.username = QStringLiteral("<b>Name</b>");
    s.fromMs = t0;
    s.toMs = t0 + 600'000;
    s.stepMs = 1000;
    for (int sec = 0; sec < 600; ++sec) {
        s.timeMs.push_back(t0 + sec * 1000LL);
        s.value[size_t(SeriesMetric::Upload)].push_back(800 + sec % 50);
        s.value[size_t(SeriesMetric::Download)].push_back(1600 + sec % 70);
        s.value[size_t(SeriesMetric::Latency)].push_back(40 + sec % 30);
        s.value[size_t(SeriesMetric::Jitter)].push_back(3 + sec % 4);
        s.value[size_t(SeriesMetric::PacketLoss)].push_back(0.5);
        s.quality.push_back(Quality::Good);
    }
    return s;
}

QString pdfText(const QString &path)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess process;
    process.start(tool, {path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("<pdftotext failed>");
    return QString::fromUtf8(process.readAllStandardOutput());
}

void expectValidPdf(const QString &path)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF-1."));
    EXPECT_TRUE(bytes.trimmed().endsWith("%%EOF"));
    const QString text = pdfText(path);
    if (text.isEmpty())
        return; // no poppler-utils here: the structure checks above stand
    // Text stays text: the plot titles and the untrusted name, literally.
    EXPECT_TRUE(text.contains(QStringLiteral("Latency and jitter"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("<b>Name</b>"))) << qPrintable(text);
}

TEST(ChartSaveTest, AShownViewSavesAsPngAndPdf)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.resize(900, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setSeries(userSeries(t0), t0, t0 + 600'000);
    EXPECT_NE(view.saveChartAction(), nullptr);
    EXPECT_TRUE(view.actions().contains(view.saveChartAction()));

    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    ASSERT_TRUE(view.saveChart(png, &error)) << qPrintable(error);
    QImage image;
    ASSERT_TRUE(image.load(png));
    EXPECT_EQ(image.size(), view.size() * view.devicePixelRatio());
    // Not blank: the lines' colours are in it.
    EXPECT_GT(image.convertToFormat(QImage::Format_Indexed8).colorCount(), 8);

    const QString pdf = dir.filePath(QStringLiteral("chart.pdf"));
    ASSERT_TRUE(view.saveChart(pdf, &error)) << qPrintable(error);
    expectValidPdf(pdf);
    if (const QString keep = qEnvironmentVariable("MM_TEST_ARTIFACTS"); !keep.isEmpty()) {
        QFile::copy(png, QDir(keep).filePath(QStringLiteral("chart.png")));
        QFile::copy(pdf, QDir(keep).filePath(QStringLiteral("chart.pdf")));
    }
}

TEST(ChartSaveTest, ANeverShownViewIsLaidOutBeforeItIsDrawn)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const qint64 t0 = 1'700'000'000'000;
    UserChartView view;
    view.resize(900, 600);
    view.setSeries(userSeries(t0), t0, t0 + 600'000);
    const QString pdf = dir.filePath(QStringLiteral("hidden.pdf"));
    QString error;
    ASSERT_TRUE(view.saveChart(pdf, &error)) << qPrintable(error);
    expectValidPdf(pdf);
    if (const QString keep = qEnvironmentVariable("MM_TEST_ARTIFACTS"); !keep.isEmpty())
        QFile::copy(pdf, QDir(keep).filePath(QStringLiteral("hidden.pdf")));
    EXPECT_FALSE(view.isVisible());
    // The plots got the view's width, not a default size.
    EXPECT_GT(view.plots()->columns(), 600);

    // And the axes agree with it: the same chart saved from a shown view
    // has the same text (axis labels, titles, legends).
    UserChartView shownView;
    shownView.resize(900, 600);
    shownView.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&shownView));
    shownView.setSeries(userSeries(t0), t0, t0 + 600'000);
    const QString shownPdf = dir.filePath(QStringLiteral("shown.pdf"));
    ASSERT_TRUE(shownView.saveChart(shownPdf, &error)) << qPrintable(error);
    const QString hiddenText = pdfText(pdf);
    if (!hiddenText.isEmpty()) {
        EXPECT_TRUE(hiddenText.contains(QStringLiteral("100"))) << qPrintable(hiddenText);
        EXPECT_EQ(hiddenText, pdfText(shownPdf));
    }
}

TEST(ChartSaveTest, AFailedSaveSaysWhyAndLeavesNoFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    UserChartView view;
    view.resize(400, 300);
    QString error;
    EXPECT_FALSE(view.saveChart(dir.filePath(QStringLiteral("missing/chart.png")), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

} // namespace
