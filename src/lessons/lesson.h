#pragma once

#include "events/event.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pop3 {

// A lesson as written by a teacher in lessons/<id>.<language>.json (format: lessons/README.md).
// Parsing validates everything a runner relies on, so a typo in a file is reported once, at
// load, as "file: steps[2].check.type: …", and never turns into a step that can't be ticked.

// What must be seen in the event stream for an action step to be ticked.
struct LessonCheck
{
    enum class Type {
        Connected,
        Command,
        Reply,
        State,
        LockCreated,
        LockRemoved,
        LockRefused,
        StaleLockCleared,
        MarkedDeleted,
        MarksReset,
        Expunged,
        Disconnected,
        Mailbox,
        Tls, // a session's TLS handshake completes (STLS or POP3S)
    };

    Type type = Type::Command;
    QString command; // Command: the keyword, upper case ("USER", "USER:")
    std::optional<QStringList> args; // Command: exactly these ("*": any one); unset: any
    std::optional<bool> replyOk; // Command/Reply: +OK (true) or -ERR (false); unset: any
    QString replyText; // Command/Reply: the status line contains it (any case)
    std::optional<bool> encrypted; // Command: sent inside TLS (true) or in clear (false)
    bool greeting = false; // Reply: only the greeting counts
    std::optional<bool> multiLine; // Reply: a multi-line reply (or not)
    State state = State::Transaction; // State
    QString reason; // Disconnected: "quit", "peer-closed", …; empty: any
    bool withMarks = false; // Disconnected: messages were still marked
    int message = 0; // MarkedDeleted/Expunged: this message number
    int count = 0; // Connected: open sessions; MarkedDeleted/Expunged: at least
    QString subjectContains; // MarkedDeleted/Expunged: count only these
    QString user; // Mailbox: the account (default: the lesson's)
    QString noSubjectContaining; // Mailbox: no message left whose subject contains it
    int minMessages = -1; // Mailbox
    int maxMessages = -1; // Mailbox
    QJsonObject source; // as written, to compare translations

    static QString typeName(Type type);
};

// A question the student answers in the pane. Live answers are computed from the mailbox when
// the student answers, so the lesson works on any mailbox, not only the sample.
struct LessonQuestion
{
    enum class Answer {
        MessageCount, // how many messages
        TotalOctets, // their total size (STAT's second number)
        MessageSize, // octets of message n (LIST n)
        MessageLines, // lines of message n (header, blank line and body)
        MessageUid, // unique-id of message n (UIDL n)
        MessageHeader, // a header of message n (Subject, From, Date)
        Choice, // one of fixed choices
        Text, // one of fixed accepted texts (protocol words, not translated)
    };

    QString prompt; // Markdown
    Answer answer = Answer::Text;
    int message = 0;
    QString header;
    QStringList choices;
    int correct = -1;
    QStringList accept;
    QString explanation; // Markdown, shown once answered right
    QJsonObject source; // the "answer" object as written

    static QString answerName(Answer answer);
};

// What a button of the pane does for a step.
struct LessonAction
{
    enum class Type {
        None,
        PlantStaleLock, // leave a lock as a crashed server would
        ApopDigest, // compute the APOP line from the last greeting
        Personality, // ask the window to switch the server's personality
    };
    Type type = Type::None;
    QString personality;
};

struct LessonStep
{
    QString id;
    QString title;
    QString text; // Markdown: what to type and why
    std::optional<LessonCheck> check;
    std::optional<LessonQuestion> question;
    QStringList hints; // Markdown, revealed one by one after wrong tries
    bool optional = false;
    bool quiz = false;
    LessonAction action;
};

struct Lesson
{
    static constexpr int currentFormat = 1;

    QString fileName;
    QString id;
    QString language;
    QString title;
    QString account = QStringLiteral("student");
    QString personality;
    QString intro; // Markdown
    QString summary; // Markdown, shown when finished
    QStringList goals;
    QList<LessonStep> steps; // the quiz items last, quiz == true
    QStringList mistakes; // mistake detectors on; empty: all
    QString timerFrom; // step ids: the lesson reports the time between their ticks
    QString timerTo;

    int indexOf(const QString &stepId) const;
    bool watchesMistake(const QString &code) const;

    static std::optional<Lesson> fromJson(
        const QByteArray &json, const QString &fileName, QString *error = nullptr);
    static std::optional<Lesson> load(const QString &path, QString *error = nullptr);
    // Differences that matter between two languages of one lesson (ids, checks, answers).
    static QStringList compareStructure(const Lesson &a, const Lesson &b);
};

// The classic mistakes the runner recognizes (see lessons/README.md).
QStringList lessonMistakeCodes();

} // namespace pop3
