#pragma once

#include <QWidget>

class QAction;

namespace mm {

class PlotStack;

// What the user, meeting and fleet views share: the time window their data
// covers, and a zoom inside it that survives live updates.
class ZoomableChartView : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    void zoomTo(qint64 fromMs, qint64 toMs);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }

    // The range on screen: the zoom when zoomed, else the whole window.
    qint64 shownFrom() const { return m_zoomed ? m_zoomFrom : m_fromMs; }
    qint64 shownTo() const { return m_zoomed ? m_zoomTo : m_toMs; }

    // Saves the view as it is drawn: a ".pdf" path gives one vector PDF
    // page of the view's size (selectable text), anything else a PNG
    // screenshot. Written through QSaveFile: on failure (false, reason in
    // *error) no file is left and an existing one is untouched.
    bool saveChart(const QString &path, QString *error = nullptr);
    // Asks for a file (PNG or PDF, starting in the last folder used) and
    // saves; failures are shown in a message box.
    void promptSaveChart();
    // "Save chart as…" in the view's context menu.
    QAction *saveChartAction() const { return m_saveAction; }

signals:
    // The user dragged a range, or left the zoom; the owner may pause or
    // resume following live.
    void zoomChanged(bool zoomed);

protected:
    // What every view does with its plots: hide the hover box when the
    // mouse leaves, zoom to a dragged range, redraw when the width changes.
    void bindPlots(PlotStack *plots);
    void setWindow(qint64 fromMs, qint64 toMs);
    // Leaves the zoom without redrawing (the caller is about to).
    void dropZoom();
    virtual void redraw() = 0;

private:
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    qint64 m_zoomFrom = 0;
    qint64 m_zoomTo = 0;
    bool m_zoomed = false;
    QAction *m_saveAction = nullptr;
};

} // namespace mm
