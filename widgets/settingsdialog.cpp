#include "settingsdialog.h"

#include "settings/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mm {

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

// A line edit with a Browse… button beside it.
QWidget *withBrowseButton(QLineEdit *edit, QPushButton *button, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

// How a profile is listed: its name, or a stand-in; names come from a file
// anyone could have edited, and list items show plain text.
QString listedName(const ConnectionProfile &profile)
{
    const QString name = profile.name.trimmed();
    QString shown;
    for (const QChar c : name.left(80))
        shown += c.isPrint() ? c : QChar(0xFFFD);
    return shown.isEmpty() ? SettingsDialog::tr("(unnamed)") : shown;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_pages->addTab(createProfilesPage(), tr("&Connection profiles"));
    m_pages->addTab(createHistoryPage(), tr("&History"));
    m_pages->addTab(createNotificationsPage(), tr("N&otifications"));
    m_pages->addTab(createLanguagePage(), tr("&Language"));

    m_applyError = plainLabel(QString(), this);
    m_applyError->setObjectName(QStringLiteral("applyError"));
    m_applyError->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_applyError);
    layout->addWidget(m_buttons);

    loadValues();
    resize(760, 520);
}

QWidget *SettingsDialog::createProfilesPage()
{
    auto *page = new QWidget(this);
    m_loadProblems = plainLabel(QString(), page);
    m_loadProblems->setObjectName(QStringLiteral("loadProblems"));
    m_loadProblems->hide();

    m_profileList = new QListWidget(page);
    m_profileList->setObjectName(QStringLiteral("profileList"));
    m_profileList->setAccessibleName(tr("Connection profiles"));
    m_profileList->setMinimumWidth(200);
    m_addProfile = new QPushButton(tr("A&dd"), page);
    m_addProfile->setObjectName(QStringLiteral("addProfile"));
    m_addProfile->setAccessibleName(tr("Add a profile"));
    m_removeProfile = new QPushButton(tr("R&emove"), page);
    m_removeProfile->setObjectName(QStringLiteral("removeProfile"));
    m_removeProfile->setAccessibleName(tr("Remove the selected profile"));

    m_profileForm = new QWidget(page);
    m_name = new QLineEdit(m_profileForm);
    m_url = new QLineEdit(m_profileForm);
    m_path = new QLineEdit(m_profileForm);
    m_namespace = new QLineEdit(m_profileForm);
    m_caFile = new QLineEdit(m_profileForm);
    m_tokenFile = new QLineEdit(m_profileForm);
    m_allowUnencrypted = new QCheckBox(tr("Allow &unencrypted ws:// to another computer"),
                                       m_profileForm);
    m_profileProblems = plainLabel(QString(), m_profileForm);
    const std::pair<QWidget *, const char *> names[] = {
        {m_name, "profileName"},           {m_url, "profileUrl"},
        {m_path, "profilePath"},           {m_namespace, "profileNamespace"},
        {m_caFile, "profileCaFile"},       {m_tokenFile, "profileTokenFile"},
        {m_allowUnencrypted, "profileAllowUnencrypted"},
        {m_profileProblems, "profileProblems"},
    };
    for (const auto &[widget, name] : names)
        widget->setObjectName(QString::fromLatin1(name));
    m_name->setAccessibleName(connectionProfileFieldName(ConnectionProfile::Field::Name));
    m_url->setAccessibleName(connectionProfileFieldName(ConnectionProfile::Field::GatewayUrl));
    m_path->setAccessibleName(connectionProfileFieldName(ConnectionProfile::Field::Path));
    m_namespace->setAccessibleName(connectionProfileFieldName(ConnectionProfile::Field::Namespace));
    m_caFile->setAccessibleName(connectionProfileFieldName(ConnectionProfile::Field::CaFile));
    m_tokenFile->setAccessibleName(connectionProfileFieldName(ConnectionProfile::Field::TokenFile));
    m_url->setPlaceholderText(tr("wss://host:port (ws:// only to this computer)"));
    m_caFile->setPlaceholderText(tr("The system's certificate authorities"));
    m_tokenFile->setPlaceholderText(tr("None: the token is kept in the system keychain"));

    auto *browseCa = new QPushButton(tr("&Browse…"), m_profileForm);
    browseCa->setAccessibleName(tr("Choose a CA file"));
    auto *browseToken = new QPushButton(tr("Bro&wse…"), m_profileForm);
    browseToken->setAccessibleName(tr("Choose a token file"));
    connect(browseCa, &QPushButton::clicked, this, &SettingsDialog::onBrowseCaFile);
    connect(browseToken, &QPushButton::clicked, this, &SettingsDialog::onBrowseTokenFile);

    auto *form = new QFormLayout(m_profileForm);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Gateway URL:"), m_url);
    form->addRow(tr("Socket.IO &path:"), m_path);
    form->addRow(tr("Name&space:"), m_namespace);
    form->addRow(tr("C&A file:"), withBrowseButton(m_caFile, browseCa, m_profileForm));
    form->addRow(tr("&Token file:"), withBrowseButton(m_tokenFile, browseToken, m_profileForm));
    form->addRow(QString(), m_allowUnencrypted);
    form->addRow(QString(), m_profileProblems);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addProfile);
    listButtons->addWidget(m_removeProfile);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_profileList, 1);
    listColumn->addLayout(listButtons);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listColumn);
    columns->addWidget(m_profileForm, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_loadProblems);
    layout->addLayout(columns, 1);
    layout->addWidget(plainLabel(tr("Tokens are never stored here: File › Connect asks for "
                                     "one and keeps it in the system keychain."),
                                 page));

    connect(m_profileList, &QListWidget::currentRowChanged, this,
            &SettingsDialog::onProfileSelected);
    connect(m_addProfile, &QPushButton::clicked, this, &SettingsDialog::onAddProfile);
    connect(m_removeProfile, &QPushButton::clicked, this, &SettingsDialog::onRemoveProfile);
    for (QLineEdit *edit : {m_name, m_url, m_path, m_namespace, m_caFile, m_tokenFile})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::onProfileEdited);
    connect(m_allowUnencrypted, &QCheckBox::toggled, this, &SettingsDialog::onProfileEdited);
    return page;
}

QWidget *SettingsDialog::createHistoryPage()
{
    auto *page = new QWidget(this);
    m_historyLocation = new QLineEdit(page);
    m_historyLocation->setObjectName(QStringLiteral("historyLocation"));
    m_historyLocation->setAccessibleName(tr("History database"));
    // What an empty field means.
    m_historyLocation->setPlaceholderText(QDir::toNativeSeparators(
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("history.sqlite"))));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setAccessibleName(tr("Choose the history database"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::onBrowseHistory);

    m_rawRetention = new QSpinBox(page);
    m_rawRetention->setObjectName(QStringLiteral("rawRetention"));
    m_rawRetention->setAccessibleName(tr("Raw samples retention in hours"));
    m_rawRetention->setRange(0, 100 * 366 * 24);
    m_rawRetention->setSuffix(tr(" h"));
    m_rawRetention->setSpecialValueText(tr("Forever"));
    m_rollupRetention = new QSpinBox(page);
    m_rollupRetention->setObjectName(QStringLiteral("rollupRetention"));
    m_rollupRetention->setAccessibleName(tr("Per-minute summaries retention in days"));
    m_rollupRetention->setRange(0, 100 * 366);
    m_rollupRetention->setSuffix(tr(" days"));
    m_rollupRetention->setSpecialValueText(tr("Forever"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Database:"), withBrowseButton(m_historyLocation, browse, page));
    form->addRow(tr("Keep &raw samples:"), m_rawRetention);
    form->addRow(tr("Keep per-&minute summaries:"), m_rollupRetention);
    form->addRow(QString(), plainLabel(tr("Empty: the application's data folder. Changes "
                                          "apply the next time Meeting Monitor starts."),
                                       page));
    return page;
}

QWidget *SettingsDialog::createNotificationsPage()
{
    auto *page = new QWidget(this);
    m_notificationsEnabled = new QCheckBox(tr("Show &desktop notifications for alerts"), page);
    m_notificationsEnabled->setObjectName(QStringLiteral("notificationsEnabled"));
    m_repeatMinutes = new QSpinBox(page);
    m_repeatMinutes->setObjectName(QStringLiteral("repeatMinutes"));
    m_repeatMinutes->setAccessibleName(tr("Reminder interval in minutes"));
    m_repeatMinutes->setRange(1, 24 * 60);
    m_repeatMinutes->setSuffix(tr(" min"));
    connect(m_notificationsEnabled, &QCheckBox::toggled, m_repeatMinutes, &QWidget::setEnabled);

    auto *form = new QFormLayout(page);
    form->addRow(m_notificationsEnabled);
    form->addRow(tr("&Remind of an unacknowledged alert every:"), m_repeatMinutes);
    form->addRow(plainLabel(tr("Without notifications, alerts still show in the Alerts panel, "
                               "the tray icon and the banner."),
                            page));
    return page;
}

QWidget *SettingsDialog::createLanguagePage()
{
    auto *page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so that it can be found by those who read it.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QString::fromUtf8("Tiếng Việt"), QStringLiteral("vi"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("Lan&guage:"), m_language);
    form->addRow(QString(), plainLabel(tr("Applies the next time Meeting Monitor starts."),
                                       page));
    return page;
}

void SettingsDialog::loadValues()
{
    const AppSettings::ProfileLoad load = m_settings.loadProfiles();
    m_profiles = load.profiles;
    // Unusable profiles are listed too, to be fixed or removed.
    for (const AppSettings::RejectedProfile &rejected : load.rejected)
        if (!(rejected.profile == ConnectionProfile()))
            m_profiles.append(rejected.profile);
    const QStringList problems = load.problems();
    m_loadProblems->setText(problems.join(QLatin1Char('\n')));
    m_loadProblems->setVisible(!problems.isEmpty());

    m_profileList->clear();
    for (int row = 0; row < m_profiles.size(); ++row) {
        m_profileList->addItem(QString());
        updateProfileItem(row);
    }
    const QString last = m_settings.value(settingkeys::LastProfile);
    int current = 0;
    for (int row = 0; row < m_profiles.size(); ++row)
        if (m_profiles.at(row).name == last)
            current = row;
    m_profileList->setCurrentRow(m_profiles.isEmpty() ? -1 : current);
    showProfile(m_profileList->currentRow());

    m_historyLocation->setText(m_settings.value(settingkeys::HistoryLocation));
    m_rawRetention->setValue(m_settings.value(settingkeys::RawRetentionHours));
    m_rollupRetention->setValue(m_settings.value(settingkeys::RollupRetentionDays));
    m_notificationsEnabled->setChecked(m_settings.value(settingkeys::NotificationsEnabled));
    m_repeatMinutes->setValue(m_settings.value(settingkeys::NotificationRepeatMinutes));
    m_repeatMinutes->setEnabled(m_notificationsEnabled->isChecked());
    const int language = m_language->findData(m_settings.value(settingkeys::Language));
    m_language->setCurrentIndex(language < 0 ? 0 : language);
}

void SettingsDialog::selectProfile(const QString &name)
{
    m_pages->setCurrentIndex(0);
    for (int row = 0; row < m_profiles.size(); ++row)
        if (m_profiles.at(row).name == name)
            m_profileList->setCurrentRow(row);
}

void SettingsDialog::onProfileSelected(int row)
{
    showProfile(row);
}

void SettingsDialog::showProfile(int row)
{
    const bool valid = row >= 0 && row < m_profiles.size();
    m_profileForm->setEnabled(valid);
    m_removeProfile->setEnabled(valid);
    const ConnectionProfile profile = valid ? m_profiles.at(row) : ConnectionProfile();
    // Filling the fields must not count as editing them.
    m_showingProfile = true;
    m_name->setText(profile.name);
    m_url->setText(profile.gatewayUrl.toString());
    m_path->setText(profile.path);
    m_namespace->setText(profile.nspace);
    m_caFile->setText(profile.caFile);
    m_tokenFile->setText(profile.tokenFile);
    m_allowUnencrypted->setChecked(profile.allowUnencrypted);
    m_showingProfile = false;
    updateProfileProblems();
}

void SettingsDialog::onProfileEdited()
{
    const int row = m_profileList->currentRow();
    if (m_showingProfile || row < 0 || row >= m_profiles.size())
        return;
    ConnectionProfile &profile = m_profiles[row];
    profile.name = m_name->text().trimmed();
    profile.gatewayUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    profile.path = m_path->text().trimmed();
    profile.nspace = m_namespace->text().trimmed();
    profile.caFile = m_caFile->text().trimmed();
    profile.tokenFile = m_tokenFile->text().trimmed();
    profile.allowUnencrypted = m_allowUnencrypted->isChecked();
    updateProfileItem(row);
    updateProfileProblems();
}

void SettingsDialog::onAddProfile()
{
    ConnectionProfile profile;
    QString name = tr("New profile");
    for (int n = 2; std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                                [&name](const ConnectionProfile &p) { return p.name == name; });
         ++n)
        name = tr("New profile %1").arg(n);
    profile.name = name;
    m_profiles.append(profile);
    m_profileList->addItem(QString());
    updateProfileItem(int(m_profiles.size()) - 1);
    m_profileList->setCurrentRow(int(m_profiles.size()) - 1);
    m_url->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::onRemoveProfile()
{
    const int row = m_profileList->currentRow();
    if (row < 0 || row >= m_profiles.size())
        return;
    m_profiles.removeAt(row);
    delete m_profileList->takeItem(row);
    // Refresh the marks: removing one of two same-named profiles fixes the other.
    for (int i = 0; i < m_profiles.size(); ++i)
        updateProfileItem(i);
    showProfile(m_profileList->currentRow());
}

void SettingsDialog::onBrowseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Choose the gateway's CA certificate"), m_caFile->text(),
        tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

void SettingsDialog::onBrowseTokenFile()
{
    const QString file
        = QFileDialog::getOpenFileName(this, tr("Choose the token file"), m_tokenFile->text());
    if (!file.isEmpty())
        m_tokenFile->setText(file);
}

void SettingsDialog::onBrowseHistory()
{
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Choose the history database"), m_historyLocation->text(),
        tr("SQLite databases (*.sqlite *.db);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        m_historyLocation->setText(file);
}

QStringList SettingsDialog::problemsOf(int row) const
{
    QStringList result;
    const ConnectionProfile &profile = m_profiles.at(row);
    for (const ConnectionProfile::Problem &problem : profile.problems())
        result.append(problem.message);
    for (int other = 0; other < m_profiles.size(); ++other) {
        if (other != row && !profile.name.isEmpty() && m_profiles.at(other).name == profile.name) {
            result.append(tr("%1: another profile has the same name.")
                              .arg(connectionProfileFieldName(ConnectionProfile::Field::Name)));
            break;
        }
    }
    return result;
}

void SettingsDialog::updateProfileItem(int row)
{
    QListWidgetItem *item = m_profileList->item(row);
    if (!item)
        return;
    const bool valid = problemsOf(row).isEmpty();
    // A mark and words, not colour alone.
    item->setText(valid ? listedName(m_profiles.at(row))
                        : tr("%1 (invalid)").arg(listedName(m_profiles.at(row))));
    item->setIcon(valid ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
}

void SettingsDialog::updateProfileProblems()
{
    const int row = m_profileList->currentRow();
    const QStringList problems
        = row >= 0 && row < m_profiles.size() ? problemsOf(row) : QStringList();
    m_profileProblems->setText(problems.join(QLatin1Char('\n')));
    m_profileProblems->setVisible(!problems.isEmpty());
}

bool SettingsDialog::apply(QString *error)
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        const QStringList problems = problemsOf(row);
        if (problems.isEmpty())
            continue;
        m_pages->setCurrentIndex(0);
        m_profileList->setCurrentRow(row);
        const QString message = tr("Profile \"%1\": %2")
                                    .arg(listedName(m_profiles.at(row)), problems.first());
        showApplyError(message);
        if (error)
            *error = message;
        return false;
    }
    const QString location = m_historyLocation->text().trimmed();
    if (!location.isEmpty()) {
        const QFileInfo info(location);
        QString message;
        if (info.isDir())
            message = tr("History database: %1 is a folder; name a file.").arg(location);
        else if (!info.absoluteDir().exists())
            message = tr("History database: the folder %1 does not exist.")
                          .arg(QDir::toNativeSeparators(info.absolutePath()));
        if (!message.isEmpty()) {
            m_pages->setCurrentIndex(1);
            showApplyError(message);
            if (error)
                *error = message;
            return false;
        }
    }

    m_settings.saveProfiles(m_profiles);
    m_settings.setValue(settingkeys::HistoryLocation, location);
    m_settings.setValue(settingkeys::RawRetentionHours, m_rawRetention->value());
    m_settings.setValue(settingkeys::RollupRetentionDays, m_rollupRetention->value());
    m_settings.setValue(settingkeys::NotificationsEnabled, m_notificationsEnabled->isChecked());
    m_settings.setValue(settingkeys::NotificationRepeatMinutes, m_repeatMinutes->value());
    m_settings.setValue(settingkeys::Language, m_language->currentData().toString());
    QString syncError;
    if (!m_settings.sync(&syncError)) {
        showApplyError(syncError);
        if (error)
            *error = syncError;
        return false;
    }
    showApplyError(QString());
    return true;
}

QString SettingsDialog::applyError() const
{
    return m_applyError->text();
}

void SettingsDialog::showApplyError(const QString &error)
{
    m_applyError->setText(error);
    m_applyError->setVisible(!error.isEmpty());
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace mm
