#pragma once

// Shared by the classroom tests: a classroom server in the test's own process, put together as
// pop3lab-server --class runs it (a Lab serving an accounts file from a temporary workspace on a
// free port, with no login delays; then, as a test needs them, the observer stream, the lesson
// followed per student and the answers port), every port on 127.0.0.1.
//
//   ClassServer server;
//   QVERIFY(server.start("alice passa sample:student\n"));   // or startClass(students)
//   QVERIFY(server.startObserver());                          // server.observer->port(), token()
//   QVERIFY(server.startLessons());                           // lesson 2 per student
//   QVERIFY(server.startAnswers());                           // server.answers->port()

#include "lab/answerserver.h"
#include "lab/classlessons.h"
#include "lab/classroster.h"
#include "lab/lab.h"
#include "lab/observerserver.h"
#include "lessons/lessonlibrary.h"
#include "mail/mailstore.h"

#include <QFile>
#include <QHostAddress>
#include <QTemporaryDir>

#include <memory>

struct ClassServer
{
    QTemporaryDir dir;
    std::unique_ptr<pop3::Lab> lab;
    std::unique_ptr<pop3::ObserverServer> observer;
    std::unique_ptr<pop3::ClassLessons> lessons;
    std::unique_ptr<pop3::AnswerServer> answers;

    ~ClassServer()
    {
        // The reverse of start: what listens on the lab goes before the lab.
        answers.reset();
        lessons.reset();
        observer.reset();
        lab.reset();
    }

    QString path(const QString &name) const { return dir.filePath(name); }

    // Serves an accounts file of this text (mailboxes relative to the temporary folder).
    bool start(const QByteArray &accountsText)
    {
        QFile file(path(QStringLiteral("accounts.txt")));
        if (!file.open(QIODevice::WriteOnly) || file.write(accountsText) != accountsText.size())
            return false;
        file.close();
        return serve(file.fileName());
    }

    // Serves these students, each with a copy of the sample mailbox, as --class does.
    bool startClass(const QList<pop3::ClassRoster::Student> &students)
    {
        const QString accounts = path(QStringLiteral("accounts.txt"));
        return pop3::ClassRoster::writeAccountsFile(
                   accounts, students, QStringLiteral("sample:student"))
            && serve(accounts);
    }

    bool startObserver()
    {
        observer = std::make_unique<pop3::ObserverServer>(lab.get());
        if (!observer->listen(QHostAddress(QHostAddress::LocalHost), 0))
            return false;
        if (lessons)
            observer->setClassLessons(lessons.get());
        return true;
    }

    // Follows the lesson for every account (fresh progress), as --class-lesson does; the
    // observer, if started, streams it.
    bool startLessons(const QString &lessonId = QStringLiteral("02-count-and-size"))
    {
        pop3::LessonLibrary library;
        library.load(pop3::LessonLibrary::defaultFolders());
        const std::optional<pop3::Lesson> lesson = library.lesson(lessonId, QStringLiteral("en"));
        if (!lesson)
            return false;
        lessons = std::make_unique<pop3::ClassLessons>(lab.get());
        if (!lessons->start(*lesson, lab->store()->users(), path(QStringLiteral("cp")), true))
            return false;
        if (observer)
            observer->setClassLessons(lessons.get());
        return true;
    }

    // The answers port; failureDelayMs >= 0 shortens the wait after a wrong password.
    bool startAnswers(int failureDelayMs = -1)
    {
        answers = std::make_unique<pop3::AnswerServer>(lab->store(), lessons.get());
        if (failureDelayMs >= 0)
            answers->setFailureDelay(failureDelayMs);
        return bool(answers->listen(QHostAddress(QHostAddress::LocalHost), 0));
    }

private:
    bool serve(const QString &accountsFile)
    {
        lab = std::make_unique<pop3::Lab>();
        pop3::Lab::Config config;
        config.workspace = path(QStringLiteral("ws"));
        config.progressFolder = path(QStringLiteral("progress"));
        config.samples = false;
        config.accountsFile = accountsFile;
        config.listen.port = 0;
        config.listen.loginDelays = false;
        return bool(lab->start(config));
    }
};
