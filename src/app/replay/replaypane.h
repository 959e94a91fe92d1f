#pragma once

#include "events/checkpoints.h"
#include "events/event.h"
#include "protocol/sessionfold.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

class MaildropPane;
class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QSlider;
class QToolButton;
class ReplayMaildrop;

namespace pop3 {
class EventLog;
class TraceReplayer;
} // namespace pop3

// Replay, step by step (issue 13): a saved trace, this session's log so far, or a ready-made
// scenario from resources/scenarios/ plays into a log of its own — never the live one — with
// play, pause, step forward and back, start/end, a speed from one event per key press to real
// time to fast, and a scrubber. What moves together on that log: the diagram (the window shows it
// under its banner), this pane's transcript and its maildrop pane over a scratch copy of the
// sample mailboxes. A step back truncates the replay's log: every view goes back from its nearest
// checkpoint (events/checkpoints.h), so it undoes exactly one event everywhere, in a few ms even
// at the end of a 100,000-event trace.
//
//   source ─► TraceReplayer ─► replay EventLog ─┬─► ReplayMaildrop (scratch files) ─► MaildropPane
//                                               ├─► transcript
//                                               └─► DiagramPane::showReplay (via started())
class ReplayPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayPane)

public:
    // live: the window's log, read (copied) only when "this session so far" is chosen.
    explicit ReplayPane(const pop3::EventLog *live, QWidget *parent = nullptr);
    ~ReplayPane() override;

    // The scenarios shipped in resources/scenarios/ (lab-sheet, lock-conflict, ...).
    static QStringList scenarios();
    static QString scenarioPath(const QString &name);

    bool loadScenario(const QString &name, QString *error = nullptr);
    bool loadFile(const QString &path, QString *error = nullptr);
    void loadLiveLog(); // the current session's events so far
    void loadEvents(const QList<pop3::Event> &events, const QString &what);
    // Ends the replay; the window goes back to live.
    void stop();

    bool isActive() const { return !m_what.isEmpty(); }

    QString what() const { return m_what; }

    enum class Pace {
        KeyPress, // no clock: Space steps
        Class, // one event every classPaceMs at least
        RealTime,
        Fast,
    };
    void setPace(Pace pace);
    void setClassPaceMs(int ms);

    pop3::TraceReplayer *replayer() const { return m_replayer; }

    pop3::EventLog *log() const { return m_log; }

    MaildropPane *maildropPane() const { return m_maildrop; }

    QString transcript() const;
    // Brings every view of this pane up to the replayer's position now (tests, benchmarks).
    void flush();

    // The keys' actions (Space, Shift+Space, arrows, Home, End, P): the window adds them too, so
    // that they reach the replay wherever the focus is while it runs (a hidden pane's do not).
    QList<QAction *> keyActions() const
    {
        return {m_toStart, m_stepBack, m_playPause, m_stepForward, m_toEnd, m_stop};
    }

    QAction *playPauseAction() const { return m_playPause; }

    // Selects the transcript's line of the replay log's event seq (the diagram's arrow clicked
    // during a replay); false when it has none on screen.
    bool highlightEvent(quint64 seq);
    QString selectedTranscriptLine() const;

    QAction *stepForwardAction() const { return m_stepForward; }

    QAction *stepBackAction() const { return m_stepBack; }

    QAction *stopAction() const { return m_stop; } // Back to live

signals:
    void started(pop3::EventLog *log, const QString &what);
    void stopped();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateWidgets();
    void addEvent(const pop3::Event &event);
    // null: the event writes no transcript line. cutBy: the teacher's fault that ended the
    // event's session, if any (a disconnection is told as the diagram tells it).
    QString lineFor(const pop3::Event &e, pop3::NoteKind cutBy = pop3::NoteKind::Other) const;
    bool writesLine(const pop3::Event &e) const;
    QString kindWords(const pop3::Event &e) const; // the scrubber's words for what happened
    void clearTranscript();
    void rewind(qsizetype size); // a step back: from the nearest checkpoint
    void syncTranscript();
    void positionChanged();
    void chooseFile();
    QString scenarioTitle(const QString &name) const;

    const pop3::EventLog *m_live;
    pop3::EventLog *m_log;
    pop3::TraceReplayer *m_replayer;
    ReplayMaildrop *m_files;
    MaildropPane *m_maildrop = nullptr;
    QPlainTextEdit *m_transcriptView = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_positionLabel = nullptr;
    QSlider *m_scrubber = nullptr;
    QToolButton *m_playButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QComboBox *m_paceCombo = nullptr;
    QToolButton *m_sourceButton = nullptr;
    QAction *m_toStart = nullptr;
    QAction *m_stepBack = nullptr;
    QAction *m_playPause = nullptr;
    QAction *m_stepForward = nullptr;
    QAction *m_toEnd = nullptr;
    QAction *m_stop = nullptr;
    QString m_what;
    QStringList m_lines; // the transcript's last lines, one per client line or reply
    qsizetype m_dropped = 0; // lines dropped from the front of m_lines (a long trace)
    qsizetype m_shownTotal = 0; // the transcript's line count the view shows the end of
    bool m_rebuild = false;
    int m_session = 0; // the last session an event was about (the maildrop pane follows it)
    QString m_user = QStringLiteral("student"); // the last user named (USER, a lock), or the first
    pop3::SessionFold m_fold; // who ended each session (the teacher's faults), for its words

    struct Saved
    {
        QStringList lines;
        qsizetype dropped = 0;
        int session = 0;
        QString user;
        pop3::SessionFold fold;
    };

    pop3::Checkpoints<Saved> m_checkpoints; // of the transcript
    qsizetype m_applied = 0; // events of the replay log in the transcript
    int m_classPaceMs = 1500;
    QTimer m_frame; // while playing, views catch up once per frame
};
