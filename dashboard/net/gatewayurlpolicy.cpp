#include "gatewayurlpolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace mm {

// Translation context for the policy's messages.
class GatewayUrlPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(mm::GatewayUrlPolicy)
};

bool isLoopbackHost(const QString &host)
{
    QString name = host.trimmed().toLower();
    // QUrl keeps the brackets out of host(), but a caller may pass them in.
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1); // the fully qualified form "localhost."
    if (name == QLatin1String("localhost"))
        return true;
    QHostAddress address;
    if (!address.setAddress(name))
        return false;
    return address.isLoopback();
}

GatewayUrlCheck checkGatewayUrl(const QUrl &url, bool allowUnencrypted)
{
    GatewayUrlCheck result;
    if (url.isEmpty()) {
        result.error = GatewayUrlPolicy::tr("Gateway URL: no URL given.");
        return result;
    }
    if (!url.isValid()) {
        result.error
            = GatewayUrlPolicy::tr("Gateway URL: not a valid URL (%1).").arg(url.errorString());
        return result;
    }
    const QString scheme = url.scheme().toLower();
    const bool secure = scheme == QLatin1String("wss") || scheme == QLatin1String("https");
    const bool plain = scheme == QLatin1String("ws") || scheme == QLatin1String("http");
    if (!secure && !plain) {
        result.error = GatewayUrlPolicy::tr(
            "Gateway URL: the scheme must be wss://, https://, ws:// or http://.");
        return result;
    }
    if (url.host().isEmpty()) {
        result.error = GatewayUrlPolicy::tr("Gateway URL: no host name.");
        return result;
    }
    if (!url.userInfo().isEmpty()) {
        // Credentials in a URL end up in logs and settings; the token has its place.
        result.error = GatewayUrlPolicy::tr(
            "Gateway URL: a user name or password must not be part of the URL.");
        return result;
    }
    result.secure = secure;
    if (plain && !isLoopbackHost(url.host())) {
        if (!allowUnencrypted) {
            result.error = GatewayUrlPolicy::tr(
                "Gateway URL: unencrypted ws:// is only allowed to this computer "
                "(127.0.0.1, ::1, localhost); use wss://, or allow unencrypted "
                "connections explicitly (the profile's setting, or --allow-unencrypted).");
            return result;
        }
        result.unencryptedRemote = true;
    }
    result.ok = true;
    return result;
}

QCommandLineOption caFileCommandLineOption()
{
    return QCommandLineOption(
        QStringLiteral("ca-file"),
        GatewayUrlPolicy::tr("Trust only the CA certificates in FILE (PEM or DER) for a wss:// "
                             "gateway, instead of the system's."),
        GatewayUrlPolicy::tr("FILE"));
}

QCommandLineOption allowUnencryptedCommandLineOption()
{
    return QCommandLineOption(
        QStringLiteral("allow-unencrypted"),
        GatewayUrlPolicy::tr("Allow ws:// to a gateway on another computer (the token and the "
                             "metrics travel unencrypted; a warning says so)."));
}

} // namespace mm
