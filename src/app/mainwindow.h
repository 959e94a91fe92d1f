#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

class Announcer;
class DiagramPane;
class EavesdropperPane;
class FocusRing;
class LessonPane;
class PaneSwitcher;
class MaildropPane;
class PresentationMode;
class ReplayPane;
class QDockWidget;
class QLabel;
class QPushButton;
class QMenu;
class TerminalPane;
class TerminalSession;

namespace pop3 {
class Lab;
}

// Lays out the panes and connects them; it owns no protocol logic. The terminal is central; the
// maildrop, the sequence diagram and the lessons are docks the View menu toggles.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(pop3::Lab *lab, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the window as main() does: maximized at the first start (no saved geometry) on a
    // screen too small for 1400×900 and its frame, so that it never runs off a 1280×720 screen.
    void showAtStart();

    TerminalPane *terminalPane() const { return m_terminal; }

    MaildropPane *maildropPane() const { return m_maildrop; }

    DiagramPane *diagramPane() const { return m_diagram; }

    LessonPane *lessonPane() const { return m_lessons; }

    Announcer *announcer() const { return m_announcer; }

    PresentationMode *presentation() const { return m_presentation; }

    ReplayPane *replayPane() const { return m_replay; }

    EavesdropperPane *eavesdropperPane() const { return m_eavesdropper; }

    // The View menu, for the menus main() adds (View > Language).
    QMenu *viewMenu() const;

    // Restores user's pristine mailbox; asks first (when ask) if a session is open, and cuts the
    // sessions that hold it. False when cancelled or failed.
    bool resetMailbox(const QString &user, bool ask = true);
    // For the sessions that start from now on; an unknown one is refused and said so.
    void setPersonality(const QString &idOrPath);
    // Starts lesson id (pop3lab --lesson) with its pane in front of the maildrop's, the keyboard
    // left where it is (the terminal the first step types in). False for an unknown lesson.
    bool startLesson(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void createPaneActions();
    void retranslatePaneActions();
    void connectActions();
    void announceRow(quint64 seq);
    void updateWidgets();
    void currentSessionChanged(TerminalSession *session);
    void saveTranscript();
    void showPreferences();
    void showAbout();
    void zoom(int delta);

    std::unique_ptr<Ui::MainWindow> m_ui;
    pop3::Lab *m_lab;
    TerminalPane *m_terminal;
    MaildropPane *m_maildrop = nullptr;
    DiagramPane *m_diagram = nullptr;
    LessonPane *m_lessons = nullptr;
    PresentationMode *m_presentation = nullptr;
    ReplayPane *m_replay = nullptr;
    EavesdropperPane *m_eavesdropper = nullptr;
    QDockWidget *m_eavesdropperDock = nullptr;
    QLabel *m_endpointLabel;
    QLabel *m_personalityLabel;
    QLabel *m_sessionsLabel;
    Announcer *m_announcer;
    FocusRing *m_focusRing;
    PaneSwitcher *m_panes; // Ctrl+1..6: terminal, diagram, maildrop, lessons, replay, eavesdropper
    QAction *m_closeEndedAction = nullptr;
    bool m_maximizeAtStart = false;
    QPushButton *m_openHandInButton = nullptr; // shown once a hand-in is written
};
