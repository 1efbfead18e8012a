#pragma once

#include "core/sample.h"
#include "fakeclock.h"

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <cstring>
#include <memory>
#include <map>
#include <mutex>

QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}
QT_END_NAMESPACE

namespace mm::test {

// Collects the complaints of QAbstractItemModelTester (category
// "qt.modeltest", reported as warnings) so a GoogleTest can assert there
// were none and print them if there were.
class ModelTesterFailures final
{
public:
    ModelTesterFailures()
    {
        s_current = this;
        m_previous = qInstallMessageHandler(&ModelTesterFailures::handler);
    }
    ~ModelTesterFailures()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    ModelTesterFailures(const ModelTesterFailures &) = delete;
    ModelTesterFailures &operator=(const ModelTesterFailures &) = delete;

    QStringList messages() const
    {
        std::lock_guard lock(m_mutex);
        return m_messages;
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        ModelTesterFailures *self = s_current;
        if (self && type >= QtWarningMsg && context.category
            && std::strcmp(context.category, "qt.modeltest") == 0) {
            std::lock_guard lock(self->m_mutex);
            if (self->m_messages.size() < 50)
                self->m_messages.append(message);
            return;
        }
        if (self && self->m_previous)
            self->m_previous(type, context, message);
    }

    static inline ModelTesterFailures *s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable std::mutex m_mutex;
    QStringList m_messages;
};

// A seeded stream of meetings whose users join, report, fall silent and
// leave, for long randomized model tests.
class RandomFleet final
{
public:
    RandomFleet(quint32 seed, FakeClock &clock, int meetings, int usersPerMeeting)
        : m_rng(seed)
        , m_clock(clock)
        , m_meetings(meetings)
        , m_users(usersPerMeeting)
    {
    }

    Sample randomSample()
    {
        Sample s;
        const int m = m_rng.bounded(m_meetings);
        const int u = m_rng.bounded(m_users);
        s.meetingId = QStringLiteral("meeting-%1").arg(m);
        s.userId = QStringLiteral("user-%1-%2").arg(m).arg(u);
        identify(s, m, u);
        if (m_rng.bounded(3) == 0)
            s.username = QStringLiteral("Name %1 %2").arg(u).arg(QChar(u'a' + m_rng.bounded(26)));
        if (m_rng.bounded(5) == 0)
            s.meetingName = QStringLiteral("Meeting %1").arg(m);
        s.receivedMs = m_clock.nowMs();
        s.uploadKbps = maybe(5000);
        s.downloadKbps = maybe(20000);
        s.latencyMs = maybe(800);
        s.packetLossPct = maybe(10);
        s.jitterMs = maybe(100);
        s.quality = Quality(m_rng.bounded(5));
        return s;
    }

    SampleBatchPtr randomBatch(int maxSize)
    {
        auto batch = std::make_shared<SampleBatch>();
        const int n = 1 + m_rng.bounded(maxSize);
        for (int i = 0; i < n; ++i)
            batch->push_back(randomSample());
        return batch;
    }

    // Mostly small steps, sometimes long silences that make users inactive
    // or gone.
    void advanceClock()
    {
        const int dice = m_rng.bounded(100);
        if (dice < 80)
            m_clock.advance(m_rng.bounded(1500));
        else if (dice < 95)
            m_clock.advance(5000 + m_rng.bounded(10'000));
        else
            m_clock.advance(60'000 + m_rng.bounded(300'000));
    }

    QRandomGenerator &rng() { return m_rng; }

private:
    // Ids and identity numbers as the decoder hands them out (Sample::identity):
    // one shared string per id and a number per pair, the numbers few and so
    // reused by other pairs, a pair now and then numbered anew (a decoder
    // that started afresh), and now and then the pair's number on equal ids
    // in strings of their own, which consumers must not take for the pair.
    void identify(Sample &s, int meeting, int user)
    {
        QString &meetingId = m_meetingIds[meeting]; // the interned id, one for all its users
        if (meetingId.isNull())
            meetingId = s.meetingId;
        Identity &known = m_identities[meeting * m_users + user];
        if (known.meetingId.isNull() || m_rng.bounded(50) == 0)
            known = {meetingId, s.userId, 1 + m_nextIdentity++ % 20};
        s.identity = known.number;
        if (m_rng.bounded(10) == 0)
            return;
        s.meetingId = known.meetingId;
        s.userId = known.userId;
    }

    struct Identity
    {
        QString meetingId;
        QString userId;
        quint32 number = 0;
    };
    std::map<int, QString> m_meetingIds;
    std::map<int, Identity> m_identities;
    quint32 m_nextIdentity = 0;

    Metric maybe(int max)
    {
        if (m_rng.bounded(6) == 0)
            return std::nullopt;
        return m_rng.generateDouble() * max;
    }

    QRandomGenerator m_rng;
    FakeClock &m_clock;
    int m_meetings;
    int m_users;
};

} // namespace mm::test
