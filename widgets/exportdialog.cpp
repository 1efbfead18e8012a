#include "exportdialog.h"

#include "plaintext.h"
#include "settings/appsettings.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QThread>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace mm {

namespace {

constexpr int MaxShownIdChars = 60;
constexpr int OfferedWeeks = 12;
constexpr qint64 DayMs = 24 * 3600 * 1000LL;

// A client's id on a button: bounded, one line, and "&" kept literal (a
// button would take it for a mnemonic).
QString buttonText(const QString &untrusted)
{
    return boundedForDisplay(untrusted, MaxShownIdChars).replace(QLatin1Char('&'),
                                                                  QStringLiteral("&&"));
}

bool isReport(ExportKind kind)
{
    return kind == ExportKind::WeeklyReport;
}

} // namespace

QString ExportDialog::isoWeekOf(QDate date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

ExportDialog::ExportDialog(const Clock &clock, const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_databasePath(databasePath)
    , m_kind(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_week(new QComboBox(this))
    , m_zone(new QComboBox(this))
    , m_rangePage(nullptr)
    , m_weekPage(nullptr)
    , m_scopeAll(new QRadioButton(tr("&Everything"), this))
    , m_scopeMeeting(new QRadioButton(this))
    , m_scopeUser(new QRadioButton(this))
    , m_scopeGroup(new QButtonGroup(this))
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    qRegisterMetaType<mm::ExportResult>();

    m_kind->setObjectName(QStringLiteral("exportKind"));
    m_kind->addItem(tr("Samples (every second, raw)"), int(ExportKind::Samples));
    m_kind->addItem(tr("Rollups per minute"), int(ExportKind::RollupsMinute));
    m_kind->addItem(tr("Rollups per hour"), int(ExportKind::RollupsHour));
    m_kind->addItem(tr("Alert incidents"), int(ExportKind::Incidents));
    m_kind->addItem(tr("Weekly quality report"), int(ExportKind::WeeklyReport));

    auto *pages = new QStackedWidget(this);
    m_rangePage = createRangePage();
    m_weekPage = createWeekPage();
    pages->addWidget(m_rangePage);
    pages->addWidget(m_weekPage);
    connect(m_kind, &QComboBox::currentIndexChanged, pages, [this, pages] {
        pages->setCurrentWidget(isReport(kind()) ? m_weekPage : m_rangePage);
    });

    auto *scopeBox = new QGroupBox(tr("Scope"), this);
    m_scopeAll->setObjectName(QStringLiteral("scopeEverything"));
    m_scopeMeeting->setObjectName(QStringLiteral("scopeMeeting"));
    m_scopeUser->setObjectName(QStringLiteral("scopeUser"));
    m_scopeGroup->addButton(m_scopeAll, int(Scope::Everything));
    m_scopeGroup->addButton(m_scopeMeeting, int(Scope::Meeting));
    m_scopeGroup->addButton(m_scopeUser, int(Scope::User));
    m_scopeAll->setChecked(true);
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->addWidget(m_scopeAll);
    scopeLayout->addWidget(m_scopeMeeting);
    scopeLayout->addWidget(m_scopeUser);

    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setPlaceholderText(tr("File to write"));
    m_path->setClearButtonEnabled(true);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_pathEdited = true; });
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateForm);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::onBrowse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&What:"), m_kind);
    form->addRow(pages);
    form->addRow(scopeBox);
    form->addRow(tr("&Format:"), m_format);
    // A label on a layout gets no buddy from the form: give it one, so that
    // its mnemonic works (and the "&" is not shown).
    auto *fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);

    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    // Errors can quote paths and database messages: never markup.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_closeButton = m_buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("exportCloseButton"));
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::onExportClicked);
    connect(m_closeButton, &QPushButton::clicked, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::onKindChanged);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::suggestFileName);
    connect(m_week, &QComboBox::currentIndexChanged, this, &ExportDialog::suggestFileName);
    connect(m_scopeGroup, &QButtonGroup::idClicked, this, &ExportDialog::suggestFileName);
    setSelection(QString(), QString());
    onKindChanged();
    if (m_databasePath.isEmpty())
        showStatus(tr("No history is recorded: start with a history database to export."), true);
    else
        showStatus(tr("Reads the history in %1.").arg(QDir::toNativeSeparators(m_databasePath)),
                   false);
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

ExportDialog::~ExportDialog()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->quit();
        m_thread->wait();
    }
}

QWidget *ExportDialog::createRangePage()
{
    auto *page = new QWidget(this);
    // The last 24 hours, to the next whole minute.
    const qint64 now = m_clock.nowMs();
    const qint64 to = (now / 60'000 + 1) * 60'000;
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(format);
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
    }
    m_from->setObjectName(QStringLiteral("exportFrom"));
    m_to->setObjectName(QStringLiteral("exportTo"));
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(to - DayMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(to));
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &ExportDialog::updateForm);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &ExportDialog::updateForm);

    auto *zone = new QLabel(tr("Local time (%1)")
                                .arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())),
                            page);
    zone->setTextFormat(Qt::PlainText);
    zone->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("F&rom:"), m_from);
    layout->addRow(tr("&To:"), m_to);
    layout->addRow(QString(), zone);
    return page;
}

QWidget *ExportDialog::createWeekPage()
{
    auto *page = new QWidget(this);
    m_week->setObjectName(QStringLiteral("exportWeek"));
    m_zone->setObjectName(QStringLiteral("exportTimeZone"));
    // The last complete week first, then the ones before; the current,
    // incomplete one last.
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).date();
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    const QLocale locale;
    auto addWeek = [&](const QDate &monday, const QString &note) {
        const QString id = isoWeekOf(monday);
        QString label = tr("%1 (%2 – %3)")
                            .arg(id, locale.toString(monday, QLocale::ShortFormat),
                                 locale.toString(monday.addDays(6), QLocale::ShortFormat));
        if (!note.isEmpty())
            label += QLatin1Char(' ') + note;
        m_week->addItem(label, id);
    };
    for (int i = 1; i <= OfferedWeeks; ++i)
        addWeek(thisMonday.addDays(-7 * i), QString());
    addWeek(thisMonday, tr("so far"));

    const QByteArray system = QTimeZone::systemTimeZoneId();
    m_zone->addItem(tr("System (%1)").arg(QString::fromUtf8(system)), system);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id), id);

    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("&Week:"), m_week);
    layout->addRow(tr("Time &zone:"), m_zone);
    return page;
}

void ExportDialog::setSelection(const QString &meetingId, const QString &userId)
{
    m_meetingId = meetingId;
    m_userId = meetingId.isEmpty() ? QString() : userId;
    m_scopeMeeting->setText(m_meetingId.isEmpty()
                                ? tr("The selected meeting (none selected)")
                                : tr("Meeting %1").arg(buttonText(m_meetingId)));
    m_scopeUser->setText(m_userId.isEmpty()
                             ? tr("The selected user (none selected)")
                             : tr("User %1 in meeting %2")
                                   .arg(buttonText(m_userId), buttonText(m_meetingId)));
    setScope(!m_userId.isEmpty() ? Scope::User
             : !m_meetingId.isEmpty() ? Scope::Meeting
                                      : Scope::Everything);
    updateForm();
}

void ExportDialog::setKind(ExportKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

ExportKind ExportDialog::kind() const
{
    return ExportKind(m_kind->currentData().toInt());
}

void ExportDialog::setRange(const QDateTime &from, const QDateTime &to)
{
    m_from->setDateTime(from.toLocalTime());
    m_to->setDateTime(to.toLocalTime());
}

void ExportDialog::setScope(Scope scope)
{
    if (QAbstractButton *button = m_scopeGroup->button(int(scope)))
        button->setChecked(true);
    suggestFileName();
}

ExportDialog::Scope ExportDialog::scope() const
{
    return Scope(m_scopeGroup->checkedId());
}

void ExportDialog::setFormat(ExportFormat format)
{
    const int index = m_format->findData(int(format));
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

void ExportDialog::setWeek(const QString &isoWeek)
{
    const int index = m_week->findData(isoWeek);
    if (index >= 0)
        m_week->setCurrentIndex(index);
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
    m_pathEdited = true;
}

QString ExportDialog::outputPath() const
{
    return m_path->text().trimmed();
}

ExportJob ExportDialog::job() const
{
    ExportJob job;
    job.kind = kind();
    job.format = ExportFormat(m_format->currentData().toInt());
    job.databasePath = m_databasePath;
    job.outputPath = outputPath();
    if (isReport(job.kind)) {
        job.week = m_week->currentData().toString();
        job.timeZoneId = m_zone->currentData().toByteArray();
        job.gateway = m_gateway;
        return job;
    }
    job.filter.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    job.filter.toMs = m_to->dateTime().toMSecsSinceEpoch();
    const Scope s = scope();
    if (s != Scope::Everything)
        job.filter.meetingId = m_meetingId;
    if (s == Scope::User)
        job.filter.userId = m_userId;
    return job;
}

QString ExportDialog::validationError() const
{
    if (m_databasePath.isEmpty())
        return tr("No history is recorded: start with a history database to export.");
    if (outputPath().isEmpty())
        return tr("Choose a file to write.");
    if (QFileInfo(outputPath()).isDir())
        return tr("%1 is a folder: choose a file.").arg(QDir::toNativeSeparators(outputPath()));
    if (!isReport(kind()) && m_from->dateTime() >= m_to->dateTime())
        return tr("The range is empty: “From” must be before “To”.");
    if (scope() == Scope::Meeting && m_meetingId.isEmpty())
        return tr("No meeting is selected: select one in the tree, or export everything.");
    if (scope() == Scope::User && m_userId.isEmpty())
        return tr("No user is selected: select one in the tree, or export everything.");
    return {};
}

void ExportDialog::onKindChanged()
{
    const bool report = isReport(kind());
    const QVariant previous = m_format->currentData();
    {
        const QSignalBlocker block(m_format);
        m_format->clear();
        if (report)
            m_format->addItem(tr("PDF (A4, with charts)"), int(ExportFormat::Pdf));
        m_format->addItem(tr("CSV (comma-separated)"), int(ExportFormat::Csv));
        const int keep = m_format->findData(previous);
        m_format->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    // The report covers the whole fleet.
    if (report)
        m_scopeAll->setChecked(true);
    suggestFileName();
    updateForm();
}

void ExportDialog::suggestFileName()
{
    if (m_pathEdited)
        return;
    QString stem;
    switch (kind()) {
    case ExportKind::Samples:
        stem = QStringLiteral("samples");
        break;
    case ExportKind::RollupsMinute:
        stem = QStringLiteral("rollups-1m");
        break;
    case ExportKind::RollupsHour:
        stem = QStringLiteral("rollups-1h");
        break;
    case ExportKind::Incidents:
        stem = QStringLiteral("incidents");
        break;
    case ExportKind::WeeklyReport:
        stem = QStringLiteral("quality-report-") + m_week->currentData().toString();
        break;
    }
    if (!isReport(kind()))
        stem += QLatin1Char('-')
            + QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()).toString(QStringLiteral("yyyyMMdd-HHmm"));
    const bool pdf = ExportFormat(m_format->currentData().toInt()) == ExportFormat::Pdf;
    const QString name = stem + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".csv"));
    const QSignalBlocker block(m_path);
    m_path->setText(QDir(defaultFolder()).filePath(name));
    updateForm();
}

QString ExportDialog::defaultFolder() const
{
    const QString folder = AppSettings().value(settingkeys::LastExportFolder);
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QDir::homePath();
}

void ExportDialog::onBrowse()
{
    const bool pdf = ExportFormat(m_format->currentData().toInt()) == ExportFormat::Pdf;
    const QString filter = pdf ? tr("PDF document (*.pdf)") : tr("CSV file (*.csv)");
    QString start = outputPath();
    if (start.isEmpty())
        start = defaultFolder();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), start, filter);
    if (path.isEmpty())
        return;
    setOutputPath(path);
    AppSettings().setValue(settingkeys::LastExportFolder, QFileInfo(path).absolutePath());
}

void ExportDialog::updateForm()
{
    const bool running = isRunning();
    const bool report = isReport(kind());
    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_from, m_to, m_week, m_zone,
                                                       m_format, m_path, m_browse})
        w->setEnabled(!running);
    m_scopeAll->setEnabled(!running);
    m_scopeMeeting->setEnabled(!running && !report && !m_meetingId.isEmpty());
    m_scopeUser->setEnabled(!running && !report && !m_userId.isEmpty());
    m_exportButton->setEnabled(!running && validationError().isEmpty());
    m_exportButton->setToolTip(running ? QString() : validationError());
    m_closeButton->setText(running ? tr("&Cancel") : tr("&Close"));
}

void ExportDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(palette);
    QFont font = this->font();
    font.setBold(error);
    m_status->setFont(font);
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

void ExportDialog::onExportClicked()
{
    const QString path = outputPath();
    // The file dialog asked already when the file was picked there.
    if (QFileInfo::exists(path) && !m_pathEdited) {
        const auto answer = QMessageBox::question(
            this, tr("Export"),
            tr("%1 exists. Replace it? (It stays as it is unless the export completes.)")
                .arg(QDir::toNativeSeparators(path)));
        if (answer != QMessageBox::Yes)
            return;
    }
    if (startExport())
        AppSettings().setValue(settingkeys::LastExportFolder, QFileInfo(path).absolutePath());
}

bool ExportDialog::startExport()
{
    if (isRunning())
        return false;
    if (const QString error = validationError(); !error.isEmpty()) {
        showStatus(error, true);
        return false;
    }
    const ExportJob exportJob = job();
    m_cancel = false;
    m_progress->setValue(0);
    showStatus(tr("Exporting…"), false);

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("export"));
    auto *worker = new ExportWorker(m_cancel);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &ExportWorker::progressed, this, &ExportDialog::onProgressed);
    connect(worker, &ExportWorker::finished, this, &ExportDialog::onWorkerFinished);
    m_thread->start();
    QMetaObject::invokeMethod(worker, [worker, exportJob] { worker->run(exportJob); },
                              Qt::QueuedConnection);
    updateForm();
    return true;
}

void ExportDialog::cancelExport()
{
    if (!isRunning())
        return;
    m_cancel = true;
    showStatus(tr("Cancelling…"), false);
}

void ExportDialog::reject()
{
    if (isRunning()) {
        // Closing while it runs: cancel, close once the worker has let go.
        m_closeWhenDone = true;
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::onProgressed(int percent)
{
    // Queued from the worker: a late one after finishing changes nothing.
    if (isRunning())
        m_progress->setValue(percent);
}

void ExportDialog::onWorkerFinished(const ExportResult &workerResult)
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    ExportResult done = workerResult;
    if (done.ok && done.reportToDraw && !m_cancel) {
        // The report's PDF is drawn with the window's chart code, which
        // lives in this thread: the build ran on the worker, this is the
        // short rest.
        m_progress->setValue(90);
        showStatus(tr("Drawing the PDF…"), false);
        m_progress->repaint();
        m_status->repaint();
        done.ok = drawWeeklyReportPdf(*done.reportToDraw, job().outputPath, &m_cancel, &done.error);
        done.cancelled = !done.ok && m_cancel;
    } else if (done.reportToDraw && m_cancel) {
        done.ok = false;
        done.cancelled = true;
    }
    done.reportToDraw.reset();
    m_lastResult = done;
    const ExportResult &result = m_lastResult;
    const QString path = QDir::toNativeSeparators(job().outputPath);
    if (result.ok) {
        m_progress->setValue(100);
        showStatus(result.rows >= 0
                       ? tr("Exported %n row(s) to %1.", nullptr, int(std::min<qint64>(result.rows, INT_MAX))).arg(path)
                       : tr("Exported to %1.").arg(path),
                   false);
    } else if (result.cancelled) {
        m_progress->setValue(0);
        showStatus(QFileInfo::exists(job().outputPath)
                       ? tr("Cancelled: %1 was left as it was.").arg(path)
                       : tr("Cancelled: no file was written."),
                   false);
    } else {
        showStatus(tr("Export failed: %1").arg(boundedForDisplay(result.error, 500)), true);
    }
    updateForm();
    emit exportFinished(result);
    if (m_closeWhenDone) {
        m_closeWhenDone = false;
        QDialog::reject();
    }
}

} // namespace mm
