#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace mm {

class MainWindow;

// The window's --screenshot: once the delay has passed it waits (at most
// MaxSettleMs more) until no history read is pending, so that a long chart
// window is pictured drawn and not as "Reading history…", then saves a
// picture of the window as PNG and says how it went.
class WindowScreenshot final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxSettleMs = 30'000;
    static constexpr int PollMs = 100;

    WindowScreenshot(MainWindow &window, QString file, QObject *parent = nullptr);

    // Takes the picture `delayMs` from now (or later, see above).
    void start(int delayMs);

signals:
    // saved: the file was written; settled: no history read was pending
    // when the picture was taken (false when MaxSettleMs ran out).
    void taken(bool saved, bool settled);

private:
    void onDelayPassed();
    void onPoll();
    void take(bool settled);

    MainWindow &m_window;
    QString m_file;
    QTimer m_delay;
    QTimer m_poll;
    QElapsedTimer m_settling;
};

} // namespace mm
