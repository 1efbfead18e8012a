// KeychainTokenStore against a real Secret Service (gnome-keyring) and the
// ways it goes wrong: no service, a locked keyring, a service that never
// answers or answers too late. Each suite needs the private D-Bus session
// that tests/keychain/run-keychain-tests.sh sets up for it, with a throwaway
// HOME; run through that script (ctest does), never against a real desktop.
#include "security/tokencommand.h"
#include "security/tokenstore.h"

#include <QBuffer>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDirIterator>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace mm;

namespace {

constexpr int WaitMs = 20000; // far above the store's 5 s watchdog
const QString Canary = QStringLiteral("tok-CANARY-keychain-4e2f81");
const QString Key = QStringLiteral("wss://gw.example.org:443");

QString scenario()
{
    return qEnvironmentVariable("MM_KEYCHAIN_SCENARIO");
}

// Fails the test unless the runner script set up `expected`.
::testing::AssertionResult inScenario(const char *expected)
{
    if (scenario() == QString::fromLatin1(expected))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
        << "run through tests/keychain/run-keychain-tests.sh (scenario " << expected << ", got '"
        << scenario().toStdString() << "')";
}

// A service name of its own per test binary run, so nothing collides.
QString serviceName()
{
    return QStringLiteral("meeting-monitor-test-%1").arg(QCoreApplication::applicationPid());
}

TokenStoreResult run(TokenStoreJob *job)
{
    QSignalSpy spy(job, &TokenStoreJob::finished);
    if (!spy.wait(WaitMs))
        return TokenStoreResult {};
    return spy.constFirst().constFirst().value<TokenStoreResult>();
}

// Every file under the folders the session used that contains `needle`.
QStringList filesContaining(const QByteArray &needle, int *filesScanned)
{
    QStringList hits;
    *filesScanned = 0;
    for (const char *variable : {"HOME", "XDG_RUNTIME_DIR"}) {
        const QString root = qEnvironmentVariable(variable);
        if (root.isEmpty())
            continue;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue; // sockets and the like
            ++*filesScanned;
            if (file.readAll().contains(needle))
                hits.append(path);
        }
    }
    return hits;
}

QStringList keyringFiles()
{
    QStringList files;
    QDirIterator it(qEnvironmentVariable("HOME") + QStringLiteral("/.local/share/keyrings"),
                    QDir::Files | QDir::Hidden);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

// Locks every collection through the Secret Service API, as the screen
// locker or `secret-tool lock` would.
bool lockAllCollections(QString *error)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Service") << QStringLiteral("Collections");
    const QDBusMessage collectionsReply = bus.call(get, QDBus::Block, WaitMs);
    if (collectionsReply.type() != QDBusMessage::ReplyMessage) {
        *error = collectionsReply.errorMessage();
        return false;
    }
    const QVariant value = collectionsReply.arguments().value(0).value<QDBusVariant>().variant();
    const auto collections = qdbus_cast<QList<QDBusObjectPath>>(value);
    if (collections.isEmpty()) {
        *error = QStringLiteral("no collections");
        return false;
    }
    QDBusMessage lock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(collections);
    const QDBusMessage lockReply = bus.call(lock, QDBus::Block, WaitMs);
    if (lockReply.type() != QDBusMessage::ReplyMessage) {
        *error = lockReply.errorMessage();
        return false;
    }
    return true;
}

bool defaultCollectionLocked()
{
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusMessage reply = QDBusConnection::sessionBus().call(get, QDBus::Block, WaitMs);
    return reply.arguments().value(0).value<QDBusVariant>().variant().toBool();
}

// gnome-keyring's own unlock call (what its PAM module does at login): the
// standard Unlock() would need a prompt, and there is no display here.
bool unlockLoginCollection(const QByteArray &password, QString *error)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage open = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"));
    open << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage opened = bus.call(open, QDBus::Block, WaitMs);
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() < 2) {
        *error = QStringLiteral("OpenSession: ") + opened.errorMessage();
        return false;
    }
    const QDBusObjectPath session = opened.arguments().at(1).value<QDBusObjectPath>();

    QDBusArgument secret;
    secret.beginStructure();
    secret << session << QByteArray() << password << QStringLiteral("text/plain");
    secret.endStructure();
    QDBusMessage unlock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"));
    unlock << QVariant::fromValue(
        QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login")))
           << QVariant::fromValue(secret);
    const QDBusMessage unlocked = bus.call(unlock, QDBus::Block, WaitMs);
    if (unlocked.type() != QDBusMessage::ReplyMessage) {
        *error = QStringLiteral("UnlockWithMasterPassword: ") + unlocked.errorMessage();
        return false;
    }
    return true;
}

struct CommandRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

CommandRun tokenCommand(const QStringList &arguments, const QByteArray &input, TokenStore &store)
{
    QByteArray inBytes = input;
    QBuffer in(&inBytes);
    in.open(QIODevice::ReadOnly);
    CommandRun result;
    QBuffer out(&result.out);
    QBuffer err(&result.err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    result.code = runTokenCommand(arguments, in, out, err, store);
    return result;
}

} // namespace

// --- a working Secret Service ---------------------------------------------------

TEST(KeychainService, StoreReadDeleteLeavesNoTraceInHome)
{
    ASSERT_TRUE(inScenario("service"));
    KeychainTokenStore store(serviceName());
    EXPECT_TRUE(store.persists());

    const TokenStoreResult written = run(store.writeToken(Key, Canary));
    ASSERT_EQ(written.status, TokenStoreStatus::Ok) << written.message.toStdString();

    const TokenStoreResult read = run(store.readToken(Key));
    ASSERT_EQ(read.status, TokenStoreStatus::Ok) << read.message.toStdString();
    EXPECT_EQ(read.token, Canary);

    // Per key: another gateway has no token.
    const TokenStoreResult other = run(store.readToken(QStringLiteral("wss://other.example:443")));
    EXPECT_EQ(other.status, TokenStoreStatus::NotFound) << other.message.toStdString();

    // The keyring is on disk in HOME, encrypted: the token is in no file.
    EXPECT_FALSE(keyringFiles().isEmpty());
    int scanned = 0;
    QStringList hits = filesContaining(Canary.toUtf8(), &scanned);
    EXPECT_GT(scanned, 0);
    EXPECT_TRUE(hits.isEmpty()) << hits.join(QLatin1Char('\n')).toStdString();

    const TokenStoreResult removed = run(store.deleteToken(Key));
    EXPECT_EQ(removed.status, TokenStoreStatus::Ok) << removed.message.toStdString();
    const TokenStoreResult gone = run(store.readToken(Key));
    EXPECT_EQ(gone.status, TokenStoreStatus::NotFound) << gone.message.toStdString();

    hits = filesContaining(Canary.toUtf8(), &scanned);
    EXPECT_TRUE(hits.isEmpty()) << hits.join(QLatin1Char('\n')).toStdString();
}

TEST(KeychainService, TokenCommandAndRecorderUseTheKeychain)
{
    ASSERT_TRUE(inScenario("service"));
    KeychainTokenStore store(serviceName());
    const QString gateway = QStringLiteral("wss://recorder.example.org:8443/socket.io/");

    const CommandRun set
        = tokenCommand({QStringLiteral("set"), QStringLiteral("--gateway"), gateway},
                       Canary.toUtf8() + '\n', store);
    ASSERT_EQ(set.code, 0) << set.err.toStdString();
    EXPECT_FALSE(set.out.contains(Canary.toUtf8()));
    EXPECT_FALSE(set.err.contains(Canary.toUtf8()));

    qunsetenv("MEETING_MONITOR_TOKEN");
    QString token;
    QString message;
    ASSERT_TRUE(resolveRecorderToken(QString(), QUrl(gateway), store, token, message))
        << message.toStdString();
    EXPECT_EQ(token, Canary);
    EXPECT_FALSE(message.contains(Canary));

    const CommandRun clear = tokenCommand(
        {QStringLiteral("clear"), QStringLiteral("--gateway"), gateway}, QByteArray(), store);
    ASSERT_EQ(clear.code, 0) << clear.err.toStdString();
    EXPECT_TRUE(clear.out.contains("removed")) << clear.out.toStdString();
    const CommandRun again = tokenCommand(
        {QStringLiteral("clear"), QStringLiteral("--gateway"), gateway}, QByteArray(), store);
    EXPECT_EQ(again.code, 0);
    EXPECT_TRUE(again.out.contains("No token was stored")) << again.out.toStdString();
    ASSERT_TRUE(resolveRecorderToken(QString(), QUrl(gateway), store, token, message));
    EXPECT_TRUE(token.isEmpty());

    int scanned = 0;
    const QStringList hits = filesContaining(Canary.toUtf8(), &scanned);
    EXPECT_TRUE(hits.isEmpty()) << hits.join(QLatin1Char('\n')).toStdString();
}

// --- a locked keyring -------------------------------------------------------------

TEST(KeychainLocked, ReportedAsLockedNotAsMissing)
{
    ASSERT_TRUE(inScenario("locked"));
    KeychainTokenStore store(serviceName());
    const TokenStoreResult written = run(store.writeToken(Key, Canary));
    ASSERT_EQ(written.status, TokenStoreStatus::Ok) << written.message.toStdString();

    QString error;
    ASSERT_TRUE(lockAllCollections(&error)) << error.toStdString();
    ASSERT_TRUE(defaultCollectionLocked());

    // libsecret alone says "not found" here although the token is stored.
    const TokenStoreResult read = run(store.readToken(Key));
    EXPECT_EQ(read.status, TokenStoreStatus::Locked) << read.message.toStdString();
    EXPECT_TRUE(read.token.isEmpty());
    EXPECT_TRUE(read.message.contains(QStringLiteral("locked")));

    const TokenStoreResult write = run(store.writeToken(Key, QStringLiteral("another")));
    EXPECT_EQ(write.status, TokenStoreStatus::Locked) << write.message.toStdString();

    QString token;
    QString message;
    qunsetenv("MEETING_MONITOR_TOKEN");
    EXPECT_FALSE(resolveRecorderToken(QString(), QUrl(QStringLiteral("wss://gw.example.org")),
                                      store, token, message));
    EXPECT_TRUE(message.contains(QStringLiteral("locked"))) << message.toStdString();

    const CommandRun set = tokenCommand({QStringLiteral("set"), QStringLiteral("--gateway"),
                                         QStringLiteral("wss://gw.example.org")},
                                        "x\n", store);
    EXPECT_EQ(set.code, 1);
    EXPECT_TRUE(set.err.contains("locked")) << set.err.toStdString();
    const CommandRun clear = tokenCommand(
        {QStringLiteral("clear"), QStringLiteral("--gateway"), QStringLiteral("wss://gw.example.org")},
        QByteArray(), store);
    EXPECT_EQ(clear.code, 1);
    EXPECT_TRUE(clear.err.contains("locked")) << clear.err.toStdString();

    // Unlocked again with the keyring's password, the token is back:
    // "locked" was the truth, "not found" would have been a lie.
    ASSERT_TRUE(unlockLoginCollection(qgetenv("MM_KEYRING_PASSWORD"), &error))
        << error.toStdString();
    ASSERT_FALSE(defaultCollectionLocked());
    const TokenStoreResult again = run(store.readToken(Key));
    EXPECT_EQ(again.status, TokenStoreStatus::Ok) << again.message.toStdString();
    EXPECT_EQ(again.token, Canary);
}

// --- no Secret Service --------------------------------------------------------------

TEST(KeychainNoService, ClearErrorAndNothingPersisted)
{
    ASSERT_TRUE(scenario() == QLatin1String("noservice") || scenario() == QLatin1String("nobus"))
        << "run through tests/keychain/run-keychain-tests.sh";
    KeychainTokenStore store(serviceName());
    const TokenStoreResult write = run(store.writeToken(Key, Canary));
    // Answered (not the watchdog): the bus says at once that nobody is there.
    EXPECT_EQ(write.status, TokenStoreStatus::Unavailable) << write.message.toStdString();
    EXPECT_TRUE(write.message.contains(QStringLiteral("No keychain available")))
        << write.message.toStdString();
    EXPECT_TRUE(write.message.contains(QStringLiteral("in memory for this session only")));

    const TokenStoreResult read = run(store.readToken(Key));
    EXPECT_EQ(read.status, TokenStoreStatus::Unavailable) << read.message.toStdString();

    // The recorder goes on without a token; the command refuses to pretend.
    QString token;
    QString message;
    qunsetenv("MEETING_MONITOR_TOKEN");
    EXPECT_TRUE(resolveRecorderToken(QString(), QUrl(QStringLiteral("wss://gw.example.org")), store,
                                     token, message));
    EXPECT_TRUE(token.isEmpty());
    EXPECT_TRUE(message.contains(QStringLiteral("no keychain")));
    const CommandRun set = tokenCommand({QStringLiteral("set"), QStringLiteral("--gateway"),
                                         QStringLiteral("wss://gw.example.org")},
                                        Canary.toUtf8() + '\n', store);
    EXPECT_EQ(set.code, 1);
    EXPECT_TRUE(set.err.contains("not stored")) << set.err.toStdString();

    int scanned = 0;
    const QStringList hits = filesContaining(Canary.toUtf8(), &scanned);
    EXPECT_TRUE(hits.isEmpty()) << hits.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(keyringFiles().isEmpty());
}

// --- a service that never answers, or answers too late ------------------------------

TEST(KeychainHung, GivesUpAfterFiveSeconds)
{
    ASSERT_TRUE(inScenario("hung"));
    KeychainTokenStore store(serviceName());
    EXPECT_EQ(KeychainTokenStore::DefaultTimeoutMs, 5000);
    // One at a time: a job deletes itself once it has answered.
    for (int operation = 0; operation < 3; ++operation) {
        const TokenStoreResult result = run(operation == 0       ? store.writeToken(Key, Canary)
                                                : operation == 1 ? store.readToken(Key)
                                                                 : store.deleteToken(Key));
        EXPECT_EQ(result.status, TokenStoreStatus::TimedOut) << result.message.toStdString();
        EXPECT_TRUE(result.message.contains(QStringLiteral("did not answer within 5 s")))
            << result.message.toStdString();
    }
    QString token;
    QString message;
    qunsetenv("MEETING_MONITOR_TOKEN");
    EXPECT_FALSE(resolveRecorderToken(QString(), QUrl(QStringLiteral("wss://gw.example.org")),
                                      store, token, message));
    EXPECT_TRUE(message.contains(QStringLiteral("5 s"))) << message.toStdString();
}

TEST(KeychainHung, ALateAnswerAfterTheTimeoutIsIgnored)
{
    ASSERT_TRUE(inScenario("late"));
    const QString replyLog = qEnvironmentVariable("MM_FAKE_REPLY_LOG");
    ASSERT_FALSE(replyLog.isEmpty());
    KeychainTokenStore store(serviceName());
    QPointer<TokenStoreJob> job = store.readToken(Key);
    QSignalSpy spy(job.data(), &TokenStoreJob::finished);
    ASSERT_TRUE(spy.wait(WaitMs));
    EXPECT_EQ(spy.constFirst().constFirst().value<TokenStoreResult>().status,
              TokenStoreStatus::TimedOut);

    // The fake answers (with an error) after 7 s, when we have given up.
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFile::exists(replyLog); }, WaitMs));
    QTest::qWait(2000); // let libsecret and QtKeychain deliver it
    EXPECT_EQ(spy.size(), 1);
    EXPECT_TRUE(job.isNull()); // it deleted itself after its one answer

    // The store still works for the next call (which times out again here).
    EXPECT_EQ(run(store.readToken(Key)).status, TokenStoreStatus::TimedOut);
}
