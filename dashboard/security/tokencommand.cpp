#include "tokencommand.h"

#include "net/gatewayurlpolicy.h"
#include "security/tokenstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QIODevice>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace mm {

namespace {

class CommandText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::TokenCommand)
};

constexpr qint64 MaxTokenBytes = 64 * 1024;

void say(QIODevice &device, const QString &line)
{
    device.write(line.toUtf8() + '\n');
}

// What came from the command line, made safe for a terminal.
QString terminalSafe(const QString &text)
{
    QString result;
    for (const QChar c : text.left(200))
        result += c.isPrint() ? c : QChar(u'?');
    return result;
}

bool hasControlCharacter(const QString &token)
{
    for (const QChar c : token)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    return false;
}

// While it lives, a terminal on `in` does not echo what is typed: the
// token must not stay on the screen or in a terminal's scrollback. Nothing
// happens when `in` is a pipe or a file.
class TerminalEchoOff final
{
public:
    explicit TerminalEchoOff(QIODevice &in)
    {
#ifdef Q_OS_UNIX
        auto *file = qobject_cast<QFile *>(&in);
        m_fd = file ? file->handle() : -1;
        if (m_fd < 0 || !::isatty(m_fd) || ::tcgetattr(m_fd, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL; // the Enter still moves to the next line
        m_active = ::tcsetattr(m_fd, TCSAFLUSH, &quiet) == 0;
#else
        Q_UNUSED(in);
#endif
    }
    ~TerminalEchoOff()
    {
#ifdef Q_OS_UNIX
        if (m_active)
            ::tcsetattr(m_fd, TCSAFLUSH, &m_saved);
#endif
    }
    TerminalEchoOff(const TerminalEchoOff &) = delete;
    TerminalEchoOff &operator=(const TerminalEchoOff &) = delete;

    bool isTerminal() const { return m_active; }

private:
#ifdef Q_OS_UNIX
    int m_fd = -1;
    termios m_saved {};
#endif
    bool m_active = false;
};

QByteArray chopLineEnd(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

bool readTokenFile(const QString &path, QString &token, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = CommandText::tr("Cannot read the token file %1: %2").arg(path, file.errorString());
        return false;
    }
    // Bounded: a token file is a few hundred bytes, not a disk image.
    const QByteArray data = file.read(MaxTokenBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        error = CommandText::tr("Cannot read the token file %1: %2").arg(path, file.errorString());
        return false;
    }
    if (data.size() > MaxTokenBytes) {
        error = CommandText::tr("Cannot use the token file %1: larger than 64 KiB.").arg(path);
        return false;
    }
    const QByteArray line = chopLineEnd(data);
    if (line.isEmpty()) {
        error = CommandText::tr("The token file %1 is empty.").arg(path);
        return false;
    }
    token = QString::fromUtf8(line);
    return true;
}

int runTokenCommand(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err)
{
    KeychainTokenStore store;
    return runTokenCommand(arguments, in, out, err, store);
}

int runTokenCommand(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err,
                    TokenStore &store)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandText::tr(
        "Keep the gateway's admin token in the system keychain.\n"
        "  token set --gateway URL    read the token from the first line of standard input "
        "and store it\n"
        "  token clear --gateway URL  remove the stored token\n"
        "Exit codes: 0 done, 1 keychain error, 2 usage error."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        CommandText::tr("Show this help."));
    const QCommandLineOption gatewayOption(QStringLiteral("gateway"),
                                           CommandText::tr("The gateway URL the token is for."),
                                           QStringLiteral("URL"));
    parser.addOptions({helpOption, gatewayOption});
    parser.addPositionalArgument(QStringLiteral("action"), CommandText::tr("set or clear"));

    if (!parser.parse(QStringList {QStringLiteral("meeting-monitor token")} + arguments)) {
        say(err, parser.errorText() + CommandText::tr(" (try --help)"));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out.write(parser.helpText().toUtf8());
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1
        || (action != QLatin1String("set") && action != QLatin1String("clear"))) {
        say(err,
            CommandText::tr("Expected 'token set --gateway URL' or 'token clear --gateway "
                            "URL' (try --help)."));
        return 2;
    }
    if (!parser.isSet(gatewayOption)) {
        say(err, CommandText::tr("--gateway URL is required (try --help)."));
        return 2;
    }
    const QUrl url(parser.value(gatewayOption), QUrl::StrictMode);
    // The form only: the token may well be for a gateway reached with
    // --allow-unencrypted, which is decided when connecting.
    const GatewayUrlCheck check = checkGatewayUrl(url, true);
    if (!check) {
        say(err,
            CommandText::tr("--gateway '%1': %2")
                .arg(terminalSafe(parser.value(gatewayOption)), check.error));
        return 2;
    }
    const QString key = tokenKeyForGateway(url);

    if (action == QLatin1String("clear")) {
        // Looked up first: the Secret Service reports success for deleting
        // nothing, and a locked keyring must not pass for an empty one.
        const TokenStoreResult existing = waitForTokenJob(store.readToken(key));
        if (existing.status == TokenStoreStatus::NotFound) {
            say(out, CommandText::tr("No token was stored for %1.").arg(key));
            return 0;
        }
        if (existing.status != TokenStoreStatus::Ok) {
            say(err,
                CommandText::tr("Cannot remove the token for %1: %2").arg(key, existing.message));
            return 1;
        }
        const TokenStoreResult result = waitForTokenJob(store.deleteToken(key));
        if (result.status == TokenStoreStatus::Ok) {
            say(out, CommandText::tr("The token for %1 was removed from the keychain.").arg(key));
            return 0;
        }
        if (result.status == TokenStoreStatus::NotFound) {
            say(out, CommandText::tr("No token was stored for %1.").arg(key));
            return 0;
        }
        say(err, CommandText::tr("Cannot remove the token for %1: %2").arg(key, result.message));
        return 1;
    }

    // One line: an interactive user ends it with Enter, a pipe with EOF.
    QByteArray line;
    {
        const TerminalEchoOff echoOff(in);
        if (echoOff.isTerminal())
            err.write(CommandText::tr("Token for %1 (not shown): ").arg(key).toUtf8());
        line = chopLineEnd(in.readLine(MaxTokenBytes + 2));
    }
    if (line.size() > MaxTokenBytes) {
        say(err, CommandText::tr("The token on standard input is longer than 64 KiB."));
        return 2;
    }
    const QString token = QString::fromUtf8(line);
    if (token.trimmed().isEmpty()) {
        say(err, CommandText::tr("No token on standard input: pass it as the first line."));
        return 2;
    }
    if (hasControlCharacter(token)) {
        say(err, CommandText::tr("The token on standard input contains control characters."));
        return 2;
    }
    const TokenStoreResult result = waitForTokenJob(store.writeToken(key, token));
    if (result.status == TokenStoreStatus::Ok) {
        say(out,
            store.persists()
                ? CommandText::tr("The token for %1 is stored in the keychain.").arg(key)
                : CommandText::tr("The token for %1 is kept in memory only.").arg(key));
        return 0;
    }
    if (result.status == TokenStoreStatus::Unavailable) {
        // Nothing else will keep it: no plaintext fallback, by design.
        say(err,
            CommandText::tr("No keychain available: the token was not stored. The recorder "
                            "can take it from --token-file or MEETING_MONITOR_TOKEN."));
        return 1;
    }
    say(err, CommandText::tr("Cannot store the token for %1: %2").arg(key, result.message));
    return 1;
}

bool resolveRecorderToken(const QString &tokenFile, const QUrl &gatewayUrl, TokenStore &store,
                          QString &token, QString &message)
{
    token.clear();
    if (!tokenFile.isEmpty()) {
        if (!readTokenFile(tokenFile, token, message))
            return false;
        message = CommandText::tr("token from the file %1").arg(tokenFile);
        return true;
    }
    const QString fromEnvironment = qEnvironmentVariable("MEETING_MONITOR_TOKEN");
    if (!fromEnvironment.isEmpty()) {
        token = fromEnvironment;
        message = CommandText::tr("token from MEETING_MONITOR_TOKEN");
        return true;
    }
    const QString key = tokenKeyForGateway(gatewayUrl);
    if (key.isEmpty()) {
        message = CommandText::tr("no token: the gateway URL has no host");
        return true;
    }
    const TokenStoreResult result = waitForTokenJob(store.readToken(key));
    switch (result.status) {
    case TokenStoreStatus::Ok:
        token = result.token;
        message = CommandText::tr("token from the keychain for %1").arg(key);
        return true;
    case TokenStoreStatus::NotFound:
        message
            = CommandText::tr("no token in the keychain for %1; connecting without one").arg(key);
        return true;
    case TokenStoreStatus::Unavailable:
        message = CommandText::tr("no keychain available; connecting without a token (use "
                                  "--token-file or MEETING_MONITOR_TOKEN)");
        return true;
    case TokenStoreStatus::Locked:
    case TokenStoreStatus::TimedOut:
    case TokenStoreStatus::Failed:
        break;
    }
    message = CommandText::tr("cannot read the token for %1 from the keychain: %2 (use "
                              "--token-file or MEETING_MONITOR_TOKEN)")
                  .arg(key, result.message);
    return false;
}

} // namespace mm
