#pragma once

#include "net/socketioclient.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace mm {

// Asks for a gateway: URL, namespace, path and token. The token field is a
// password field; the token stays in memory only (the keychain comes later).
class ConnectDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    void setConfig(const SocketIoConfig &config);
    // The entered settings; meaningful when validationError() is empty.
    SocketIoConfig config() const;
    // Why the entries cannot be used yet, for people; empty when they can.
    QString validationError() const;

private:
    void onEdited();

    QLineEdit *m_url;
    QLineEdit *m_namespace;
    QLineEdit *m_path;
    QLineEdit *m_token;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace mm
