// The URL policy, the in-memory token store, the token command and the
// recorder's token sources, and a source-tree check that no TLS error is
// ever ignored wholesale.
#include "net/gatewayurlpolicy.h"
#include "security/tokencommand.h"
#include "security/tokenstore.h"

#include <QBuffer>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace mm;

namespace {

constexpr int WaitMs = 10000;
const QString Canary = QStringLiteral("tok-CANARY-h6s-5bd1e2");

QUrl url(const char *text)
{
    return QUrl(QString::fromLatin1(text), QUrl::StrictMode);
}

struct CommandRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

CommandRun runCommand(const QStringList &arguments, const QByteArray &input, TokenStore &store)
{
    QByteArray inBytes = input;
    QBuffer in(&inBytes);
    in.open(QIODevice::ReadOnly);
    CommandRun run;
    QBuffer out(&run.out);
    QBuffer err(&run.err);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    run.code = runTokenCommand(arguments, in, out, err, store);
    return run;
}

// Restores an environment variable when the test ends.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

// --- URL policy --------------------------------------------------------------

TEST(GatewayUrlPolicy, LoopbackHosts)
{
    for (const char *host : {"127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "[::1]",
                             "localhost", "LOCALHOST", "localhost.", "::ffff:127.0.0.1"})
        EXPECT_TRUE(isLoopbackHost(QString::fromLatin1(host))) << host;
    for (const char *host : {"128.0.0.1", "10.0.0.1", "192.0.2.1", "::2", "0.0.0.0",
                             "::", "localhost.example.com", "mylocalhost", "127.0.0.1.nip.io", ""})
        EXPECT_FALSE(isLoopbackHost(QString::fromLatin1(host))) << host;
}

TEST(GatewayUrlPolicy, SecureUrlsPass)
{
    for (const char *text : {"wss://gw.example.org", "wss://gw.example.org:8443/x",
                             "https://gw.example.org", "wss://192.0.2.1:443"}) {
        const GatewayUrlCheck check = checkGatewayUrl(url(text), false);
        EXPECT_TRUE(check.ok) << text << check.error.toStdString();
        EXPECT_TRUE(check.secure);
        EXPECT_FALSE(check.unencryptedRemote);
        EXPECT_TRUE(check.error.isEmpty());
    }
}

TEST(GatewayUrlPolicy, PlainToLoopbackPasses)
{
    for (const char *text :
         {"ws://127.0.0.1:3000", "ws://localhost:3000", "ws://[::1]:3000", "http://127.0.0.2"}) {
        const GatewayUrlCheck check = checkGatewayUrl(url(text), false);
        EXPECT_TRUE(check.ok) << text;
        EXPECT_FALSE(check.secure);
        EXPECT_FALSE(check.unencryptedRemote);
    }
}

TEST(GatewayUrlPolicy, PlainToRemoteIsRefusedUnlessAllowed)
{
    for (const char *text : {"ws://192.0.2.1:3000", "ws://gw.example.org", "http://10.1.2.3",
                             "ws://localhost.example.org"}) {
        const GatewayUrlCheck refused = checkGatewayUrl(url(text), false);
        EXPECT_FALSE(refused.ok) << text;
        EXPECT_TRUE(refused.error.contains(QStringLiteral("unencrypted")))
            << refused.error.toStdString();
        EXPECT_TRUE(refused.error.startsWith(QStringLiteral("Gateway URL")));

        const GatewayUrlCheck allowed = checkGatewayUrl(url(text), true);
        EXPECT_TRUE(allowed.ok) << text;
        EXPECT_TRUE(allowed.unencryptedRemote) << text;
    }
    // The flag never marks a secure or loopback URL.
    EXPECT_FALSE(checkGatewayUrl(url("wss://gw.example.org"), true).unencryptedRemote);
    EXPECT_FALSE(checkGatewayUrl(url("ws://127.0.0.1:1"), true).unencryptedRemote);
}

TEST(GatewayUrlPolicy, MalformedUrlsSayWhy)
{
    struct Case
    {
        QUrl url;
        const char *mentions;
    };
    const Case cases[] = {
        {QUrl(), "no URL"},
        {QUrl(QStringLiteral("ftp://gw.example.org")), "scheme"},
        {QUrl(QStringLiteral("gw.example.org:3000")), "scheme"},
        {QUrl(QStringLiteral("wss:///socket.io")), "host"},
        {QUrl(QStringLiteral("ws://a b.example"), QUrl::StrictMode), "valid URL"},
        {QUrl(QStringLiteral("wss://admin:secret@gw.example.org")), "password"},
    };
    for (const Case &c : cases) {
        const GatewayUrlCheck check = checkGatewayUrl(c.url, true);
        EXPECT_FALSE(check.ok) << c.url.toString().toStdString();
        EXPECT_TRUE(check.error.contains(QString::fromLatin1(c.mentions)))
            << check.error.toStdString();
    }
}

// --- token keys and the in-memory store -------------------------------------

TEST(TokenKey, NormalisesTheGateway)
{
    EXPECT_EQ(tokenKeyForGateway(url("wss://GW.Example.org/socket.io/")),
              QStringLiteral("wss://gw.example.org:443"));
    EXPECT_EQ(tokenKeyForGateway(url("https://gw.example.org:443")),
              QStringLiteral("wss://gw.example.org:443"));
    EXPECT_EQ(tokenKeyForGateway(url("ws://127.0.0.1:3000?x=1")),
              QStringLiteral("ws://127.0.0.1:3000"));
    EXPECT_EQ(tokenKeyForGateway(url("http://[::1]")), QStringLiteral("ws://[::1]:80"));
    EXPECT_NE(tokenKeyForGateway(url("wss://a.example:1")),
              tokenKeyForGateway(url("wss://a.example:2")));
    EXPECT_TRUE(tokenKeyForGateway(QUrl()).isEmpty());
}

TEST(InMemoryTokenStore, WriteReadDeleteAsynchronously)
{
    InMemoryTokenStore store;
    EXPECT_FALSE(store.persists());

    TokenStoreJob *write = store.writeToken(QStringLiteral("k"), Canary);
    QSignalSpy writeSpy(write, &TokenStoreJob::finished);
    // Never inside the call: a caller may connect after it returns.
    EXPECT_EQ(writeSpy.count(), 0);
    ASSERT_TRUE(writeSpy.wait(WaitMs));
    EXPECT_EQ(writeSpy.count(), 1);
    EXPECT_TRUE(writeSpy.at(0).at(0).value<TokenStoreResult>().ok());

    const TokenStoreResult read = waitForTokenJob(store.readToken(QStringLiteral("k")));
    EXPECT_EQ(read.status, TokenStoreStatus::Ok);
    EXPECT_EQ(read.token, Canary);
    EXPECT_EQ(read.key, QStringLiteral("k"));

    const TokenStoreResult other = waitForTokenJob(store.readToken(QStringLiteral("other")));
    EXPECT_EQ(other.status, TokenStoreStatus::NotFound);
    EXPECT_TRUE(other.token.isEmpty());

    EXPECT_EQ(waitForTokenJob(store.deleteToken(QStringLiteral("k"))).status, TokenStoreStatus::Ok);
    EXPECT_EQ(waitForTokenJob(store.readToken(QStringLiteral("k"))).status,
              TokenStoreStatus::NotFound);
    EXPECT_EQ(waitForTokenJob(store.deleteToken(QStringLiteral("k"))).status,
              TokenStoreStatus::NotFound);
}

TEST(TokenStoreJob, FinishesOnceAndDeletesItself)
{
    QPointer<TokenStoreJob> job = new TokenStoreJob(QStringLiteral("k"));
    QSignalSpy spy(job.data(), &TokenStoreJob::finished);
    TokenStoreResult first;
    first.status = TokenStoreStatus::TimedOut;
    job->finish(first);
    TokenStoreResult late; // a keychain answering after the watchdog
    late.status = TokenStoreStatus::Ok;
    late.token = Canary;
    job->finish(late);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<TokenStoreResult>().status, TokenStoreStatus::TimedOut);
    EXPECT_TRUE(QTest::qWaitFor([&] { return job.isNull(); }, WaitMs));
}

// --- token command -------------------------------------------------------------

TEST(TokenCommand, SetStoresTheFirstLineAndNeverPrintsIt)
{
    InMemoryTokenStore store;
    const CommandRun run = runCommand({QStringLiteral("set"), QStringLiteral("--gateway"),
                                       QStringLiteral("wss://gw.example.org")},
                                      Canary.toUtf8() + "\r\n", store);
    EXPECT_EQ(run.code, 0) << run.err.toStdString();
    EXPECT_FALSE(run.out.contains(Canary.toUtf8()));
    EXPECT_FALSE(run.err.contains(Canary.toUtf8()));
    EXPECT_TRUE(run.out.contains("wss://gw.example.org:443"));

    const TokenStoreResult read
        = waitForTokenJob(store.readToken(QStringLiteral("wss://gw.example.org:443")));
    EXPECT_EQ(read.token, Canary); // CR/LF removed

    const CommandRun clear = runCommand({QStringLiteral("clear"), QStringLiteral("--gateway"),
                                         QStringLiteral("https://GW.example.org:443/")},
                                        QByteArray(), store);
    EXPECT_EQ(clear.code, 0);
    EXPECT_TRUE(clear.out.contains("removed"));
    EXPECT_EQ(waitForTokenJob(store.readToken(QStringLiteral("wss://gw.example.org:443"))).status,
              TokenStoreStatus::NotFound);

    const CommandRun again = runCommand({QStringLiteral("clear"), QStringLiteral("--gateway"),
                                         QStringLiteral("wss://gw.example.org")},
                                        QByteArray(), store);
    EXPECT_EQ(again.code, 0);
    EXPECT_TRUE(again.out.contains("No token was stored"));
}

TEST(TokenCommand, UsageErrors)
{
    InMemoryTokenStore store;
    const QString gw = QStringLiteral("wss://gw.example.org");
    struct Case
    {
        QStringList arguments;
        QByteArray input;
        const char *mentions;
    };
    const Case cases[] = {
        {{}, Canary.toUtf8(), "token set"},
        {{QStringLiteral("show"), QStringLiteral("--gateway"), gw}, Canary.toUtf8(), "token set"},
        {{QStringLiteral("set")}, Canary.toUtf8(), "--gateway"},
        {{QStringLiteral("set"), QStringLiteral("--gateway"), QStringLiteral("ftp://x")},
         Canary.toUtf8(),
         "scheme"},
        {{QStringLiteral("set"), QStringLiteral("--gateway"), gw}, QByteArray(), "No token"},
        {{QStringLiteral("set"), QStringLiteral("--gateway"), gw},
         "\n" + Canary.toUtf8(),
         "No token"},
        {{QStringLiteral("set"), QStringLiteral("--gateway"), gw}, "a\tb\n", "control"},
        {{QStringLiteral("set"), QStringLiteral("--gateway"), gw},
         QByteArray(70000, 'x'),
         "64 KiB"},
        {{QStringLiteral("set"), QStringLiteral("--bogus")}, Canary.toUtf8(), "bogus"},
    };
    for (const Case &c : cases) {
        const CommandRun run = runCommand(c.arguments, c.input, store);
        EXPECT_EQ(run.code, 2) << c.arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(run.err.contains(c.mentions)) << run.err.toStdString();
        EXPECT_FALSE(run.err.contains(Canary.toUtf8()));
    }
    // Nothing was stored by any of them.
    EXPECT_EQ(waitForTokenJob(store.readToken(QStringLiteral("wss://gw.example.org:443"))).status,
              TokenStoreStatus::NotFound);
}

// --- recorder token sources ------------------------------------------------------

TEST(RecorderToken, FileThenEnvironmentThenStore)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("token"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("file-token\n");
    }
    InMemoryTokenStore store;
    const QUrl gateway = url("wss://gw.example.org");
    waitForTokenJob(store.writeToken(tokenKeyForGateway(gateway), QStringLiteral("store-token")));

    QString token;
    QString message;
    {
        ScopedEnv env("MEETING_MONITOR_TOKEN", "env-token");
        ASSERT_TRUE(resolveRecorderToken(file, gateway, store, token, message));
        EXPECT_EQ(token, QStringLiteral("file-token"));
        ASSERT_TRUE(resolveRecorderToken(QString(), gateway, store, token, message));
        EXPECT_EQ(token, QStringLiteral("env-token"));
        EXPECT_TRUE(message.contains(QStringLiteral("MEETING_MONITOR_TOKEN")));
    }
    {
        ScopedEnv env("MEETING_MONITOR_TOKEN", QByteArray());
        ASSERT_TRUE(resolveRecorderToken(QString(), gateway, store, token, message));
        EXPECT_EQ(token, QStringLiteral("store-token"));
        EXPECT_TRUE(message.contains(QStringLiteral("keychain")));
        EXPECT_FALSE(message.contains(token));

        // No entry for another gateway: connect without a token.
        ASSERT_TRUE(
            resolveRecorderToken(QString(), url("wss://other.example.org"), store, token, message));
        EXPECT_TRUE(token.isEmpty());
        EXPECT_TRUE(message.contains(QStringLiteral("without")));
    }
}

TEST(RecorderToken, BadTokenFilesSayWhich)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    InMemoryTokenStore store;
    QString token;
    QString message;
    const QString missing = dir.filePath(QStringLiteral("missing"));
    EXPECT_FALSE(resolveRecorderToken(missing, url("wss://gw.example.org"), store, token, message));
    EXPECT_TRUE(message.contains(missing));

    const QString empty = dir.filePath(QStringLiteral("empty"));
    {
        QFile f(empty);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("\n");
    }
    EXPECT_FALSE(resolveRecorderToken(empty, url("wss://gw.example.org"), store, token, message));
    EXPECT_TRUE(message.contains(QStringLiteral("empty")));

    // A directory cannot be read as a file.
    EXPECT_FALSE(
        resolveRecorderToken(dir.path(), url("wss://gw.example.org"), store, token, message));
    EXPECT_TRUE(message.contains(dir.path()));
}

// --- the source tree ------------------------------------------------------------

namespace {

// Every C++ file of ours (not build output, not node_modules) whose text
// matches `pattern`.
QStringList sourcesMatching(const QRegularExpression &pattern, int *scanned)
{
    QStringList hits;
    *scanned = 0;
    const QString root = QString::fromUtf8(MM_SOURCE_DIR);
    for (const char *folder : {"dashboard", "widgets", "charts", "simulator", "tests", "bench"}) {
        QDirIterator it(root + QLatin1Char('/') + QString::fromLatin1(folder),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.mm")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QStringLiteral("/node_modules/")))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++*scanned;
            if (pattern.match(QString::fromUtf8(file.readAll())).hasMatch())
                hits.append(path);
        }
    }
    return hits;
}

} // namespace

TEST(SourceTree, NoBlanketIgnoreSslErrors)
{
    // ignoreSslErrors with no argument list accepts any certificate.
    const QRegularExpression blanket(QStringLiteral("ignoreSslErrors\\s*\\(\\s*\\)"));
    ASSERT_TRUE(blanket.isValid());
    // Split so that this file does not match itself.
    EXPECT_TRUE(blanket.match(QStringLiteral("socket->ignoreSslErrors") + QStringLiteral(" ( );"))
                    .hasMatch());
    EXPECT_FALSE(blanket.match(QStringLiteral("socket->ignoreSslErrors(expected);")).hasMatch());
    int scanned = 0;
    const QStringList hits = sourcesMatching(blanket, &scanned);
    EXPECT_GT(scanned, 50); // the walk really saw the tree
    EXPECT_TRUE(hits.isEmpty()) << hits.join(QLatin1Char('\n')).toStdString();
}

TEST(SourceTree, NoInsecureKeychainFallback)
{
    // QtKeychain's fallback writes the secret into a plaintext QSettings file.
    const QRegularExpression fallback(QStringLiteral("setInsecureFallback\\s*\\(\\s*true"));
    int scanned = 0;
    const QStringList hits = sourcesMatching(fallback, &scanned);
    EXPECT_GT(scanned, 50);
    EXPECT_TRUE(hits.isEmpty()) << hits.join(QLatin1Char('\n')).toStdString();
}
