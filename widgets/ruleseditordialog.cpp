#include "ruleseditordialog.h"

#include "core/clock.h"
#include "core/quality.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QEventLoop>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm {

namespace {

constexpr double MaxSeconds = 24 * 3600;

QDoubleSpinBox *secondsSpin(QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(0, MaxSeconds);
    spin->setDecimals(0);
    spin->setSuffix(RulesEditorDialog::tr(" s"));
    spin->setAccelerated(true);
    return spin;
}

qint64 msOf(const QDoubleSpinBox *spin)
{
    return qint64(std::llround(spin->value() * 1000.0));
}

QString unitOf(AlertType type)
{
    switch (type) {
    case AlertType::HighLatency:
    case AlertType::HighJitter:
        return RulesEditorDialog::tr(" ms");
    case AlertType::PacketLoss:
        return RulesEditorDialog::tr(" %");
    case AlertType::MeetingDegraded:
        return RulesEditorDialog::tr(" % of users");
    default:
        return {};
    }
}

double maxOf(AlertType type)
{
    switch (type) {
    case AlertType::HighLatency:
    case AlertType::HighJitter:
        return 60'000;
    default:
        return 100;
    }
}

void fillLevels(QComboBox *box)
{
    box->addItem(RulesEditorDialog::tr("Excellent"), int(Quality::Excellent));
    box->addItem(RulesEditorDialog::tr("Good"), int(Quality::Good));
    box->addItem(RulesEditorDialog::tr("Fair"), int(Quality::Fair));
    box->addItem(RulesEditorDialog::tr("Poor"), int(Quality::Poor));
}

} // namespace

RulesEditorDialog::RulesEditorDialog(const AlertRules &rules, const Clock &clock,
                                     SampleSource source, QString sourceDescription,
                                     QWidget *parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_source(std::move(source))
    , m_sourceDescription(std::move(sourceDescription))
    , m_base(rules)
{
    setObjectName(QStringLiteral("rulesEditor"));
    setWindowTitle(tr("Alert rules"));

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("rulesPreset"));
    m_preset->addItem(tr("Custom (current rules)"));
    for (const AlertRules::Preset preset : AlertRules::presets())
        m_preset->addItem(AlertRules::presetName(preset), int(preset));
    auto *presetRow = new QHBoxLayout;
    auto *presetLabel = new QLabel(tr("Start from &preset:"), this);
    presetLabel->setBuddy(m_preset);
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(m_preset);
    presetRow->addStretch(1);

    auto *grid = new QGridLayout;
    const QStringList headers {tr("Rule"),         tr("Severity"),    tr("Fires at"),
                               tr("Clears at"),    tr("Fires after"), tr("Clears after"),
                               tr("Minimum users")};
    for (int c = 0; c < headers.size(); ++c) {
        auto *label = new QLabel(headers[c], this);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        grid->addWidget(label, 0, c);
    }
    for (int t = 0; t < AlertTypeCount; ++t) {
        const auto type = AlertType(t);
        Row &row = m_rows[size_t(t)];
        const int r = t + 1;
        row.enabled = new QCheckBox(alertTypeDisplayName(type), this);
        row.enabled->setObjectName(QStringLiteral("enabled-") + alertTypeName(type));
        grid->addWidget(row.enabled, r, 0);
        row.severity = new QComboBox(this);
        row.severity->addItem(severityDisplayName(Severity::Warning), int(Severity::Warning));
        row.severity->addItem(severityDisplayName(Severity::Critical), int(Severity::Critical));
        grid->addWidget(row.severity, r, 1);
        if (type == AlertType::PoorConnection) {
            row.fireLevel = new QComboBox(this);
            row.clearLevel = new QComboBox(this);
            fillLevels(row.fireLevel);
            fillLevels(row.clearLevel);
            row.fireLevel->setToolTip(tr("Fires at this level or worse"));
            row.clearLevel->setToolTip(tr("Clears at this level or better"));
            grid->addWidget(row.fireLevel, r, 2);
            grid->addWidget(row.clearLevel, r, 3);
        } else if (type != AlertType::GatewayDown) {
            row.fire = new QDoubleSpinBox(this);
            row.clear = new QDoubleSpinBox(this);
            for (QDoubleSpinBox *spin : {row.fire, row.clear}) {
                spin->setRange(0, maxOf(type));
                spin->setDecimals(type == AlertType::PacketLoss ? 1 : 0);
                spin->setSuffix(unitOf(type));
            }
            row.fire->setObjectName(QStringLiteral("fire-") + alertTypeName(type));
            row.clear->setObjectName(QStringLiteral("clear-") + alertTypeName(type));
            row.fire->setToolTip(tr("Fires above this value"));
            row.clear->setToolTip(tr("Clears below this value (the gap avoids flapping)"));
            grid->addWidget(row.fire, r, 2);
            grid->addWidget(row.clear, r, 3);
        } else {
            auto *note = new QLabel(tr("no connection, or no data while meetings are active"), this);
            note->setWordWrap(true);
            grid->addWidget(note, r, 2, 1, 2);
        }
        row.hold = secondsSpin(this);
        row.clearAfter = secondsSpin(this);
        grid->addWidget(row.hold, r, 4);
        grid->addWidget(row.clearAfter, r, 5);
        if (type == AlertType::MeetingDegraded) {
            row.minUsers = new QSpinBox(this);
            row.minUsers->setRange(1, 10'000);
            row.minUsers->setToolTip(tr("At least this many users must be poor"));
            grid->addWidget(row.minUsers, r, 6);
        }
    }
    auto *rulesBox = new QGroupBox(tr("Rules"), this);
    rulesBox->setLayout(grid);

    m_reopen = secondsSpin(this);
    m_userGone = secondsSpin(this);
    m_gatewayResolve = secondsSpin(this);
    m_gatewaySilence = secondsSpin(this);
    auto *timing = new QFormLayout;
    timing->addRow(tr("A resolved alert that fires again within this time reopens:"), m_reopen);
    timing->addRow(tr("A user silent this long has left (alerts end):"), m_userGone);
    timing->addRow(tr("A gateway alert resolves after this long without repeats:"),
                   m_gatewayResolve);
    timing->addRow(tr("No data this long while meetings are active counts as gateway down "
                      "(0: off):"),
                   m_gatewaySilence);
    auto *timingBox = new QGroupBox(tr("Timing"), this);
    timingBox->setLayout(timing);

    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("rulesValidation"));
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->setWordWrap(true);
    QPalette warn = m_validation->palette();
    warn.setColor(QPalette::WindowText, QColor(0xc5, 0x22, 0x1f));
    m_validation->setPalette(warn);

    m_previewButton = new QPushButton(tr("&Preview on history"), this);
    m_previewButton->setObjectName(QStringLiteral("rulesPreviewButton"));
    m_previewButton->setEnabled(bool(m_source));
    // Wide enough for both of its texts (it turns into Cancel while running).
    m_previewButton->setText(tr("&Cancel preview"));
    const int cancelWidth = m_previewButton->sizeHint().width();
    m_previewButton->setText(tr("&Preview on history"));
    m_previewButton->setMinimumWidth(std::max(cancelWidth, m_previewButton->sizeHint().width()));
    // Plain text that scrolls: the result runs to several lines, and never
    // gets cut off where the screen is too small for the whole dialog.
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("rulesPreviewText"));
    m_preview->setReadOnly(true);
    m_preview->setFrameShape(QFrame::NoFrame);
    m_preview->viewport()->setAutoFillBackground(false);
    m_preview->setMinimumHeight(fontMetrics().lineSpacing() * 8);
    m_preview->setPlainText(m_source ? tr("How many incidents would these rules have raised? "
                                     "Samples: %1.")
                                      .arg(m_sourceDescription)
                                : tr("No history to preview on."));
    // Shown only when a run takes more than a moment (the first tick).
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("rulesPreviewProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setVisible(false);
    m_runner = new AlertPreviewRunner(this);
    connect(m_runner, &AlertPreviewRunner::finished, this, &RulesEditorDialog::onPreviewFinished);
    m_progressTimer.setInterval(250);
    connect(&m_progressTimer, &QTimer::timeout, this, &RulesEditorDialog::onProgressTick);
    auto *previewRow = new QHBoxLayout;
    previewRow->addWidget(m_previewButton);
    previewRow->addWidget(m_progress, 1);
    auto *previewLayout = new QVBoxLayout;
    previewLayout->addLayout(previewRow);
    previewLayout->addWidget(m_preview, 1);
    auto *previewBox = new QGroupBox(tr("Preview"), this);
    previewBox->setLayout(previewLayout);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                         | QDialogButtonBox::RestoreDefaults,
                                     this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { applyPreset(AlertRules::Preset::Plan); });
    connect(m_previewButton, &QPushButton::clicked, this, &RulesEditorDialog::onPreviewClicked);
    connect(m_preset, &QComboBox::activated, this, &RulesEditorDialog::onPresetActivated);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(presetRow);
    layout->addWidget(rulesBox);
    layout->addWidget(timingBox);
    layout->addWidget(m_validation);
    layout->addWidget(previewBox, 1);
    layout->addWidget(m_buttons);

    setRules(rules);

    // Every field re-validates.
    for (Row &row : m_rows) {
        connect(row.enabled, &QCheckBox::toggled, this, &RulesEditorDialog::onEdited);
        connect(row.severity, &QComboBox::currentIndexChanged, this, &RulesEditorDialog::onEdited);
        for (QDoubleSpinBox *spin : {row.fire, row.clear, row.hold, row.clearAfter}) {
            if (spin)
                connect(spin, &QDoubleSpinBox::valueChanged, this, &RulesEditorDialog::onEdited);
        }
        for (QComboBox *box : {row.fireLevel, row.clearLevel}) {
            if (box)
                connect(box, &QComboBox::currentIndexChanged, this, &RulesEditorDialog::onEdited);
        }
        if (row.minUsers)
            connect(row.minUsers, &QSpinBox::valueChanged, this, &RulesEditorDialog::onEdited);
    }
    for (QDoubleSpinBox *spin : {m_reopen, m_userGone, m_gatewayResolve, m_gatewaySilence})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &RulesEditorDialog::onEdited);
}

QPushButton *RulesEditorDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void RulesEditorDialog::setRules(const AlertRules &rules)
{
    m_loading = true;
    m_base = rules;
    for (int t = 0; t < AlertTypeCount; ++t) {
        const AlertRule &rule = rules.rule(AlertType(t));
        Row &row = m_rows[size_t(t)];
        row.enabled->setChecked(rule.enabled);
        row.severity->setCurrentIndex(row.severity->findData(int(rule.severity)));
        if (row.fire) {
            row.fire->setValue(rule.fireThreshold);
            row.clear->setValue(rule.clearThreshold);
        }
        if (row.fireLevel) {
            row.fireLevel->setCurrentIndex(row.fireLevel->findData(int(rule.fireThreshold)));
            row.clearLevel->setCurrentIndex(row.clearLevel->findData(int(rule.clearThreshold)));
        }
        row.hold->setValue(double(rule.holdMs) / 1000.0);
        row.clearAfter->setValue(double(rule.clearMs) / 1000.0);
        if (row.minUsers)
            row.minUsers->setValue(rule.minUsers);
    }
    m_reopen->setValue(double(rules.reopenWindowMs) / 1000.0);
    m_userGone->setValue(double(rules.userGoneMs) / 1000.0);
    m_gatewayResolve->setValue(double(rules.gatewayResolveMs) / 1000.0);
    m_gatewaySilence->setValue(double(rules.gatewaySilenceMs) / 1000.0);
    m_loading = false;
    onEdited();
}

AlertRules RulesEditorDialog::rules() const
{
    AlertRules rules = m_base;
    for (int t = 0; t < AlertTypeCount; ++t) {
        AlertRule &rule = rules.rule(AlertType(t));
        const Row &row = m_rows[size_t(t)];
        rule.enabled = row.enabled->isChecked();
        rule.severity = Severity(row.severity->currentData().toInt());
        if (row.fire) {
            rule.fireThreshold = row.fire->value();
            rule.clearThreshold = row.clear->value();
        }
        if (row.fireLevel) {
            rule.fireThreshold = row.fireLevel->currentData().toInt();
            rule.clearThreshold = row.clearLevel->currentData().toInt();
        }
        rule.holdMs = msOf(row.hold);
        rule.clearMs = msOf(row.clearAfter);
        if (row.minUsers)
            rule.minUsers = row.minUsers->value();
    }
    rules.reopenWindowMs = msOf(m_reopen);
    rules.userGoneMs = msOf(m_userGone);
    rules.gatewayResolveMs = msOf(m_gatewayResolve);
    rules.gatewaySilenceMs = msOf(m_gatewaySilence);
    return rules;
}

void RulesEditorDialog::applyPreset(AlertRules::Preset preset)
{
    setRules(AlertRules::preset(preset));
    m_preset->setCurrentIndex(m_preset->findData(int(preset)));
}

QString RulesEditorDialog::validationError() const
{
    return rules().validate().value_or(QString());
}

void RulesEditorDialog::onPresetActivated(int index)
{
    const QVariant preset = m_preset->itemData(index);
    if (preset.isValid())
        applyPreset(AlertRules::Preset(preset.toInt()));
}

void RulesEditorDialog::onEdited()
{
    if (m_loading)
        return;
    const QString error = validationError();
    m_validation->setText(error.isEmpty() ? QString() : tr("Cannot save: %1").arg(error));
    m_validation->setVisible(!error.isEmpty());
    okButton()->setEnabled(error.isEmpty());
    // A run under way judges rules that are no longer the edited ones.
    if (isPreviewRunning())
        cancelPreview();
    m_previewButton->setEnabled(error.isEmpty() && bool(m_source));
}

void RulesEditorDialog::setSourceSummary(std::function<QString()> summary)
{
    m_sourceSummary = std::move(summary);
}

bool RulesEditorDialog::isPreviewRunning() const
{
    return m_runId != 0;
}

void RulesEditorDialog::startPreview()
{
    if (!m_source || !validationError().isEmpty())
        return;
    const qint64 now = m_clock.nowMs();
    m_runId = m_runner->start(rules(), m_source, now - PreviewWindowMs, now + 1);
    m_previewButton->setText(tr("&Cancel preview"));
    m_preview->setPlainText(tr("Replaying the last 7 days of history through these rules…"));
    m_progress->setValue(0);
    m_progressTimer.start();
}

void RulesEditorDialog::cancelPreview()
{
    if (isPreviewRunning())
        m_runner->cancel();
}

void RulesEditorDialog::onPreviewClicked()
{
    if (isPreviewRunning())
        cancelPreview();
    else
        startPreview();
}

void RulesEditorDialog::onProgressTick()
{
    m_progress->setVisible(true);
    m_progress->setValue(m_runner->permille());
}

void RulesEditorDialog::onPreviewFinished(quint64 runId, const AlertPreviewResult &result)
{
    if (runId != m_runId)
        return; // a run replaced by a newer one
    m_runId = 0;
    m_progressTimer.stop();
    m_progress->setVisible(false);
    m_previewButton->setText(tr("&Preview on history"));
    showPreviewResult(result);
    emit previewFinished(result);
}

AlertPreviewResult RulesEditorDialog::runPreview()
{
    AlertPreviewResult out;
    startPreview();
    if (!isPreviewRunning())
        return out;
    QEventLoop loop;
    connect(this, &RulesEditorDialog::previewFinished, &loop,
            [&loop, &out](const AlertPreviewResult &result) {
                out = result;
                loop.quit();
            });
    loop.exec();
    return out;
}

void RulesEditorDialog::showPreviewResult(const AlertPreviewResult &result)
{
    if (result.cancelled) {
        m_preview->setPlainText(tr("Preview cancelled."));
        return;
    }
    if (!result.ok) {
        m_preview->setPlainText(tr("Preview failed: %1").arg(result.error));
        return;
    }
    if (result.samples == 0) {
        m_preview->setPlainText(tr("No samples in the history (%1) to preview on.")
                               .arg(m_sourceDescription));
        return;
    }
    const QLocale locale;
    const auto when = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                               QLocale::ShortFormat);
    };
    QStringList lines;
    lines << tr("Over %n sample(s) from %1 to %2 (%3), these rules would have raised:",
                nullptr, int(std::min<qint64>(result.samples, std::numeric_limits<int>::max())))
                 .arg(when(result.firstSampleMs), when(result.lastSampleMs), m_sourceDescription);
    for (int t = 0; t < AlertTypeCount; ++t) {
        const auto type = AlertType(t);
        if (type == AlertType::GatewayDown)
            continue; // not judged from samples
        lines << tr("  %1: %n incident(s)", nullptr, result.fired[size_t(t)])
                     .arg(alertTypeDisplayName(type));
    }
    lines << tr("Total: %n incident(s). Gateway down is not part of the preview.", nullptr,
                result.totalFired());
    if (m_sourceSummary) {
        const QString summary = m_sourceSummary();
        if (!summary.isEmpty())
            lines << summary;
    }
    m_preview->setPlainText(lines.join(QLatin1Char('\n')));
}

QString RulesEditorDialog::previewText() const
{
    return m_preview->toPlainText();
}

} // namespace mm
