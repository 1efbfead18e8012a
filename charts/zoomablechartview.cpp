#include "zoomablechartview.h"

#include "plotstack.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QLayout>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <algorithm>

namespace mm {

void ZoomableChartView::zoomTo(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return;
    m_zoomFrom = fromMs;
    m_zoomTo = toMs;
    const bool was = m_zoomed;
    m_zoomed = true;
    redraw();
    if (!was)
        emit zoomChanged(true);
}

void ZoomableChartView::resetZoom()
{
    if (!m_zoomed)
        return;
    m_zoomed = false;
    redraw();
    emit zoomChanged(false);
}

void ZoomableChartView::bindPlots(PlotStack *plots)
{
    // Every view binds its plots once, in its constructor: the place for
    // what all three share.
    m_saveAction = new QAction(tr("Save chart as…"), this);
    m_saveAction->setObjectName(QStringLiteral("saveChartAction"));
    m_saveAction->setToolTip(tr("Save this chart as a PNG image or a PDF (vector) file"));
    connect(m_saveAction, &QAction::triggered, this, &ZoomableChartView::promptSaveChart);
    addAction(m_saveAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(plots, &PlotStack::hoverLeft, plots, &PlotStack::hideHover);
    connect(plots, &PlotStack::zoomRequested, this, &ZoomableChartView::zoomTo);
    connect(plots, &PlotStack::columnsChanged, this, [this] { redraw(); });
}

void ZoomableChartView::setWindow(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = std::max(fromMs + 1, toMs);
}

void ZoomableChartView::dropZoom()
{
    if (!m_zoomed)
        return;
    m_zoomed = false;
    emit zoomChanged(false);
}

bool ZoomableChartView::saveChart(const QString &path, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    // A view that was never shown has no layout and its QChartViews were
    // never resized: rendered as it is, the plots come out clipped to a
    // default size, with axes from another size. Such a view (a window of
    // its own) is drawn while shown off screen, and hidden again after.
    struct OffscreenShow
    {
        QWidget *widget = nullptr;
        bool wasOffscreen = false;
        ~OffscreenShow()
        {
            if (!widget)
                return;
            widget->hide();
            widget->setAttribute(Qt::WA_DontShowOnScreen, wasOffscreen);
        }
    } shown;
    if (isWindow() && !isVisible()) {
        shown.widget = this;
        shown.wasOffscreen = testAttribute(Qt::WA_DontShowOnScreen);
        setAttribute(Qt::WA_DontShowOnScreen, true);
        show();
    }
    // Qt Charts lays out axes and plot areas in posted events, in waves (a
    // resize posts a layout, a layout a geometry change): right after new
    // data or a first show they still describe the old state. Deliver them
    // first, or the file shows lines and axes that disagree.
    for (int wave = 0; wave < 4; ++wave) {
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        if (shown.widget)
            grab(); // a paint: Qt Charts finishes some geometry only there
    }
    if (width() <= 0 || height() <= 0)
        return fail(tr("The chart has no size."));

    QSaveFile file(path);
    // Never write in place: a failed save must leave an existing file as it was.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const bool pdf = QFileInfo(path).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) == 0;
    if (pdf) {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Meeting Monitor"));
        // One page the size of the view (1 px = 1/96 in), nothing around it.
        const QSizeF points(width() * 72.0 / 96.0, height() * 72.0 / 96.0);
        writer.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return fail(tr("Cannot start the PDF."));
        }
        const double scale = double(writer.width()) / double(width());
        painter.scale(scale, scale);
        // The widgets paint into the PDF engine: lines, areas and text stay
        // vectors and text, as on screen.
        render(&painter);
        painter.end();
    } else {
        const QImage image = grab().toImage();
        if (image.isNull() || !image.save(&file, "PNG")) {
            file.cancelWriting();
            return fail(file.errorString().isEmpty() ? tr("Cannot encode the image.")
                                                     : file.errorString());
        }
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

void ZoomableChartView::promptSaveChart()
{
    AppSettings settings;
    QString folder = settings.value(settingkeys::LastExportFolder);
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString pngFilter = tr("PNG image (*.png)");
    const QString pdfFilter = tr("PDF document (*.pdf)");
    QString selectedFilter = pngFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Save chart as"),
                                                QDir(folder).filePath(tr("chart.png")),
                                                pngFilter + QStringLiteral(";;") + pdfFilter,
                                                &selectedFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("png") && suffix != QStringLiteral("pdf"))
        path += selectedFilter == pdfFilter ? QStringLiteral(".pdf") : QStringLiteral(".png");
    settings.setValue(settingkeys::LastExportFolder, QFileInfo(path).absolutePath());
    QString error;
    if (!saveChart(path, &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Save chart"),
                        tr("The chart could not be saved to %1:\n%2")
                            .arg(QDir::toNativeSeparators(path), error),
                        QMessageBox::Close, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
}

} // namespace mm
