#pragma once

#include "app/lessons/lessonexport.h"
#include "lessons/lessonlibrary.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTimer;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QTextBrowser;
class QToolButton;

namespace pop3 {
class Lab;
class LessonRunner;
struct LessonMistake;
} // namespace pop3

// The lessons dock: pick a lesson, read the current step (Markdown), see the checklist tick as
// the event stream shows each step done, answer questions, read hints and mistake explanations
// (with the bytes really sent), restart, and export the hand-in PDF. All checking is done by the
// learner's pop3::LessonRunner, which the Lab owns (a server can run lessons too); this pane only
// drives and shows it.
class LessonPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonPane)

public:
    explicit LessonPane(pop3::Lab *lab, QWidget *parent = nullptr);
    ~LessonPane() override;

    // Where the lab keeps progress, and for whom this pane runs lessons (default:
    // AppDataLocation/progress, the login name).
    void setProgressStore(const QString &folder, const QString &learner);
    // The lesson language (default: the UI locale's, falling back to English).
    void setLanguage(const QString &language);

    // The learner's name (asked once, remembered by the window): progress is kept per learner
    // and the name is printed on the hand-in. Until it is set, picking a lesson asks for it.
    void setLearner(const QString &name);

    QString learner() const { return m_learner; }

    // Hook for the hand-in's diagram: the name the live diagram gives a session ("Terminal 1").
    // The window wires it to the diagram pane's model; without it sessions are numbered.
    void setSessionNamer(LessonExport::SessionNamer namer) { m_sessionNamer = std::move(namer); }

    // The file name the hand-in is offered under: "<learner>-<lesson id>.pdf".
    QString defaultHandInName() const;

    // Starts lesson id (resuming saved progress unless fresh; fresh also asks for a mailbox reset).
    // setAside: sessions being quit for it, which count for nothing in it.
    bool startLesson(const QString &id, bool fresh = false, const QSet<int> &setAside = {});

    // The learner's runner (the lab's); its lesson is empty until one is started.
    pop3::LessonRunner *runner() const { return m_runner; }

    // Where the keyboard goes when the learner comes to the pane (Ctrl+4): the answer of the
    // question in hand, else null (the pane's first control, the lesson picker).
    QWidget *answerWidget() const;

    bool exportHandIn(const QString &path, QString *error = nullptr) const;
    bool hasLesson() const;
    // Export for hand-in: asks where (in the folder of the last hand-in), writes the PDF and
    // says so (handInWritten). False when no lesson is open.
    bool exportWithDialog();
    // The words of every mistake code in the current lesson's language (for the hand-in).
    QHash<QString, QString> mistakeTitles() const;

signals:
    // A lesson (re)starts and wants a pristine copy of user's mailbox; the window asks the user
    // first when a session is open, then calls MailStore::resetMailbox().
    void resetMailboxRequested(const QString &user);
    // A step asks for another server personality (lesson 8: rfc1939 for APOP), or a lesson
    // starts that quotes the wording of another one.
    void personalityRequested(const QString &id);
    // The learner picked a lesson, answered or pressed a lesson button: the next thing to type
    // goes into the terminal, so the window gives it the keyboard focus.
    void terminalFocusRequested();
    // A lesson starts while these sessions (of an earlier lesson) hold its mailbox's lock: the
    // learner asked to send QUIT in them.
    void quitSessionsRequested(const QList<int> &sessions);
    // The learner gave their name (the window remembers it).
    void learnerChanged(const QString &name);
    // A hand-in PDF was written there (the window says so and offers to open it).
    void handInWritten(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void attachRunner();
    bool askLearner();
    void applyLessonPersonality();
    void focusNext();
    void fillPicker();
    void pickLesson(int index);
    void restart();
    void exportClicked();
    void checkAnswer();
    void actionClicked();
    void showMistake(const pop3::LessonMistake &mistake);
    QString holderName(int session) const;
    QList<int> offerToQuitLeftovers(const QString &account);
    void showHint(int index, const QString &hint);
    void updateWidgets();
    void updateTimer();
    void renderStep();
    void retranslateUi();
    void fitChecklist();

    pop3::Lab *m_lab;
    pop3::LessonLibrary m_library;
    QString m_learner;
    pop3::LessonRunner *m_runner = nullptr; // the lab's, for m_learner
    LessonExport::SessionNamer m_sessionNamer;
    bool m_learnerKnown = false; // named by the learner (or the window), not the login name
    bool m_browsingPicker = false; // arrows in the closed picker: Return starts the lesson
    QString m_language;
    QString m_hintText; // Markdown: the hints revealed for the current step
    QString m_mistakeText; // Markdown: the latest mistake, with its bytes
    int m_mistakeStep = -1; // the step m_mistakeText was made in
    QString m_actionText; // Markdown: what the last action produced
    QString m_rightText; // Markdown: the question just answered right, until the next step

    QComboBox *m_picker;
    QPushButton *m_learnerButton;
    QPushButton *m_restartButton;
    QPushButton *m_exportButton;
    QProgressBar *m_progressBar;
    QLabel *m_timerLabel;
    QTimer *m_timerTick; // repaints the timer while the lesson times the learner
    QTextBrowser *m_stepView;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr; // the scrolled widget holding every control
    QListWidget *m_checklist;
    QToolButton *m_stepsToggle; // shows or folds the checklist
    std::optional<bool> m_checklistChoice; // the learner's, over the pane's height
    QLabel *m_questionLabel;
    QComboBox *m_choiceBox;
    QLineEdit *m_answerEdit;
    QPushButton *m_checkButton;
    QLabel *m_answerResult;
    QPushButton *m_actionButton;
    QPushButton *m_hintButton;
    QPushButton *m_skipButton;
    QTextBrowser *m_feedback;
};
