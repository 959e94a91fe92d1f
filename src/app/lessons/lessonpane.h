#pragma once

#include "app/lessons/lessonexport.h"
#include "lessons/lessonlibrary.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTextBrowser;

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

    // Hook for the hand-in: paints the sequence diagram into a rectangle. The window wires it to
    // DiagramPane::render(); without it the PDF has no diagram.
    void setDiagramRenderer(LessonExport::DiagramRenderer renderer)
    {
        m_diagram = std::move(renderer);
    }

    // Starts lesson id (resuming saved progress unless fresh; fresh also asks for a mailbox reset).
    bool startLesson(const QString &id, bool fresh = false);

    // The learner's runner (the lab's); its lesson is empty until one is started.
    pop3::LessonRunner *runner() const { return m_runner; }

    bool exportHandIn(const QString &path, QString *error = nullptr) const;

signals:
    // A lesson (re)starts and wants a pristine copy of user's mailbox; the window asks the user
    // first when a session is open, then calls MailStore::resetMailbox().
    void resetMailboxRequested(const QString &user);
    // A step asks for another server personality (lesson 8: rfc1939 for APOP).
    void personalityRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void attachRunner();
    bool hasLesson() const;
    void fillPicker();
    void pickLesson(int index);
    void restart();
    void exportClicked();
    void checkAnswer();
    void actionClicked();
    void showMistake(const pop3::LessonMistake &mistake);
    void showHint(int index, const QString &hint);
    void updateWidgets();
    void renderStep();
    void retranslateUi();

    pop3::Lab *m_lab;
    pop3::LessonLibrary m_library;
    QString m_learner;
    pop3::LessonRunner *m_runner = nullptr; // the lab's, for m_learner
    LessonExport::DiagramRenderer m_diagram;
    QString m_language;
    QString m_hintText; // Markdown: the hints revealed for the current step
    QString m_mistakeText; // Markdown: the latest mistake, with its bytes
    QString m_actionText; // Markdown: what the last action produced

    QComboBox *m_picker;
    QPushButton *m_restartButton;
    QPushButton *m_exportButton;
    QProgressBar *m_progressBar;
    QLabel *m_timerLabel;
    QTextBrowser *m_stepView;
    QListWidget *m_checklist;
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
