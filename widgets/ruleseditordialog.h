#pragma once

#include "alerts/alertpreview.h"
#include "alerts/alertrules.h"

#include <QDialog>
#include <QTimer>

#include <array>
#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace mm {

class Clock;

// Edits every value of the alert rules, starting from the current ones or a
// preset (the plan's, Teams call-quality, ITU-T G.114). Invalid values are
// explained under the table and block OK. "Preview" replays the last seven
// days of history through the edited rules, in AlertPreviewRunner's thread
// (a progress bar and Cancel show while it runs), and shows how many
// incidents each type would have raised, before anything is saved.
class RulesEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr qint64 PreviewWindowMs = 7 * 24 * 3600 * 1000LL;

    // `source` may be empty (no preview); it runs in the runner's thread, so
    // it must be safe there (historySampleSource, storeSnapshotSource).
    // `sourceDescription` says where the samples come from, for the
    // preview's caption.
    RulesEditorDialog(const AlertRules &rules, const Clock &clock, SampleSource source,
                      QString sourceDescription, QWidget *parent = nullptr);

    // The edited rules (valid when validationError() is empty).
    AlertRules rules() const;
    void setRules(const AlertRules &rules);
    void applyPreset(AlertRules::Preset preset);
    QString validationError() const; // empty when valid

    // Called after each finished preview, for a line about what the samples
    // were (e.g. how much was replayed from per-minute rollups).
    void setSourceSummary(std::function<QString()> summary);

    // Starts the preview in the background (cancelling one under way).
    void startPreview();
    void cancelPreview();
    bool isPreviewRunning() const;
    // Starts the preview and waits for it with a local event loop (tests).
    AlertPreviewResult runPreview();
    QString previewText() const;
    QProgressBar *previewProgress() const { return m_progress; }

    QComboBox *presetBox() const { return m_preset; }
    QPushButton *previewButton() const { return m_previewButton; }
    QDoubleSpinBox *fireSpin(AlertType type) const { return m_rows[size_t(type)].fire; }
    QDoubleSpinBox *clearSpin(AlertType type) const { return m_rows[size_t(type)].clear; }
    QPushButton *okButton() const;

signals:
    void previewFinished(const mm::AlertPreviewResult &result);

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
    void onPreviewClicked();
    void onPreviewFinished(quint64 runId, const mm::AlertPreviewResult &result);
    void onProgressTick();
    void showPreviewResult(const AlertPreviewResult &result);

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
    QPlainTextEdit *m_preview = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    AlertPreviewRunner *m_runner = nullptr;
    quint64 m_runId = 0;
    QTimer m_progressTimer;
    std::function<QString()> m_sourceSummary;
    bool m_loading = false;
};

} // namespace mm
