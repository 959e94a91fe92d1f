#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>

class ClassRollModel;
class LabResultsModel;
class ResultsPane;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTabWidget;
class QTimer;
class StudentWindow;

namespace pop3 {
class EventLog;
class ObserverClient;
struct Event;
struct LabQuestion;
} // namespace pop3

// The teacher's overview of a class (docs/classroom.md): connects to a classroom server's
// observer stream and shows one row per student, the ones in trouble standing out; a row opens
// that student's own live diagram and transcript; a student's mailbox can be reset from here.
//
//   ObserverClient ──eventReceived──► ClassRollModel (the rows) ──► proxy (sort, filter) ──► table
//                                 └──► the student's own EventLog ──► StudentWindow (on demand)
class ClassOverview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassOverview)

public:
    explicit ClassOverview(QWidget *parent = nullptr);
    ~ClassOverview() override;

    void connectTo(const QString &host, quint16 port, const QByteArray &token);

    ClassRollModel *model() const { return m_model; }

    QSortFilterProxyModel *proxy() const { return m_proxy; }

    QTableView *table() const { return m_table; }

    // The "Lab results" tab and its model.
    ResultsPane *resultsPane() const { return m_results; }

    LabResultsModel *resultsModel() const { return m_resultsModel; }

    QTabWidget *tabs() const { return m_tabs; }

    QString statusText() const;
    // The banner over the tabs once the stream has ended (the table is the class as it was
    // then): its text, empty while the table is live.
    QString notLiveText() const;
    // The events the stream gave for user (empty log if none yet); never null.
    pop3::EventLog *studentLog(const QString &user);
    // The window of user's diagram, opening it if needed.
    StudentWindow *openStudent(const QString &user);

    // The window of user's diagram if it is open, else null.
    StudentWindow *studentWindow(const QString &user) const;

    // Asks, then has the server reset the mailbox of the student of the current row.
    void confirmResetCurrent();

signals:
    void joined();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateWidgets();
    void connectFromUi();
    void receive(const pop3::Event &event);
    QString currentUser() const;
    QString shownName(const QString &user) const;
    QString classServerWords() const;
    QString joinedEndpoint() const; // the POP3 address the hello gave, as the class reaches it
    void askForBodies();
    // The status line; words is called again when the language changes (so it keeps what it
    // needs by value).
    void setStatus(std::function<QString()> words);
    void showNotLive(); // the banner, in the window's language, or hidden while live
    void zoom(int delta);
    void takeLesson(const QString &id,
        const QString &title,
        const QStringList &stepIds,
        const QStringList &stepTitles,
        const QList<pop3::LabQuestion> &questions);
    void wordLesson();
    void fitColumns();
    void widenColumns();

    pop3::ObserverClient *m_client;
    ClassRollModel *m_model;
    LabResultsModel *m_resultsModel;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_tokenLabel;
    QLineEdit *m_token;
    QPushButton *m_connect;
    QLineEdit *m_filter;
    QCheckBox *m_anonymise;
    QTabWidget *m_tabs;
    QTableView *m_table;
    ResultsPane *m_results;
    QPushButton *m_open;
    QPushButton *m_reset;
    QLabel *m_status;
    std::function<QString()> m_statusWords;
    QLabel *m_notLive; // the banner: not live since when, and why
    qint64 m_notLiveSinceMs = -1;
    std::function<QString()> m_notLiveWhy;
    QTimer *m_widen; // the columns grow to new contents at most once a second
    std::map<QString, std::unique_ptr<pop3::EventLog>> m_logs;
    QHash<int, QList<pop3::Event>> m_pending; // a session's events before it names a student
    QHash<QString, QPointer<StudentWindow>> m_windows;
    bool m_connecting = false;
    // The class's lesson as the server sent it (its words are the server's language; the window
    // words it in its own when it has the lesson too).
    QString m_classEndpoint; // where the students' POP3 server is, as joined
    QString m_lessonId;
    QString m_lessonTitle;
    QHash<QString, QString> m_serverStepTitles;
    QList<pop3::LabQuestion> m_questions;
};
