#pragma once

#include "settings/connectionprofile.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace mm {

class AppSettings;

// Edit → Settings…: connection profiles, history, notifications and
// language, read from and written to AppSettings' typed keys when OK is
// pressed. Profiles the settings file holds but that are unusable (a
// malformed URL, a missing CA file, an unreadable token file) are listed
// with what is wrong, so they can be fixed or removed; OK refuses while any
// profile is invalid and names the profile, the field and why.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings &settings, QWidget *parent = nullptr);

    // The profiles as edited (not yet saved).
    const QList<ConnectionProfile> &profiles() const { return m_profiles; }
    // Shows the Connection profiles page with `name` selected.
    void selectProfile(const QString &name);

    // Validates everything and writes it to the settings; false with the
    // reason (also shown in the dialog) when something is invalid, and then
    // nothing is written. OK calls it and closes only when it succeeds.
    bool apply(QString *error = nullptr);
    // What apply() last refused, as shown; empty when nothing was.
    QString applyError() const;

    void accept() override;

private:
    QWidget *createProfilesPage();
    QWidget *createHistoryPage();
    QWidget *createNotificationsPage();
    QWidget *createLanguagePage();
    void loadValues();

    void onProfileSelected(int row);
    void onProfileEdited();
    void onAddProfile();
    void onRemoveProfile();
    void onBrowseCaFile();
    void onBrowseTokenFile();
    void onBrowseHistory();
    void showProfile(int row);
    void updateProfileProblems();
    void updateProfileItem(int row);
    // Problems of profile `row`, name clashes with the others included.
    QStringList problemsOf(int row) const;
    void showApplyError(const QString &error);

    AppSettings &m_settings;
    QList<ConnectionProfile> m_profiles;
    bool m_showingProfile = false;

    QTabWidget *m_pages = nullptr;
    QLabel *m_loadProblems = nullptr;
    QListWidget *m_profileList = nullptr;
    QPushButton *m_addProfile = nullptr;
    QPushButton *m_removeProfile = nullptr;
    QWidget *m_profileForm = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_namespace = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_tokenFile = nullptr;
    QCheckBox *m_allowUnencrypted = nullptr;
    QLabel *m_profileProblems = nullptr;

    QLineEdit *m_historyLocation = nullptr;
    QSpinBox *m_rawRetention = nullptr;
    QSpinBox *m_rollupRetention = nullptr;

    QCheckBox *m_notificationsEnabled = nullptr;
    QSpinBox *m_repeatMinutes = nullptr;

    QComboBox *m_language = nullptr;

    QLabel *m_applyError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mm
