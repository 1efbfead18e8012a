#pragma once

#include "core/clock.h"
#include "exportworker.h"

#include <QDateTime>
#include <QDialog>
#include <atomic>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QThread;
class QWidget;

namespace mm {

// File › Export…: samples, rollups (per minute or hour), alert incidents
// or the weekly quality report, over a time range (or, for the report, an
// ISO week in a time zone) and a scope (everything, the selected meeting,
// the selected user), to a CSV or PDF file. The export runs on a worker
// thread with its own read-only connection to the history; the progress
// bar follows it, Cancel stops it, and a cancelled or failed export leaves
// no file (an existing one stays as it was).
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { Everything, Meeting, User };

    ExportDialog(const Clock &clock, const QString &databasePath, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // The tree's selection: offered as the scope and preselected (empty
    // user: the meeting; both empty: only everything).
    void setSelection(const QString &meetingId, const QString &userId);

    void setKind(ExportKind kind);
    ExportKind kind() const;
    void setRange(const QDateTime &from, const QDateTime &to);
    void setScope(Scope scope);
    Scope scope() const;
    void setFormat(ExportFormat format);
    void setWeek(const QString &isoWeek); // "2026-W47", one of the offered weeks
    void setOutputPath(const QString &path);
    // The gateway named in the weekly report's header (plain text).
    void setGateway(const QString &gateway) { m_gateway = gateway; }
    QString outputPath() const;

    // The job the form describes (what Export would run).
    ExportJob job() const;
    // Why the form cannot run (empty: it can).
    QString validationError() const;

    // Starts the export without asking anything (false, with the reason
    // shown, when the form is incomplete or one is running).
    bool startExport();
    void cancelExport();
    bool isRunning() const { return m_thread != nullptr; }

    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;
    // The last finished export's result.
    ExportResult lastResult() const { return m_lastResult; }

    // The ISO week ("2026-W47") holding `date`.
    static QString isoWeekOf(QDate date);

signals:
    void exportFinished(const mm::ExportResult &result);

public:
    // While an export runs, closing cancels it first.
    void reject() override;

private:
    QWidget *createRangePage();
    QWidget *createWeekPage();
    void onKindChanged();
    void onBrowse();
    void onExportClicked();
    void onProgressed(int percent);
    void onWorkerFinished(const mm::ExportResult &workerResult);
    void updateForm();
    void suggestFileName();
    void showStatus(const QString &text, bool error);
    QString defaultFolder() const;

    const Clock &m_clock;
    QString m_databasePath;
    QString m_meetingId;
    QString m_userId;
    QString m_gateway;

    QComboBox *m_kind;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_week;
    QComboBox *m_zone;
    QWidget *m_rangePage;
    QWidget *m_weekPage;
    QRadioButton *m_scopeAll;
    QRadioButton *m_scopeMeeting;
    QRadioButton *m_scopeUser;
    QButtonGroup *m_scopeGroup;
    QComboBox *m_format;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_exportButton;
    QPushButton *m_closeButton;

    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    bool m_closeWhenDone = false;
    bool m_pathEdited = false;
    ExportResult m_lastResult;
};

} // namespace mm
