#include "connectdialog.h"

#include "net/gatewayurlpolicy.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mm {

namespace {

QLabel *plainWrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_path(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_browseCaFile(new QPushButton(tr("&Browse…"), this))
    , m_allowUnencrypted(new QCheckBox(tr("Allow &unencrypted ws:// to another computer"), this))
    , m_token(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember the token in the system keychain"), this))
    , m_tokenNote(plainWrappedLabel(this))
    , m_keychainNotice(plainWrappedLabel(this))
    , m_error(plainWrappedLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to a gateway"));
    m_url->setObjectName(QStringLiteral("gatewayUrl"));
    m_namespace->setObjectName(QStringLiteral("namespace"));
    m_path->setObjectName(QStringLiteral("path"));
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_allowUnencrypted->setObjectName(QStringLiteral("allowUnencrypted"));
    m_token->setObjectName(QStringLiteral("token"));
    m_remember->setObjectName(QStringLiteral("rememberToken"));
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_error->setObjectName(QStringLiteral("validationError"));

    m_url->setAccessibleName(tr("Gateway URL"));
    m_namespace->setAccessibleName(tr("Namespace"));
    m_path->setAccessibleName(tr("Socket.IO path"));
    m_caFile->setAccessibleName(tr("CA file"));
    m_browseCaFile->setAccessibleName(tr("Choose a CA file"));
    m_token->setAccessibleName(tr("Admin token"));

    m_url->setPlaceholderText(tr("wss://host:port (ws:// only to this computer)"));
    m_namespace->setText(QStringLiteral("/meeting-metrics"));
    m_path->setText(QStringLiteral("/socket.io/"));
    m_caFile->setPlaceholderText(tr("The system's certificate authorities"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Leave empty to use the stored token"));
    // The admin token never goes to the clipboard or to input methods.
    m_token->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText
                                 | Qt::ImhSensitiveData);
    m_remember->setChecked(true);
    m_keychainNotice->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));

    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browseCaFile);

    auto *form = new QFormLayout;
    form->addRow(tr("&Gateway URL:"), m_url);
    form->addRow(tr("&Namespace:"), m_namespace);
    form->addRow(tr("&Path:"), m_path);
    auto *caLabel = new QLabel(tr("&CA file:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    form->addRow(QString(), m_allowUnencrypted);
    form->addRow(QString(), m_keychainNotice);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_tokenNote);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    // Notes come and go with the entries: the dialog grows to show them whole.
    layout->setSizeConstraint(QLayout::SetMinimumSize);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browseCaFile, &QPushButton::clicked, this, &ConnectDialog::onBrowseCaFile);
    for (QLineEdit *edit : {m_url, m_namespace, m_path, m_caFile, m_token})
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::onEdited);
    connect(m_allowUnencrypted, &QCheckBox::toggled, this, &ConnectDialog::onEdited);
    connect(m_remember, &QCheckBox::toggled, this, &ConnectDialog::onEdited);
    resize(560, sizeHint().height());
    setKeychainAvailable(true);
}

void ConnectDialog::setProfile(const ConnectionProfile &profile)
{
    m_profileName = profile.name;
    m_tokenFile = profile.tokenFile;
    m_url->setText(profile.gatewayUrl.toString());
    m_namespace->setText(profile.nspace);
    m_path->setText(profile.path);
    m_caFile->setText(profile.caFile);
    m_allowUnencrypted->setChecked(profile.allowUnencrypted);
    if (!profile.name.isEmpty())
        setWindowTitle(tr("Connect to %1").arg(profile.name));
    onEdited();
}

ConnectionProfile ConnectDialog::profile() const
{
    ConnectionProfile profile;
    profile.name = m_profileName;
    profile.gatewayUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    profile.nspace = m_namespace->text().trimmed();
    profile.path = m_path->text().trimmed();
    profile.caFile = m_caFile->text().trimmed();
    profile.allowUnencrypted = m_allowUnencrypted->isChecked();
    profile.tokenFile = m_tokenFile;
    return profile;
}

QString ConnectDialog::token() const
{
    return m_token->text();
}

bool ConnectDialog::rememberToken() const
{
    return m_keychainAvailable && m_remember->isChecked();
}

void ConnectDialog::setKeychainAvailable(bool available)
{
    m_keychainAvailable = available;
    m_remember->setEnabled(available);
    if (!available)
        m_remember->setChecked(false);
    onEdited();
}

void ConnectDialog::setKeychainNotice(const QString &notice)
{
    m_keychainNotice->setText(notice);
    m_keychainNotice->setVisible(!notice.isEmpty());
    fitNotes();
}

QString ConnectDialog::keychainNotice() const
{
    return m_keychainNotice->text();
}

void ConnectDialog::setConfig(const SocketIoConfig &config)
{
    m_url->setText(config.gatewayUrl.toString());
    m_namespace->setText(config.nspace);
    m_path->setText(config.path);
    m_caFile->setText(config.caFile);
    m_allowUnencrypted->setChecked(config.allowUnencrypted);
    m_token->setText(config.token);
    onEdited();
}

SocketIoConfig ConnectDialog::config() const
{
    return profile().toSocketIoConfig(m_token->text());
}

QString ConnectDialog::validationError() const
{
    if (m_url->text().trimmed().isEmpty())
        return tr("Enter the gateway's address.");
    ConnectionProfile entered = profile();
    // An ad-hoc connection has no name; the rest follows the profile rules.
    if (entered.name.isEmpty())
        entered.name = QStringLiteral("-");
    const QList<ConnectionProfile::Problem> problems = entered.problems();
    return problems.isEmpty() ? QString() : problems.first().message;
}

void ConnectDialog::onEdited()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());

    QString note;
    if (!m_tokenFile.isEmpty())
        note = tr("This profile reads its token from a file; a token typed here is used "
                  "instead, for this connection.");
    else if (!m_keychainAvailable)
        note = tr("No system keychain (Secret Service) is available: the token is kept in "
                  "memory for this run only and asked for again next time.");
    else if (!m_remember->isChecked())
        note = tr("The token is kept in memory for this run only.");
    m_tokenNote->setText(note);
    m_tokenNote->setVisible(!note.isEmpty());

    const GatewayUrlCheck check = checkGatewayUrl(profile().gatewayUrl, true);
    const bool remotePlain = check && !check.secure && !isLoopbackHost(profile().gatewayUrl.host());
    m_allowUnencrypted->setToolTip(
        remotePlain ? tr("Everything sent, the token included, can be read on the way.")
                    : QString());
    fitNotes();
}

void ConnectDialog::fitNotes()
{
    // Wrapped notes need height for the current width; the minimum size
    // alone does not ask for it.
    if (!layout())
        return;
    layout()->activate();
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void ConnectDialog::onBrowseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Choose the gateway's CA certificate"), m_caFile->text(),
        tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

} // namespace mm
