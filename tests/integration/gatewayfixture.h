#pragma once

// Shared set-up for the integration tests: a real redis-server and the real
// Node socket.io gateway (tests/gateway/server.js), the real SocketIoClient
// and IngestWorker. Nothing is mocked.

#include "core/clock.h"
#include "ingest/ingestworker.h"
#include "net/socketioclient.h"
#include "testprocesses.h"

#include <QObject>
#include <QTest>
#include <cstdio>
#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

namespace mm::test {

// Generous: these tests must not depend on timing luck on a busy 2-core box.
constexpr int ConnectTimeoutMs = 20000;
constexpr int DeliveryTimeoutMs = 15000;

inline bool waitFor(const std::function<bool()> &condition, int timeoutMs = DeliveryTimeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

inline std::string str(const QString &text)
{
    return text.toStdString();
}

// The admin side: an IngestWorker (which owns its SocketIoClient and sends
// admin:subscribe after every connection) in this thread, collecting what
// it hands downstream.
class AdminProbe final
{
public:
    AdminProbe(const TestGateway &gateway, const QString &token, int openTimeoutMs = 20000)
    {
        SocketIoConfig config;
        config.gatewayUrl = gateway.url();
        config.token = token;
        config.openTimeoutMs = openTimeoutMs;
        config.namespaceAckTimeoutMs = openTimeoutMs;
        m_worker = std::make_unique<IngestWorker>(std::move(config), m_clock, 50);
        QObject::connect(m_worker.get(), &IngestWorker::samplesArrived, &m_context,
                         [this](const SampleBatchPtr &batch) {
                             samples.insert(samples.end(), batch->begin(), batch->end());
                         });
        QObject::connect(m_worker.get(), &IngestWorker::alertsArrived, &m_context,
                         [this](const GatewayAlertBatchPtr &batch) {
                             alerts.insert(alerts.end(), batch->begin(), batch->end());
                         });
        QObject::connect(m_worker.get(), &IngestWorker::connectionStateChanged, &m_context,
                         [this](ConnectionState state) { states.push_back(state); });
        QObject::connect(m_worker.get(), &IngestWorker::connectError, &m_context,
                         [this](const QString &message) { connectErrors.push_back(message); });
    }
    ~AdminProbe()
    {
        if (m_worker)
            m_worker->stop();
    }

    void start() { m_worker->start(); }
    IngestWorker &worker() { return *m_worker; }
    IngestStats stats() const { return m_worker->stats(); }
    ConnectionState state() const { return m_worker->stats().state; }

    const Sample *findSample(const QString &meetingId) const
    {
        for (const Sample &sample : samples) {
            if (sample.meetingId == meetingId)
                return &sample;
        }
        return nullptr;
    }

    std::vector<Sample> samples;
    std::vector<GatewayAlert> alerts;
    std::vector<ConnectionState> states;
    std::vector<QString> connectErrors;

private:
    SystemClock m_clock;
    QObject m_context; // receiver of the lambdas above; declared first, outlives the worker
    std::unique_ptr<IngestWorker> m_worker;
};

// A browser: a SocketIoClient with the participant token and its identity in
// the auth object, emitting `meeting:metrics` as the plan's clients do.
inline std::unique_ptr<SocketIoClient> makeParticipant(const TestGateway &gateway,
                                                       const QString &userId,
                                                       const QString &username)
{
    SocketIoConfig config;
    config.gatewayUrl = gateway.url();
    config.token = gateway.options().participantToken;
    config.extraAuth = {{"userId", str(userId)}, {"username", str(username)}};
    return std::make_unique<SocketIoClient>(std::move(config));
}

inline void sendMetrics(SocketIoClient &participant, const QString &meetingId,
                        const nlohmann::json &metrics)
{
    participant.emitEvent(QStringLiteral("meeting:metrics"),
                          nlohmann::json::array({{{"meetingId", str(meetingId)}, {"metrics", metrics}}}));
}

class GatewayFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString missing = missingTools();
        if (!missing.isEmpty()) {
            std::fprintf(stderr,
                         "\n*** SKIPPING INTEGRATION TEST: %s not found on PATH. ***\n"
                         "*** Install them (scripts/install-deps.sh); CI must never skip. ***\n\n",
                         qPrintable(missing));
            GTEST_SKIP() << "missing tools: " << str(missing);
        }
        QString error;
        ASSERT_TRUE(m_redis.start(&error)) << str(error);
    }

    // Starts the gateway against this test's Redis.
    void startGateway(GatewayOptions options = {})
    {
        options.redisUrl = m_redis.url();
        gateway = std::make_unique<TestGateway>(std::move(options));
        QString error;
        ASSERT_TRUE(gateway->start(&error)) << str(error);
    }

    // An admin probe, connected and in the admin room.
    void startSubscribedAdmin(std::unique_ptr<AdminProbe> &admin, int openTimeoutMs = 20000)
    {
        admin = std::make_unique<AdminProbe>(*gateway, gateway->options().adminToken,
                                             openTimeoutMs);
        admin->start();
        ASSERT_TRUE(waitFor([&] { return admin->state() == ConnectionState::Connected; },
                            ConnectTimeoutMs))
            << "admin never connected; gateway log:\n" << str(gateway->log());
        ASSERT_TRUE(waitFor([&] { return gateway->subscribedAdmins() == 1; }, ConnectTimeoutMs))
            << "admin:subscribe never reached the gateway";
    }

    void connectParticipant(SocketIoClient &participant)
    {
        participant.open();
        ASSERT_TRUE(waitFor([&] { return participant.state() == ConnectionState::Connected; },
                            ConnectTimeoutMs))
            << "participant never connected; gateway log:\n" << str(gateway->log());
    }

    void TearDown() override
    {
        if (HasFailure() && gateway)
            std::fprintf(stderr, "--- gateway log ---\n%s\n", qPrintable(gateway->log()));
    }

    // Declared first, destroyed last: clients in the tests go before these.
    RedisServer m_redis;
    std::unique_ptr<TestGateway> gateway;
};

} // namespace mm::test
