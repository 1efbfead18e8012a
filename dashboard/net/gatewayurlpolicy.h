#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QUrl>

namespace mm {

// The outcome of checkGatewayUrl(): either an error for people (which part
// of the URL and why), or ok, possibly with the unencrypted-remote flag.
struct GatewayUrlCheck
{
    bool ok = false;
    QString error; // empty when ok
    bool secure = false; // wss:// or https://
    bool unencryptedRemote = false; // ok only because allowUnencrypted was set

    explicit operator bool() const { return ok; }
};

// The one rule for gateway URLs, shared by the client, the recorder, the
// window and the settings dialog: ws/wss/http/https with a host and no user
// name or password in it; plain ws:// (or http://) only to a loopback
// address (127.0.0.0/8, ::1, "localhost") unless `allowUnencrypted`, and then
// the result carries unencryptedRemote so the caller can warn permanently.
GatewayUrlCheck checkGatewayUrl(const QUrl &url, bool allowUnencrypted);

// 127.0.0.0/8, ::1 (also IPv4-mapped) or the name "localhost". Other names
// are not resolved: a DNS answer is not proof that traffic stays local.
bool isLoopbackHost(const QString &host);

// The command-line options that go with the policy, one text each for the
// window and `record`: --ca-file FILE (checked with checkCaFile()) and
// --allow-unencrypted (the allowUnencrypted above).
QCommandLineOption caFileCommandLineOption();
QCommandLineOption allowUnencryptedCommandLineOption();

} // namespace mm
