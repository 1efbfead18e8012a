#pragma once

#include "alerts/alertpreview.h"
#include "alerts/alertrules.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace mm {

class Clock;

// Edits every value of the alert rules, starting from the current ones or a
// preset (the plan's, Teams call-quality, ITU-T G.114). Invalid values are
// explained under the table and block OK. "Preview" replays the history
// through the edited rules and shows how many incidents each type would
// have raised, before anything is saved.
class RulesEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr qint64 PreviewWindowMs = 7 * 24 * 3600 * 1000LL;

    // `source` may be empty (no preview). `sourceDescription` says where the
    // samples come from, for the preview's caption.
    RulesEditorDialog(const AlertRules &rules, const Clock &clock, SampleSource source,
                      QString sourceDescription, QWidget *parent = nullptr);

    // The edited rules (valid when validationError() is empty).
    AlertRules rules() const;
    void setRules(const AlertRules &rules);
    void applyPreset(AlertRules::Preset preset);
    QString validationError() const; // empty when valid

    // Runs the preview now (tests call it directly).
    AlertPreviewResult runPreview();
    QString previewText() const;

    QComboBox *presetBox() const { return m_preset; }
    QPushButton *previewButton() const { return m_previewButton; }
    QDoubleSpinBox *fireSpin(AlertType type) const { return m_rows[size_t(type)].fire; }
    QDoubleSpinBox *clearSpin(AlertType type) const { return m_rows[size_t(type)].clear; }
    QPushButton *okButton() const;

private:
    struct Row
    {
        QCheckBox *enabled = nullptr;
        QComboBox *severity = nullptr;
        QDoubleSpinBox *fire = nullptr; // numeric thresholds
        QDoubleSpinBox *clear = nullptr;
        QComboBox *fireLevel = nullptr; // poor-connection
        QComboBox *clearLevel = nullptr;
        QDoubleSpinBox *hold = nullptr; // seconds
        QDoubleSpinBox *clearAfter = nullptr;
        QSpinBox *minUsers = nullptr; // meeting-degraded
    };

    void onPresetActivated(int index);
    void onEdited();

    const Clock &m_clock;
    SampleSource m_source;
    QString m_sourceDescription;
    AlertRules m_base; // values the dialog has no field for are kept
    std::array<Row, AlertTypeCount> m_rows {};
    QDoubleSpinBox *m_reopen = nullptr;
    QDoubleSpinBox *m_userGone = nullptr;
    QDoubleSpinBox *m_gatewayResolve = nullptr;
    QDoubleSpinBox *m_gatewaySilence = nullptr;
    QComboBox *m_preset = nullptr;
    QLabel *m_validation = nullptr;
    QPushButton *m_previewButton = nullptr;
    QLabel *m_preview = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_loading = false;
};

} // namespace mm
