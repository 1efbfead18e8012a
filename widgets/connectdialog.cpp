#include "connectdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mm {

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_path(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to a gateway"));
    m_url->setObjectName(QStringLiteral("gatewayUrl"));
    m_namespace->setObjectName(QStringLiteral("namespace"));
    m_path->setObjectName(QStringLiteral("path"));
    m_token->setObjectName(QStringLiteral("token"));

    m_url->setPlaceholderText(tr("ws://host:port or wss://host:port"));
    m_namespace->setText(QStringLiteral("/meeting-metrics"));
    m_path->setText(QStringLiteral("/socket.io/"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Admin token (kept in memory only)"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Gateway URL:"), m_url);
    form->addRow(tr("&Namespace:"), m_namespace);
    form->addRow(tr("&Path:"), m_path);
    form->addRow(tr("&Token:"), m_token);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_url, m_namespace, m_path})
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::onEdited);
    resize(480, sizeHint().height());
    onEdited();
}

void ConnectDialog::setConfig(const SocketIoConfig &config)
{
    m_url->setText(config.gatewayUrl.toString());
    m_namespace->setText(config.nspace);
    m_path->setText(config.path);
    m_token->setText(config.token);
    onEdited();
}

SocketIoConfig ConnectDialog::config() const
{
    SocketIoConfig config;
    config.gatewayUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    config.nspace = m_namespace->text().trimmed();
    config.path = m_path->text().trimmed();
    config.token = m_token->text();
    return config;
}

QString ConnectDialog::validationError() const
{
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    if (m_url->text().trimmed().isEmpty())
        return tr("Enter the gateway's address.");
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss")))
        return tr("The gateway URL must look like ws://host:port or wss://host:port.");
    if (!m_namespace->text().trimmed().startsWith(QLatin1Char('/')))
        return tr("The namespace starts with a slash, e.g. /meeting-metrics.");
    if (!m_path->text().trimmed().startsWith(QLatin1Char('/')))
        return tr("The path starts with a slash, e.g. /socket.io/.");
    return {};
}

void ConnectDialog::onEdited()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

} // namespace mm
