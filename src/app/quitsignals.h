#pragma once

#include <QObject>

class QSocketNotifier;

// SIGTERM (kill PID), SIGINT (Ctrl+C in the shell) and SIGHUP (the terminal closed) turn into a
// signal emitted from the event loop, where quitting cleanly is safe: the handler itself only
// writes one byte to a socket pair (the self-pipe pattern; nothing else is async-signal-safe).
//
//   kill ──► handler: write(pipe) ──► QSocketNotifier ──► received(signal) ──► the window quits
//
// One instance per process: the handlers are process-wide.
class QuitSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuitSignals)

public:
    explicit QuitSignals(QObject *parent = nullptr);
    ~QuitSignals() override;

    // False when the socket pair could not be made (the signals then kill as before).
    bool isWatching() const { return m_notifier != nullptr; }

signals:
    void received(int signal);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};
