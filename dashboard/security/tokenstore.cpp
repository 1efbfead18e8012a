#include "tokenstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#ifdef MM_HAVE_QTDBUS
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

#include <functional>
#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcTokenStore, "mm.security.tokenstore")

namespace mm {

namespace {

class StoreText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::TokenStore)
};

TokenStoreResult makeResult(TokenStoreStatus status, const QString &key, QString message = {},
                            QString token = {})
{
    TokenStoreResult result;
    result.status = status;
    result.key = key;
    result.message = std::move(message);
    result.token = std::move(token);
    return result;
}

QString lockedMessage()
{
    return StoreText::tr("The keyring is locked: unlock it (for example by logging in to the "
                         "desktop session) and try again. The token was not changed.");
}

#ifdef MM_HAVE_QTDBUS
const QString SecretsService = QStringLiteral("org.freedesktop.secrets");
const QString SecretsPath = QStringLiteral("/org/freedesktop/secrets");

// Asks the Secret Service whether the answer we got hides a locked keyring:
// libsecret reports a secret in a locked collection as "not found" on read
// and as "access denied" on write (reliability notes §2). Locked when an item
// with our attributes is in a locked collection, or when the default
// collection is locked. Any failure of the probe itself counts as unknown
// (false): the caller then reports what the keychain said.
void probeLocked(const QString &service, const QString &key, int timeoutMs, QObject *context,
                 std::function<void(bool)> done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    qDBusRegisterMetaType<QMap<QString, QString>>();

    auto askDefaultCollection = [bus, timeoutMs, context, done]() mutable {
        QDBusMessage get = QDBusMessage::createMethodCall(
            SecretsService, SecretsPath + QStringLiteral("/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, timeoutMs), context);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                         [done](QDBusPendingCallWatcher *w) {
                             w->deleteLater();
                             const QDBusPendingReply<QDBusVariant> reply = *w;
                             done(!reply.isError() && reply.value().variant().toBool());
                         });
    };

    QDBusMessage search = QDBusMessage::createMethodCall(
        SecretsService, SecretsPath, QStringLiteral("org.freedesktop.Secret.Service"),
        QStringLiteral("SearchItems"));
    // The attributes QtKeychain's libsecret backend stores: user = key, server = service.
    const QMap<QString, QString> attributes {{QStringLiteral("user"), key},
                                             {QStringLiteral("server"), service}};
    search << QVariant::fromValue(attributes);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(search, timeoutMs), context);
    QObject::connect(
        watcher, &QDBusPendingCallWatcher::finished, context,
        [done, askDefaultCollection](QDBusPendingCallWatcher *w) mutable {
            w->deleteLater();
            const QDBusMessage reply = w->reply();
            if (reply.type() == QDBusMessage::ReplyMessage && reply.arguments().size() >= 2) {
                const auto locked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
                if (!locked.isEmpty()) {
                    done(true);
                    return;
                }
            }
            askDefaultCollection();
        });
}
#else
void probeLocked(const QString &, const QString &, int, QObject *, std::function<void(bool)> done)
{
    done(false); // no D-Bus here: the platform keychains report locking themselves
}
#endif

} // namespace

// --- TokenStoreJob ---------------------------------------------------------

TokenStoreJob::TokenStoreJob(QString key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
{
}

void TokenStoreJob::finish(TokenStoreResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.key = m_key;
    emit finished(result);
    deleteLater();
}

void TokenStoreJob::finishLater(TokenStoreResult result)
{
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result)]() mutable { finish(std::move(result)); },
        Qt::QueuedConnection);
}

// --- KeychainTokenStore ----------------------------------------------------

KeychainTokenStore::KeychainTokenStore(QString service, int timeoutMs, QObject *parent)
    : TokenStore(parent)
    , m_service(std::move(service))
    , m_timeoutMs(std::max(1, timeoutMs))
{
}

TokenStoreJob *KeychainTokenStore::readToken(const QString &key)
{
    return start(Operation::Read, key, QString());
}

TokenStoreJob *KeychainTokenStore::writeToken(const QString &key, const QString &token)
{
    return start(Operation::Write, key, token);
}

TokenStoreJob *KeychainTokenStore::deleteToken(const QString &key)
{
    return start(Operation::Delete, key, QString());
}

TokenStoreJob *KeychainTokenStore::start(Operation operation, const QString &key,
                                         const QString &token)
{
    auto *job = new TokenStoreJob(key);
    const int timeoutMs = m_timeoutMs;

    // The watchdog belongs to our job: when it fires, the job is finished and
    // the QtKeychain job is left to end on its own (it cannot be cancelled).
    auto *watchdog = new QTimer(job);
    watchdog->setSingleShot(true);
    connect(watchdog, &QTimer::timeout, job, [job, timeoutMs] {
        qCWarning(lcTokenStore) << "keychain did not answer within" << timeoutMs << "ms";
        job->finish(
            makeResult(TokenStoreStatus::TimedOut, job->key(), keychainTimeoutMessage(timeoutMs)));
    });
    watchdog->start(timeoutMs);

    // Never parented, never deleted by us: libsecret's callback holds a raw
    // pointer to it until it answers, even after our watchdog gave up. It
    // deletes itself (autoDelete) once it has finished.
    QKeychain::Job *keychainJob = nullptr;
    switch (operation) {
    case Operation::Read:
        keychainJob = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(token);
        keychainJob = write;
        break;
    }
    case Operation::Delete:
        keychainJob = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    keychainJob->setAutoDelete(true);
    keychainJob->setKey(key);
    // The insecure (plaintext QSettings) fallback stays off, as is the default.

    const QString service = m_service;
    connect(keychainJob, &QKeychain::Job::finished, job,
            [job, operation, service, timeoutMs](QKeychain::Job *finishedJob) {
                if (job->isFinished())
                    return; // the watchdog already answered
                const QKeychain::Error error = finishedJob->error();
                const QString detail = finishedJob->errorString();
                if (error == QKeychain::NoError) {
                    QString value;
                    if (operation == Operation::Read)
                        value = static_cast<QKeychain::ReadPasswordJob *>(finishedJob)->textData();
                    job->finish(makeResult(TokenStoreStatus::Ok, job->key(), QString(), value));
                    return;
                }
                qCDebug(lcTokenStore) << "keychain error" << int(error) << detail;
                switch (error) {
                case QKeychain::EntryNotFound:
                case QKeychain::AccessDenied:
                case QKeychain::CouldNotDeleteEntry: {
                    // Locked or really absent/denied? Ask, within the same watchdog.
                    const bool notFound = error == QKeychain::EntryNotFound;
                    const QString message = notFound
                        ? StoreText::tr("No token is stored for %1.").arg(job->key())
                        : StoreText::tr("The keychain refused access: %1").arg(detail);
                    QPointer<TokenStoreJob> guard(job);
                    probeLocked(service, job->key(), timeoutMs, job,
                                [guard, notFound, message](bool locked) {
                                    if (!guard)
                                        return;
                                    if (locked)
                                        guard->finish(makeResult(TokenStoreStatus::Locked,
                                                                 guard->key(), lockedMessage()));
                                    else
                                        guard->finish(makeResult(notFound
                                                                     ? TokenStoreStatus::NotFound
                                                                     : TokenStoreStatus::Failed,
                                                                 guard->key(), message));
                                });
                    return;
                }
                case QKeychain::AccessDeniedByUser:
                    job->finish(makeResult(TokenStoreStatus::Failed, job->key(),
                                           StoreText::tr("Access to the keychain was denied.")));
                    return;
                case QKeychain::NoBackendAvailable:
                case QKeychain::NotImplemented:
                case QKeychain::OtherError:
                case QKeychain::NoError:
                    break;
                }
                // No D-Bus, no Secret Service, no usable collection: all of
                // them mean "no keychain here".
                job->finish(makeResult(TokenStoreStatus::Unavailable, job->key(),
                                       keychainUnavailableMessage() + QStringLiteral(" (") + detail
                                           + QLatin1Char(')')));
            });
    keychainJob->start();
    return job;
}

// --- InMemoryTokenStore ----------------------------------------------------

InMemoryTokenStore::~InMemoryTokenStore()
{
    // Best effort: overwrite before the memory is returned.
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it)
        it.value().fill(QChar(u'\0'));
}

TokenStoreJob *InMemoryTokenStore::readToken(const QString &key)
{
    auto *job = new TokenStoreJob(key);
    const auto it = m_tokens.constFind(key);
    if (it == m_tokens.constEnd())
        job->finishLater(
            makeResult(TokenStoreStatus::NotFound, key,
                       StoreText::tr("No token is kept for %1 in this session.").arg(key)));
    else
        job->finishLater(makeResult(TokenStoreStatus::Ok, key, QString(), it.value()));
    return job;
}

TokenStoreJob *InMemoryTokenStore::writeToken(const QString &key, const QString &token)
{
    auto *job = new TokenStoreJob(key);
    m_tokens.insert(key, token);
    job->finishLater(makeResult(TokenStoreStatus::Ok, key));
    return job;
}

TokenStoreJob *InMemoryTokenStore::deleteToken(const QString &key)
{
    auto *job = new TokenStoreJob(key);
    auto it = m_tokens.find(key);
    if (it == m_tokens.end()) {
        job->finishLater(
            makeResult(TokenStoreStatus::NotFound, key,
                       StoreText::tr("No token is kept for %1 in this session.").arg(key)));
    } else {
        it.value().fill(QChar(u'\0'));
        m_tokens.erase(it);
        job->finishLater(makeResult(TokenStoreStatus::Ok, key));
    }
    return job;
}

// --- free functions --------------------------------------------------------

QString tokenKeyForGateway(const QUrl &gatewayUrl)
{
    const QString host = gatewayUrl.host().toLower();
    if (host.isEmpty())
        return QString();
    const QString scheme = gatewayUrl.scheme().toLower();
    const bool secure = scheme == QLatin1String("wss") || scheme == QLatin1String("https");
    const int port = gatewayUrl.port(secure ? 443 : 80);
    const QString shownHost = host.contains(QLatin1Char(':'))
        ? QLatin1Char('[') + host + QLatin1Char(']') // IPv6
        : host;
    return (secure ? QStringLiteral("wss://") : QStringLiteral("ws://")) + shownHost
        + QLatin1Char(':') + QString::number(port);
}

QString tokenStoreStatusName(TokenStoreStatus status)
{
    switch (status) {
    case TokenStoreStatus::Ok:
        return StoreText::tr("ok");
    case TokenStoreStatus::NotFound:
        return StoreText::tr("not found");
    case TokenStoreStatus::Locked:
        return StoreText::tr("keyring locked");
    case TokenStoreStatus::Unavailable:
        return StoreText::tr("no keychain available");
    case TokenStoreStatus::TimedOut:
        return StoreText::tr("keychain timed out");
    case TokenStoreStatus::Failed:
        return StoreText::tr("keychain error");
    }
    return StoreText::tr("unknown");
}

QString keychainTimeoutMessage(int timeoutMs)
{
    return StoreText::tr("The keychain did not answer within %1 s.")
        .arg(QLocale().toString(double(timeoutMs) / 1000.0, 'g', 3));
}

QString keychainUnavailableMessage()
{
    return StoreText::tr("No keychain available: the token will be kept in memory for this "
                         "session only.");
}

TokenStoreResult waitForTokenJob(TokenStoreJob *job)
{
    TokenStoreResult result;
    QEventLoop loop;
    bool done = false;
    QObject::connect(job, &TokenStoreJob::finished, &loop, [&](const TokenStoreResult &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace mm
