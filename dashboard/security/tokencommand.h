#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

class QIODevice;

namespace mm {

class TokenStore;

// `meeting-monitor token set --gateway URL` reads the token from the first
// line of `in` and stores it in the system keychain; `token clear --gateway
// URL` removes it. `arguments` are the ones after "token". Exit codes: 0
// done (also clearing a token that was not there), 1 the keychain failed
// (unavailable, locked, timed out), 2 usage error or no token on input.
// Nothing it prints contains the token.
int runTokenCommand(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err);
// The same against `store` (the application passes the keychain store;
// KeychainTokenStore with the default service is what the overload uses).
int runTokenCommand(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err,
                    TokenStore &store);

// The token for `record`: the first line of `tokenFile` when one is given,
// else MEETING_MONITOR_TOKEN when set and not empty, else the keychain entry
// for `gatewayUrl` (waits for it, at most the store's watchdog). True with an
// empty token when the keychain has none or there is no keychain (the
// gateway may not need one); false when the file cannot be used or the
// keychain is locked, timed out or failed. `message` says where the token
// came from or why it could not be had, never what it is.
bool resolveRecorderToken(const QString &tokenFile, const QUrl &gatewayUrl, TokenStore &store,
                          QString &token, QString &message);

// Reads a token file: at most 64 KiB, trailing CR/LF removed, not empty.
bool readTokenFile(const QString &path, QString &token, QString &error);

} // namespace mm
