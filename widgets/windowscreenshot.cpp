#include "windowscreenshot.h"

#include "detailarea.h"
#include "mainwindow.h"

#include <QPixmap>

#include <algorithm>

namespace mm {

WindowScreenshot::WindowScreenshot(MainWindow &window, QString file, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_file(std::move(file))
{
    m_delay.setSingleShot(true);
    connect(&m_delay, &QTimer::timeout, this, &WindowScreenshot::onDelayPassed);
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &WindowScreenshot::onPoll);
}

void WindowScreenshot::start(int delayMs)
{
    m_poll.stop();
    m_delay.start(std::max(0, delayMs));
}

void WindowScreenshot::onDelayPassed()
{
    m_settling.start();
    onPoll();
    if (m_settling.isValid())
        m_poll.start();
}

void WindowScreenshot::onPoll()
{
    // The chart's read runs on the reader's thread; its answer arrives as a
    // queued signal, so polling here lets it be drawn before the grab.
    const bool settled = !m_window.detailArea()->isLoading();
    if (settled || m_settling.elapsed() >= MaxSettleMs)
        take(settled);
}

void WindowScreenshot::take(bool settled)
{
    m_poll.stop();
    m_settling.invalidate();
    const QPixmap picture = m_window.grab();
    const bool saved = !picture.isNull() && picture.save(m_file, "PNG");
    emit taken(saved, settled);
}

} // namespace mm
