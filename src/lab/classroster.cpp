#include "lab/classroster.h"

#include "mail/mailstore.h"
#include "mail/safefile.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>

namespace pop3 {

QList<ClassRoster::Student> ClassRoster::generate(int count, const QString &prefix, QString *error)
{
    if (count < 1 || count > maxStudents) {
        *error =
            QStringLiteral("a class has 1 to %1 students (got %2)").arg(maxStudents).arg(count);
        return {};
    }
    const int width = std::max(2, int(QString::number(count).size()));
    QList<Student> students;
    students.reserve(count);
    QSet<QString> passwords;
    for (int i = 1; i <= count; ++i) {
        Student s;
        s.user = prefix + QStringLiteral("%1").arg(i, width, 10, QLatin1Char('0'));
        if (const QString problem = MailStore::userNameProblem(s.user); !problem.isEmpty()) {
            *error = QStringLiteral("the prefix %1 makes invalid user names (%2 : %3)")
                         .arg(MailStore::quotedUserName(prefix), s.user, problem);
            return {};
        }
        // Two students never share a password: one could not log in as the other by mistake.
        do
            s.password = pronounceablePassword();
        while (passwords.contains(s.password));
        passwords.insert(s.password);
        students.append(s);
    }
    return students;
}

QString ClassRoster::pronounceablePassword(QRandomGenerator *rng)
{
    static const char consonants[] = "bdfghjkmnprstvwz"; // 16
    static const char vowels[] = "aeiu"; // 4: no 'o' (0)
    static const char digits[] = "23456789"; // 8: no 0, no 1
    QRandomGenerator *g = rng ? rng : QRandomGenerator::system();
    QString out;
    for (int i = 0; i < 4; ++i) {
        out += QLatin1Char(consonants[g->bounded(16)]);
        out += QLatin1Char(vowels[g->bounded(4)]);
    }
    out += QLatin1Char(digits[g->bounded(8)]);
    out += QLatin1Char(digits[g->bounded(8)]);
    return out;
}

Result ClassRoster::writeAccountsFile(
    const QString &path, const QList<Student> &students, const QString &mailbox)
{
    QByteArray text =
        QStringLiteral("# pop3lab class of %1, made %2: name password mailbox\n"
                       "# Serve it again with: pop3lab-server --accounts %3\n")
            .arg(students.size())
            .arg(QDateTime::currentDateTime().toString(Qt::ISODate), MailStore::accountsField(path))
            .toUtf8();
    const QString box = MailStore::accountsField(mailbox);
    for (const Student &s : students)
        text +=
            QStringLiteral("%1 %2 %3\n")
                .arg(MailStore::accountsField(s.user), MailStore::accountsField(s.password), box)
                .toUtf8();
    if (Result r = SafeFile::writeAtomically(path, text); !r)
        return Result::failure(
            QStringLiteral("cannot write the accounts file %1: %2").arg(path, r.error));
    return Result::success();
}

} // namespace pop3
