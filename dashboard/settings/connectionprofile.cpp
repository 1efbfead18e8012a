#include "connectionprofile.h"

#include "net/gatewayurlpolicy.h"
#include "security/tokencommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>

#include <optional>

namespace mm {

namespace {

class ProfileText final
{
    Q_DECLARE_TR_FUNCTIONS(mm::ConnectionProfile)
};

constexpr int MaxNameLength = 100;
constexpr int MaxPathLength = 200;
constexpr qint64 MaxCaFileBytes = 4 * 1024 * 1024;

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    return false;
}

// The name shown in a message: bounded, and with control characters made
// visible, so a hostile settings file cannot forge lines in a dialog.
QString shown(const QString &text)
{
    QString result;
    for (const QChar c : text.left(80))
        result += (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            ? QChar(0xFFFD)
            : c;
    if (text.size() > 80)
        result += QChar(0x2026);
    return result;
}

std::optional<QString> pathLikeProblem(const QString &value, const QString &fieldLabel)
{
    if (value.isEmpty())
        return ProfileText::tr("%1: must not be empty.").arg(fieldLabel);
    if (!value.startsWith(QLatin1Char('/')))
        return ProfileText::tr("%1: must start with '/'.").arg(fieldLabel);
    if (value.size() > MaxPathLength)
        return ProfileText::tr("%1: longer than %2 characters.").arg(fieldLabel).arg(MaxPathLength);
    for (const QChar c : value) {
        if (c.isSpace() || c.category() == QChar::Other_Control
            || c.category() == QChar::Other_Format || c == QLatin1Char('?') || c == QLatin1Char('#')
            || c == QLatin1Char(',')) {
            return ProfileText::tr("%1: must not contain spaces, control characters, '?', '#' "
                                   "or ','.")
                .arg(fieldLabel);
        }
    }
    return std::nullopt;
}

std::optional<QString> caFileProblem(const QString &path)
{
    const QString label = connectionProfileFieldName(ConnectionProfile::Field::CaFile);
    const QFileInfo info(path);
    if (!info.exists())
        return ProfileText::tr("%1: %2 does not exist.").arg(label, shown(path));
    if (!info.isFile())
        return ProfileText::tr("%1: %2 is not a file.").arg(label, shown(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ProfileText::tr("%1: %2 cannot be read (%3).")
            .arg(label, shown(path), file.errorString());
    const QByteArray data = file.read(MaxCaFileBytes + 1);
    if (data.size() > MaxCaFileBytes)
        return ProfileText::tr("%1: %2 is larger than 4 MiB.").arg(label, shown(path));
    if (QSslCertificate::fromData(data, QSsl::Pem).isEmpty()
        && QSslCertificate::fromData(data, QSsl::Der).isEmpty()) {
        return ProfileText::tr("%1: %2 holds no PEM or DER certificate.").arg(label, shown(path));
    }
    return std::nullopt;
}

} // namespace

QString connectionProfileFieldName(ConnectionProfile::Field field)
{
    switch (field) {
    case ConnectionProfile::Field::Name:
        return ProfileText::tr("Profile name");
    case ConnectionProfile::Field::GatewayUrl:
        return ProfileText::tr("Gateway URL");
    case ConnectionProfile::Field::Path:
        return ProfileText::tr("Socket.IO path");
    case ConnectionProfile::Field::Namespace:
        return ProfileText::tr("Namespace");
    case ConnectionProfile::Field::CaFile:
        return ProfileText::tr("CA file");
    case ConnectionProfile::Field::TokenFile:
        return ProfileText::tr("Token file");
    }
    return QString();
}

QString checkCaFile(const QString &path)
{
    return caFileProblem(path).value_or(QString());
}

QList<ConnectionProfile::Problem> ConnectionProfile::problems() const
{
    QList<Problem> result;
    const QString nameLabel = connectionProfileFieldName(Field::Name);
    if (name.trimmed().isEmpty())
        result.append({Field::Name, ProfileText::tr("%1: must not be empty.").arg(nameLabel)});
    else if (name.size() > MaxNameLength)
        result.append(
            {Field::Name,
             ProfileText::tr("%1: longer than %2 characters.").arg(nameLabel).arg(MaxNameLength)});
    else if (hasControlCharacter(name))
        result.append({Field::Name,
                       ProfileText::tr("%1: must not contain control characters.").arg(nameLabel)});

    // The policy's messages already start with the field's name.
    const GatewayUrlCheck check = checkGatewayUrl(gatewayUrl, allowUnencrypted);
    if (!check)
        result.append({Field::GatewayUrl, check.error});

    if (auto problem = pathLikeProblem(path, connectionProfileFieldName(Field::Path)))
        result.append({Field::Path, *problem});
    if (auto problem = pathLikeProblem(nspace, connectionProfileFieldName(Field::Namespace)))
        result.append({Field::Namespace, *problem});

    if (!caFile.isEmpty()) {
        if (auto problem = caFileProblem(caFile))
            result.append({Field::CaFile, *problem});
    }
    if (!tokenFile.isEmpty()) {
        // Read to prove it usable; the token itself goes nowhere from here.
        QString token;
        QString error;
        if (!readTokenFile(tokenFile, token, error))
            result.append({Field::TokenFile,
                           ProfileText::tr("%1: %2")
                               .arg(connectionProfileFieldName(Field::TokenFile), error)});
    }
    return result;
}

QString ConnectionProfile::problemText() const
{
    QStringList lines;
    for (const Problem &problem : problems())
        lines.append(problem.message);
    return lines.join(QLatin1Char('\n'));
}

SocketIoConfig ConnectionProfile::toSocketIoConfig(const QString &token) const
{
    SocketIoConfig config;
    config.gatewayUrl = gatewayUrl;
    config.path = path;
    config.nspace = nspace;
    config.caFile = caFile;
    config.allowUnencrypted = allowUnencrypted;
    config.token = token;
    return config;
}

} // namespace mm
