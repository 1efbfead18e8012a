// Issue 6's canary: a session with a unique admin token that connects (the
// window, offscreen), reconnects after a gateway restart, records (the
// `record` command, killed with SIGKILL), and exports (the `export`
// command). Afterwards every file in the throwaway HOME, XDG folders and
// TMPDIR, the databases, the export and everything the processes printed are
// searched for the token, also in UTF-16 and base64: it must be nowhere.
// The token reaches the processes only through MEETING_MONITOR_TOKEN, so no
// file of ours holds it to begin with.
#include "../gatewayfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>
#include <memory>
#include <signal.h>
#include <sys/types.h>

using namespace mm;
using namespace mm::test;

namespace {

constexpr int ExitTimeoutMs = 90000;

QString binaryPath()
{
    return QStringLiteral(MM_BINARY_DIR "/widgets/meeting-monitor");
}

QString makeCanary()
{
    QString canary = QStringLiteral("mmCanary");
    for (int i = 0; i < 4; ++i)
        canary += QString::number(QRandomGenerator::global()->generate(), 36);
    return canary;
}

// The forms a leak could take: as is, UTF-16 (both byte orders), and base64
// at each of the three alignments (only the part the canary alone decides).
QList<QByteArray> leakForms(const QString &canary)
{
    const QByteArray utf8 = canary.toUtf8();
    QList<QByteArray> forms {utf8};
    QByteArray le;
    QByteArray be;
    for (const QChar c : canary) {
        le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    forms << le << be;
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray prefixed = QByteArray(shift, 'x') + utf8;
        // Only the groups the canary alone decides: not those that mix in
        // the prefix or the padding.
        const qsizetype skip = shift == 0 ? 0 : 4;
        for (const auto options : {QByteArray::Base64Encoding,
                                   QByteArray::Base64UrlEncoding}) {
            const QByteArray encoded = prefixed.toBase64(options);
            forms << encoded.mid(skip, encoded.size() - skip - 4);
        }
    }
    return forms;
}

class Process final
{
public:
    Process(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        m_process.setProgram(binaryPath());
        m_process.setArguments(arguments);
        m_process.setProcessEnvironment(environment);
        m_process.start();
    }
    ~Process()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool started() { return m_process.waitForStarted(30000); }
    bool waitForExit(int timeoutMs = ExitTimeoutMs)
    {
        return waitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    }
    void kill9() const { ::kill(pid_t(m_process.processId()), SIGKILL); }
    int exitCode() const { return m_process.exitCode(); }
    QByteArray output()
    {
        m_output += m_process.readAllStandardOutput();
        m_output += m_process.readAllStandardError();
        return m_output;
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

class CanaryTest : public GatewayFixture
{
protected:
    void SetUp() override
    {
        GatewayFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        ASSERT_TRUE(QFileInfo(binaryPath()).isExecutable())
            << str(binaryPath()) << " is not built (target meeting-monitor)";
        ASSERT_TRUE(m_root.isValid());
        for (const char *dir : {"home", "config", "data", "cache", "state", "run", "tmp", "out"})
            ASSERT_TRUE(QDir(m_root.path()).mkpath(QString::fromLatin1(dir)));
        QFile::setPermissions(path("run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QString path(const char *name) const { return m_root.filePath(QString::fromLatin1(name)); }

    QProcessEnvironment environment(const QString &token) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                                 "MEETING_MONITOR_TOKEN"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), path("home"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path("config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path("data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path("cache"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path("state"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path("run"));
        env.insert(QStringLiteral("TMPDIR"), path("tmp"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Debug output on: a token that is logged anywhere shows up.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        env.insert(QStringLiteral("MEETING_MONITOR_TOKEN"), token);
        return env;
    }

    QTemporaryDir m_root;
};

TEST_F(CanaryTest, TokenIsFoundNowhereAfterASession)
{
    const QString canary = makeCanary();
    GatewayOptions options;
    options.adminToken = canary;
    ASSERT_NO_FATAL_FAILURE(startGateway(options));
    const QProcessEnvironment env = environment(canary);
    const QString recordDb = m_root.filePath(QStringLiteral("out/recorded.sqlite"));
    const QString exportCsv = m_root.filePath(QStringLiteral("out/export.csv"));

    // The window, with its own history in XDG_DATA_HOME; it quits by itself.
    Process window({QStringLiteral("--gateway"), gateway->url().toString(),
                    QStringLiteral("--quit-after"), QStringLiteral("75"),
                    QStringLiteral("--print-stats")},
                   env);
    ASSERT_TRUE(window.started());
    ASSERT_TRUE(waitFor([&] { return gateway->subscribedAdmins() == 1; }, ConnectTimeoutMs))
        << "the window never subscribed:\n" << window.output().toStdString();

    Process recorder({QStringLiteral("record"), QStringLiteral("--gateway"),
                      gateway->url().toString(), QStringLiteral("--db"), recordDb},
                     env);
    ASSERT_TRUE(recorder.started());
    ASSERT_TRUE(waitFor([&] { return gateway->subscribedAdmins() == 2; }, ConnectTimeoutMs))
        << "the recorder never subscribed:\n" << recorder.output().toStdString();

    auto participant = makeParticipant(*gateway, QStringLiteral("u-canary"),
                                       QStringLiteral("Canary Tester"));
    ASSERT_NO_FATAL_FAILURE(connectParticipant(*participant));
    const auto sendSome = [&](int from) {
        for (int i = from; i < from + 3; ++i) {
            sendMetrics(*participant, QStringLiteral("m-canary"),
                        {{"userId", "u-canary"},
                         {"username", "Canary Tester"},
                         {"uploadKbps", 500 + i},
                         {"downloadKbps", 900},
                         {"latencyMs", 40},
                         {"packetLossPct", 0.5},
                         {"jitterMs", 3},
                         {"quality", "good"}});
            QTest::qWait(300);
        }
    };
    sendSome(0);

    // The gateway goes away and comes back: both reconnect with the token.
    participant.reset();
    QString error;
    ASSERT_TRUE(gateway->restart(&error)) << str(error);
    ASSERT_TRUE(waitFor([&] { return gateway->subscribedAdmins() == 2; }, 60000))
        << "no reconnection after the restart; window:\n" << window.output().toStdString()
        << "\nrecorder:\n" << recorder.output().toStdString();
    participant = makeParticipant(*gateway, QStringLiteral("u-canary"),
                                  QStringLiteral("Canary Tester"));
    ASSERT_NO_FATAL_FAILURE(connectParticipant(*participant));
    sendSome(10);
    QTest::qWait(3000); // the recorder commits on its timer

    recorder.kill9();
    ASSERT_TRUE(recorder.waitForExit());

    Process exporter({QStringLiteral("export"), QStringLiteral("--db"), recordDb,
                      QStringLiteral("--out"), exportCsv},
                     env);
    ASSERT_TRUE(exporter.started());
    ASSERT_TRUE(exporter.waitForExit());
    EXPECT_EQ(exporter.exitCode(), 0) << exporter.output().toStdString();
    EXPECT_TRUE(QFile(exportCsv).size() > 0);

    ASSERT_TRUE(window.waitForExit()) << "the window did not quit";
    EXPECT_EQ(window.exitCode(), 0) << window.output().toStdString();
    EXPECT_TRUE(window.output().contains("stats ")) << window.output().toStdString();

    // What the processes printed goes to files too, and is searched with them.
    const std::pair<const char *, Process *> outputs[] = {
        {"out/window.log", &window}, {"out/recorder.log", &recorder}, {"out/export.log", &exporter}};
    for (const auto &[name, process] : outputs) {
        QFile log(path(name));
        ASSERT_TRUE(log.open(QIODevice::WriteOnly));
        log.write(process->output());
    }

    const QList<QByteArray> forms = leakForms(canary);
    // The search itself can find what it looks for: each encoding, embedded
    // in other bytes, is caught.
    const auto caught = [&forms](const QByteArray &content) {
        return std::any_of(forms.cbegin(), forms.cend(),
                           [&content](const QByteArray &form) { return content.contains(form); });
    };
    QByteArray utf16;
    for (const QChar c : canary)
        utf16.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
    EXPECT_TRUE(caught("x=" + canary.toUtf8() + ";"));
    EXPECT_TRUE(caught("\xff\xfe" + utf16));
    for (const char *prefix : {"", "a", "ab"}) {
        const QByteArray embedded = QByteArray(prefix) + canary.toUtf8();
        EXPECT_TRUE(caught("Bearer " + embedded.toBase64()));
        EXPECT_TRUE(caught(embedded.toBase64(QByteArray::Base64UrlEncoding)));
    }
    EXPECT_FALSE(caught(QByteArray("mmCanary-something-else").toBase64()));
    int searched = 0;
    QStringList leaks;
    QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly)) {
            leaks << QStringLiteral("unreadable: ") + file;
            continue;
        }
        const QByteArray content = in.readAll();
        ++searched;
        for (const QByteArray &form : forms)
            if (content.contains(form))
                leaks << file + QStringLiteral(" holds ") + QString::fromLatin1(form.toHex());
    }
    // The window's history and settings, the recorder's database, the export, logs.
    EXPECT_GE(searched, 5);
    EXPECT_TRUE(QFileInfo::exists(recordDb));
    EXPECT_TRUE(leaks.isEmpty()) << str(leaks.join(QLatin1Char('\n')));
}

} // namespace
