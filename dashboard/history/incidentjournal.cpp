#include "incidentjournal.h"

#include "historydatabase.h"

#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace mm {

namespace {

// '' rather than NULL: the columns are part of the key.
QString keyText(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

// Runs the journal's statements in its thread, on a read-write connection
// opened at the first use (the window's writer creates the file first).
class IncidentJournalWorker final : public QObject
{
public:
    explicit IncidentJournalWorker(QString path)
        : m_path(std::move(path))
    {
    }

    // False with a reason when the database or the table is not there.
    bool ensureOpen(QString *error)
    {
        if (m_db && m_db->isOpen())
            return true;
        auto db = HistoryDatabase::opened(m_path, HistoryDatabase::Mode::ReadWrite, error);
        if (!db)
            return false;
        QSqlQuery create(db->database());
        if (!create.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS silences("
                " meeting_id TEXT NOT NULL, user_id TEXT NOT NULL, type TEXT NOT NULL,"
                " until_ms INTEGER NOT NULL, created_ms INTEGER NOT NULL,"
                " created_by TEXT NOT NULL, comment TEXT NOT NULL,"
                " PRIMARY KEY(created_ms, meeting_id, user_id, type))"))) {
            *error = create.lastError().text();
            return false;
        }
        m_db = std::move(db);
        return true;
    }

    bool save(const Silence &silence, QString *error)
    {
        if (!ensureOpen(error))
            return false;
        QSqlQuery query(m_db->database());
        query.prepare(QStringLiteral(
            "INSERT INTO silences(meeting_id, user_id, type, until_ms, created_ms, created_by,"
            " comment) VALUES(?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(created_ms, meeting_id, user_id, type) DO UPDATE SET"
            " until_ms = excluded.until_ms, created_by = excluded.created_by,"
            " comment = excluded.comment"));
        query.addBindValue(keyText(silence.meetingId));
        query.addBindValue(keyText(silence.userId));
        query.addBindValue(keyText(silence.typeName));
        query.addBindValue(silence.untilMs);
        query.addBindValue(silence.createdMs);
        query.addBindValue(keyText(silence.createdBy));
        query.addBindValue(keyText(silence.comment));
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    }

    bool remove(const Silence &silence, QString *error)
    {
        if (!ensureOpen(error))
            return false;
        QSqlQuery query(m_db->database());
        query.prepare(QStringLiteral("DELETE FROM silences WHERE created_ms = ? AND meeting_id = ?"
                                     " AND user_id = ? AND type = ?"));
        query.addBindValue(silence.createdMs);
        query.addBindValue(keyText(silence.meetingId));
        query.addBindValue(keyText(silence.userId));
        query.addBindValue(keyText(silence.typeName));
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    }

    bool load(qint64 nowMs, std::vector<Silence> *out, QString *error)
    {
        if (!ensureOpen(error))
            return false;
        QSqlQuery expired(m_db->database());
        expired.prepare(QStringLiteral("DELETE FROM silences WHERE until_ms <= ?"));
        expired.addBindValue(nowMs);
        if (!expired.exec()) {
            *error = expired.lastError().text();
            return false;
        }
        QSqlQuery query(m_db->database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT meeting_id, user_id, type, until_ms, created_ms,"
                                     " created_by, comment FROM silences"
                                     " ORDER BY created_ms, meeting_id, user_id, type"));
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            Silence silence;
            silence.meetingId = query.value(0).toString();
            silence.userId = query.value(1).toString();
            silence.typeName = query.value(2).toString();
            silence.untilMs = query.value(3).toLongLong();
            silence.createdMs = query.value(4).toLongLong();
            silence.createdBy = query.value(5).toString();
            silence.comment = query.value(6).toString();
            out->push_back(std::move(silence));
        }
        return true;
    }

private:
    QString m_path;
    std::unique_ptr<HistoryDatabase> m_db;
};

IncidentJournal::IncidentJournal(QString databasePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_worker(new IncidentJournalWorker(m_path))
{
    m_thread.setObjectName(QStringLiteral("incident-journal"));
    m_worker->moveToThread(&m_thread);
    // The worker (and its connection) is deleted in its own thread.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

IncidentJournal::~IncidentJournal()
{
    // Quitting drops posted calls: let the queued writes run first.
    waitForIdle();
    m_thread.quit();
    m_thread.wait();
}

void IncidentJournal::saveSilence(const Silence &silence)
{
    postWrite(&IncidentJournalWorker::save, silence);
}

void IncidentJournal::removeSilence(const Silence &silence)
{
    postWrite(&IncidentJournalWorker::remove, silence);
}

void IncidentJournal::postWrite(SilenceWrite write, const Silence &silence)
{
    IncidentJournalWorker *worker = m_worker;
    IncidentJournal *journal = this;
    QMetaObject::invokeMethod(
        worker,
        [worker, journal, write, silence] {
            QString error;
            if (!(worker->*write)(silence, &error))
                QMetaObject::invokeMethod(
                    journal, [journal, error] { emit journal->failed(error); },
                    Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void IncidentJournal::loadSilences(qint64 nowMs)
{
    IncidentJournalWorker *worker = m_worker;
    IncidentJournal *journal = this;
    QMetaObject::invokeMethod(
        worker,
        [worker, journal, nowMs] {
            std::vector<Silence> silences;
            QString error;
            const bool ok = worker->load(nowMs, &silences, &error);
            QMetaObject::invokeMethod(
                journal,
                [journal, ok, error, silences = std::move(silences)] {
                    if (ok)
                        emit journal->silencesLoaded(silences);
                    else
                        emit journal->failed(error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void IncidentJournal::waitForIdle()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace mm
