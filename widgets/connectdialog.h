#pragma once

#include "net/socketioclient.h"
#include "settings/connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mm {

// Asks for a gateway: URL, namespace, path, CA file, "allow unencrypted"
// and the token. The URL goes through the same rule as `record`
// (checkGatewayUrl()); the token field is a password field, and whether the
// token is remembered in the keychain or kept in memory for this run is the
// caller's (MainWindow's) business: the dialog only says which applies.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    // Fills the fields from a profile (its name is kept for profile()).
    void setProfile(const ConnectionProfile &profile);
    // The entered connection as a profile, under the name it was opened
    // with (empty for an ad-hoc connection).
    ConnectionProfile profile() const;
    // The token typed in; empty: connect without one (or keep the stored one).
    QString token() const;
    // Whether to store the typed token in the keychain for this gateway.
    bool rememberToken() const;

    // Whether a keychain keeps tokens across runs; without one the dialog
    // says that the token is kept in memory for this run only.
    void setKeychainAvailable(bool available);
    // What the keychain answered when the token was looked up (locked, timed
    // out); shown above the token field. Empty hides it.
    void setKeychainNotice(const QString &notice);
    QString keychainNotice() const;

    void setConfig(const SocketIoConfig &config);
    // The entered settings; meaningful when validationError() is empty.
    SocketIoConfig config() const;
    // Why the entries cannot be used yet, for people (naming the field);
    // empty when they can.
    QString validationError() const;

private:
    void onEdited();
    void onBrowseCaFile();
    void fitNotes();

    QString m_profileName;
    QString m_tokenFile;
    QLineEdit *m_url;
    QLineEdit *m_namespace;
    QLineEdit *m_path;
    QLineEdit *m_caFile;
    QPushButton *m_browseCaFile;
    QCheckBox *m_allowUnencrypted;
    QLineEdit *m_token;
    QCheckBox *m_remember;
    QLabel *m_tokenNote;
    QLabel *m_keychainNotice;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_keychainAvailable = true;
};

} // namespace mm
