#pragma once

#include "events/result.h"

#include <QList>
#include <QString>

class QRandomGenerator;

namespace pop3 {

// The accounts of a class made up at once (pop3lab-server --class N): student01..studentNN, each
// with a random, pronounceable password, written as an accounts file that MailStore reads back
// (so a restart with --accounts serves the same class with the same passwords).
//
//   generate(N, prefix) ──► names + passwords (system CSPRNG) ──► writeAccountsFile (0600)
class ClassRoster final
{
public:
    struct Student
    {
        QString user;
        QString password;
    };

    static constexpr int maxStudents = 999;
    static constexpr const char *defaultPrefix = "student";

    // count accounts named prefix + a number (two digits at least: student01); an empty list and
    // error set when count or prefix cannot make valid, distinct account names.
    static QList<Student> generate(int count, const QString &prefix, QString *error);

    // Eight letters in consonant-vowel pairs and two digits ("bafudimi47"): 30 bits from
    // rng (the system's CSPRNG by default), and nothing to mistake on a printed slip (no l/1, no
    // 0/o, no c/k pair).
    static QString pronounceablePassword(QRandomGenerator *rng = nullptr);

    // Writes the accounts file ("name password mailbox" per line) owner-only (0600), replacing
    // path in one rename. mailbox is an accounts-file mailbox: "sample:student" or a path.
    static Result writeAccountsFile(
        const QString &path, const QList<Student> &students, const QString &mailbox);
};

} // namespace pop3
