#pragma once

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

namespace mm {

enum class TokenStoreStatus {
    Ok,
    NotFound, // the store answered: no token under this key
    Locked, // the keyring is locked (a token may well be in it)
    Unavailable, // no keychain service: keep the token in memory instead
    TimedOut, // the keychain did not answer in time
    Failed, // anything else (access denied by the user, backend error)
};

struct TokenStoreResult
{
    TokenStoreStatus status = TokenStoreStatus::Failed;
    QString key;
    QString token; // read: the token when status is Ok; never logged
    QString message; // for people; empty when Ok

    bool ok() const { return status == TokenStoreStatus::Ok; }
};

// One read, write or delete. finished() is emitted exactly once, always from
// the event loop (never inside the call that created the job), and the job
// deletes itself afterwards.
class TokenStoreJob final : public QObject
{
    Q_OBJECT
public:
    explicit TokenStoreJob(QString key, QObject *parent = nullptr);

    const QString &key() const { return m_key; }
    bool isFinished() const { return m_finished; }

    // For store implementations: the first call wins, later ones (a late
    // keychain answer after the watchdog) are ignored.
    void finish(TokenStoreResult result);
    // finish() from the event loop.
    void finishLater(TokenStoreResult result);

signals:
    void finished(const mm::TokenStoreResult &result);

private:
    QString m_key;
    bool m_finished = false;
};

// Where the admin token is kept, per key (tokenKeyForGateway()). Asynchronous:
// a keychain may take seconds or never answer.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual TokenStoreJob *readToken(const QString &key) = 0;
    virtual TokenStoreJob *writeToken(const QString &key, const QString &token) = 0;
    virtual TokenStoreJob *deleteToken(const QString &key) = 0;
    // False for the in-memory store: the token is gone when the process ends.
    virtual bool persists() const = 0;
};

// The system keychain through QtKeychain (Secret Service on Linux, Keychain
// on macOS, Credential Manager on Windows). Never falls back to a plaintext
// file. Every job gives up after `timeoutMs` (5 s) with TimedOut; QtKeychain
// jobs cannot be cancelled, so a late answer is dropped when it comes.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 5000;

    explicit KeychainTokenStore(QString service = QStringLiteral("meeting-monitor"),
                                int timeoutMs = DefaultTimeoutMs, QObject *parent = nullptr);

    TokenStoreJob *readToken(const QString &key) override;
    TokenStoreJob *writeToken(const QString &key, const QString &token) override;
    TokenStoreJob *deleteToken(const QString &key) override;
    bool persists() const override { return true; }

    const QString &service() const { return m_service; }

private:
    enum class Operation { Read, Write, Delete };
    TokenStoreJob *start(Operation operation, const QString &key, const QString &token);

    QString m_service;
    int m_timeoutMs;
};

// The token for this session only, for when no keychain is available. Not a
// test double: the application uses it when the keychain says Unavailable.
class InMemoryTokenStore final : public TokenStore
{
    Q_OBJECT
public:
    using TokenStore::TokenStore;
    ~InMemoryTokenStore() override;

    TokenStoreJob *readToken(const QString &key) override;
    TokenStoreJob *writeToken(const QString &key, const QString &token) override;
    TokenStoreJob *deleteToken(const QString &key) override;
    bool persists() const override { return false; }

private:
    QHash<QString, QString> m_tokens;
};

// The keychain key for a gateway: scheme (ws or wss), lower-case host and
// port, nothing else, so "https://GW.example:443/x" and "wss://gw.example"
// share one token, and the command line, the recorder and the window agree.
// Empty for a URL without a host.
QString tokenKeyForGateway(const QUrl &gatewayUrl);

QString tokenStoreStatusName(TokenStoreStatus status);

// The messages the keychain store reports, for callers that show them.
QString keychainTimeoutMessage(int timeoutMs);
QString keychainUnavailableMessage();

// Runs `job` to completion in a local event loop (for command-line modes,
// never for the GUI thread) and returns its result.
TokenStoreResult waitForTokenJob(TokenStoreJob *job);

} // namespace mm

Q_DECLARE_METATYPE(mm::TokenStoreResult)
