// A wedged Secret Service for the keychain tests: owns org.freedesktop.secrets
// on the session bus and never answers a call, or answers every call with an
// error only after --reply-after-ms (a keychain that comes back too late).
// Writes "ready" to --ready-file once it owns the name, and one line per late
// answer to --reply-log.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QFile>
#include <QTimer>

namespace {

class SilentService final : public QDBusVirtualObject
{
public:
    SilentService(int replyAfterMs, QString replyLog, QObject *parent)
        : QDBusVirtualObject(parent)
        , m_replyAfterMs(replyAfterMs)
        , m_replyLog(std::move(replyLog))
    {
    }

    QString introspect(const QString &) const override { return QString(); }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        // Handled, but unanswered: the caller waits for its D-Bus timeout.
        if (m_replyAfterMs <= 0 || message.type() != QDBusMessage::MethodCallMessage)
            return true;
        QTimer::singleShot(m_replyAfterMs, this, [this, message, connection] {
            QDBusConnection(connection)
                .send(message.createErrorReply(
                    QStringLiteral("org.freedesktop.DBus.Error.Failed"),
                    QStringLiteral("the fake secret service answers too late")));
            QFile log(m_replyLog);
            if (!m_replyLog.isEmpty() && log.open(QIODevice::Append))
                log.write("replied " + message.member().toUtf8() + '\n');
        });
        return true;
    }

private:
    int m_replyAfterMs;
    QString m_replyLog;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption readyOption(QStringLiteral("ready-file"),
                                         QStringLiteral("Written once the name is owned."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption replyOption(QStringLiteral("reply-after-ms"),
                                         QStringLiteral("Answer every call with an error after MS "
                                                        "(0: never answer)."),
                                         QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption logOption(QStringLiteral("reply-log"),
                                       QStringLiteral("Append a line per late answer."),
                                       QStringLiteral("FILE"));
    parser.addOptions({readyOption, replyOption, logOption});
    parser.process(app);

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCritical("fake secret service: no session bus");
        return 1;
    }
    auto *service
        = new SilentService(parser.value(replyOption).toInt(), parser.value(logOption), &app);
    if (!bus.registerVirtualObject(QStringLiteral("/"), service, QDBusConnection::SubPath)
        || !bus.registerService(QStringLiteral("org.freedesktop.secrets"))) {
        qCritical("fake secret service: cannot own org.freedesktop.secrets");
        return 1;
    }
    if (parser.isSet(readyOption)) {
        QFile ready(parser.value(readyOption));
        if (ready.open(QIODevice::WriteOnly))
            ready.write("ready\n");
    }
    return app.exec();
}
