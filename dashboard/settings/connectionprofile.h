#pragma once

#include "net/socketioclient.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace mm {

// One way to reach a gateway, as the admin saved it. Holds no secret: the
// token lives in the keychain (security/tokenstore.h), keyed by the gateway.
struct ConnectionProfile
{
    QString name;
    QUrl gatewayUrl;
    QString path = QStringLiteral("/socket.io/");
    QString nspace = QStringLiteral("/meeting-metrics");
    QString caFile; // empty: the system's CAs
    bool allowUnencrypted = false; // ws:// to a remote host
    // A file the token is read from at each connection (its first line, as
    // `record --token-file`), for admins whose token is provisioned as a
    // file; empty: the keychain. The path is stored, never the token.
    QString tokenFile;

    enum class Field { Name, GatewayUrl, Path, Namespace, CaFile, TokenFile };

    struct Problem
    {
        Field field;
        QString message; // names the field and says why, for people
    };

    // Everything wrong with the profile; empty when it can be used. Reads the
    // CA file (it must exist, be readable and hold a certificate) and the
    // token file (it must be readable and not empty; its content is dropped).
    QList<Problem> problems() const;
    bool isValid() const { return problems().isEmpty(); }
    // All problems as one text, one per line.
    QString problemText() const;

    // The client configuration for this profile with `token` (from the
    // keychain or typed in for this session); the token is not kept here.
    SocketIoConfig toSocketIoConfig(const QString &token) const;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

QString connectionProfileFieldName(ConnectionProfile::Field field);

// Empty when `path` is a readable file holding at least one PEM or DER
// certificate; otherwise why not ("CA file: ... does not exist."). The rule
// profiles use, for the recorder's --ca-file too.
QString checkCaFile(const QString &path);

} // namespace mm
