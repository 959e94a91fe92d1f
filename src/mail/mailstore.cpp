#include "mail/mailstore.h"

#include "events/datafolder.h"
#include "events/eventlog.h"
#include "mail/safefile.h"
#include "protocol/replybody.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void initMailboxResources()
{
    Q_INIT_RESOURCE(mailbox);
}

namespace pop3 {

namespace {

// Copies a file or a folder tree into a new place (nothing there is followed or overwritten: it is
// created); files from resources arrive read-only, so permissions are set.
Result copyTree(const QString &from, const QString &to)
{
    const QFileInfo src(from);
    if (src.isDir()) {
        if (::mkdir(QFile::encodeName(to).constData(), 0750) != 0)
            return Result::failure(QStringLiteral("cannot create %1: %2")
                                       .arg(to, QString::fromLocal8Bit(std::strerror(errno))));
        QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        while (it.hasNext()) {
            it.next();
            if (Result r = copyTree(it.filePath(), QDir(to).filePath(it.fileName())); !r)
                return r;
        }
        return Result::success();
    }
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return Result::failure(QStringLiteral("cannot read %1: %2").arg(from, in.errorString()));
    const int fd = ::open(QFile::encodeName(to).constData(),
        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
        0640);
    QFile out;
    if (fd < 0 || !out.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return Result::failure(QStringLiteral("cannot write %1: %2").arg(to, reason));
    }
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (out.write(chunk) != chunk.size())
            return Result::failure(
                QStringLiteral("cannot write %1: %2").arg(to, out.errorString()));
    }
    if (!out.flush())
        return Result::failure(QStringLiteral("cannot write %1: %2").arg(to, out.errorString()));
    return Result::success();
}

// Puts fresh where target is, in one step: renamed over a file; exchanged with a folder
// (renameat2 RENAME_EXCHANGE), the old one then removed. Where the file system cannot exchange,
// the old folder is moved aside first: a kill between the two renames leaves no copy, and the next
// start makes a whole new one.
Result switchIn(const QString &fresh, const QString &target)
{
    const QByteArray from = QFile::encodeName(fresh);
    const QByteArray to = QFile::encodeName(target);
    const SafeFile::Kind present = SafeFile::kind(target);
    auto failure = [&target](const char *what) {
        return Result::failure(
            QStringLiteral("cannot %1 %2: %3")
                .arg(QLatin1String(what), target, QString::fromLocal8Bit(std::strerror(errno))));
    };
    if (present != SafeFile::Kind::Dir || SafeFile::kind(fresh) != SafeFile::Kind::Dir) {
        // A folder is not renamed over a file, nor over a link (which is removed, not followed).
        const bool kindsDiffer = present != SafeFile::Kind::Missing
            && (present == SafeFile::Kind::Dir) != (SafeFile::kind(fresh) == SafeFile::Kind::Dir);
        if (kindsDiffer && !SafeFile::removeTree(target))
            return failure("remove the old copy");
        if (::rename(from.constData(), to.constData()) != 0)
            return failure("put the new copy in place as");
        return Result::success();
    }
#ifdef RENAME_EXCHANGE
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_EXCHANGE) == 0) {
        SafeFile::removeTree(fresh); // the old copy, now under the temporary name
        return Result::success();
    }
    if (errno != EINVAL && errno != ENOSYS)
        return failure("exchange the new copy with");
#endif
    const QString old = SafeFile::temporaryFor(target, QStringLiteral("pop3lab-old"));
    SafeFile::removeTree(old);
    if (::rename(to.constData(), QFile::encodeName(old).constData()) != 0)
        return failure("move aside the old copy");
    if (::rename(from.constData(), to.constData()) != 0)
        return failure("put the new copy in place as");
    SafeFile::removeTree(old);
    return Result::success();
}

} // namespace

MailStore::MailStore(EventLog *log)
    : m_log(log)
    , m_workspace(defaultWorkspace())
{
    initMailboxResources();
}

QString MailStore::defaultWorkspace()
{
    return QDir(dataFolder()).filePath(QStringLiteral("workspace"));
}

const MailStore::Account *MailStore::account(const QString &user) const
{
    const auto it = m_accounts.constFind(user);
    return it == m_accounts.constEnd() ? nullptr : &it.value();
}

MailStore::Account *MailStore::account(const QString &user)
{
    const auto it = m_accounts.find(user);
    return it == m_accounts.end() ? nullptr : &it.value();
}

bool MailStore::checkPassword(const QString &user, const QString &password) const
{
    const Account *a = account(user);
    return a && a->password == password;
}

QString MailStore::lockPath(const QString &user) const
{
    return QDir(m_workspace).filePath(QStringLiteral("mail/%1.lock").arg(user));
}

std::optional<QString> MailStore::secret(const QString &user) const
{
    const Account *a = account(user);
    if (!a)
        return std::nullopt;
    return a->password;
}

MailboxAccess::LockOutcome MailStore::lock(const LockRequest &request)
{
    LockOutcome out;
    out.path = lockPath(request.user);
    MaildropLock::Holder me = MaildropLock::self();
    me.user = request.user;
    me.session = request.session;
    me.peer = request.peer;
    me.since = QDateTime::fromMSecsSinceEpoch(
        request.sinceMs ? request.sinceMs : QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    const MaildropLock::Attempt attempt = MaildropLock::acquire(out.path, me, [this](int session) {
        return isSessionHoldingLock(session);
    });
    if (attempt.staleFound) {
        out.staleCleared = attempt.staleFound->describe();
        out.staleReason = attempt.staleReason;
    }
    switch (attempt.outcome) {
    case MaildropLock::Outcome::Acquired:
        out.kind = LockOutcome::Acquired;
        out.holder = me.describe();
        noteLockHeld(request.user, request.session);
        break;
    case MaildropLock::Outcome::InUse:
        out.kind = LockOutcome::InUse;
        out.holder = attempt.holder.describe();
        break;
    case MaildropLock::Outcome::Error:
        out.kind = LockOutcome::Error;
        out.error = attempt.error;
        break;
    }
    return out;
}

MailboxAccess::UnlockOutcome MailStore::unlock(const QString &user, int session)
{
    UnlockOutcome out;
    out.path = lockPath(user);
    out.removed = MaildropLock::release(out.path, session);
    if (lockHolder(user) == session)
        noteLockReleased(user);
    return out;
}

// RFC 1939's snapshot is taken at login: the maildrop is read again as it is on disk now (mail
// delivered since, another process's commit), cheaply when nothing changed.
QList<MessageInfo> MailStore::snapshot(const QString &user)
{
    Account *a = account(user);
    if (!a)
        return {};
    const Result r = a->maildrop->refresh();
    if (!r)
        note(NoteKind::MaildropUnreadable, r.error);
    reportWarnings(*a);
    return a->maildrop->messages();
}

void MailStore::note(NoteKind what, const QString &detail)
{
    if (m_log)
        m_log->append(Event::makeNote(what, detail));
}

// What a maildrop worked around (a journal entry outside it, a link in place of a message) is
// told in the event stream (and so in a trace), one note each.
void MailStore::reportWarnings(Account &a)
{
    for (const QString &warning : a.maildrop->takeWarnings())
        note(NoteKind::MaildropWarning, warning);
}

std::unique_ptr<ReplyBody> MailStore::body(const MessageInfo &message, int topLines)
{
    return Maildrop::body(message, topLines);
}

Result MailStore::expunge(
    const QString &user, const QList<MessageInfo> &victims, QStringList *removed)
{
    Account *a = account(user);
    if (!a)
        return Result::failure(QStringLiteral("the account is gone"));
    const Result r = a->maildrop->expunge(victims, removed);
    reportWarnings(*a);
    return r;
}

Result MailStore::deliver(const QString &user, const QByteArray &message)
{
    Account *a = account(user);
    if (!a)
        return Result::failure(QStringLiteral("no user %1").arg(quotedUserName(user)));
    QString file;
    if (Result r = a->maildrop->deliver(message, &file); !r)
        return r;
    if (m_log) {
        Event e = Event::makeNote(NoteKind::MessageDelivered, file);
        e.user = user;
        m_log->append(e);
    }
    return Result::success();
}

bool MailStore::isSessionHoldingLock(int session) const
{
    for (auto it = m_lockHolders.begin(); it != m_lockHolders.end(); ++it) {
        if (it.value() == session)
            return true;
    }
    return false;
}

// Why a user name cannot be an account (it names files in the workspace), or nothing.
QString MailStore::userNameProblem(const QString &user)
{
    if (user.isEmpty())
        return QStringLiteral("it is empty");
    if (user.toUtf8().size() > maxUserNameLength)
        return QStringLiteral("longer than %1 octets").arg(maxUserNameLength);
    if (user.startsWith(QLatin1Char('.')))
        return QStringLiteral("it starts with a dot (\".\" and \"..\" are folders, others hidden "
                              "workspace files)");
    for (const QChar c : user) {
        if (c == QLatin1Char('/'))
            return QStringLiteral("it contains a slash");
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("it contains a control character");
        if (c.isSpace())
            return QStringLiteral("it contains a space");
    }
    return {};
}

// The name as an error message shows it: quoted, control characters as \xNN (one line, always).
QString MailStore::quotedUserName(const QString &user)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : user) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

Result MailStore::addAccount(
    const QString &user, const QString &password, const QString &source, bool inPlace, bool reset)
{
    if (const QString problem = userNameProblem(user); !problem.isEmpty())
        return Result::failure(
            QStringLiteral("invalid user name %1: %2").arg(quotedUserName(user), problem));
    if (m_accounts.contains(user))
        return Result::failure(QStringLiteral("user '%1' is defined twice").arg(user));
    QString error;
    if (!Maildrop::detect(source, &error))
        return Result::failure(error);
    Account a;
    a.user = user;
    a.password = password;
    a.source = source.startsWith(QLatin1Char(':')) ? source : QFileInfo(source).absoluteFilePath();
    a.inPlace = inPlace && !source.startsWith(QLatin1Char(':'));
    a.maildropPath = plannedMaildropPath(a);
    // Two accounts on one maildrop would each have their own lock: neither would be exclusive.
    for (const QString &other : std::as_const(m_order)) {
        const Account &b = m_accounts[other];
        const QString shared = b.maildropPath == a.maildropPath ? a.maildropPath
            : b.maildropPath == lockPath(user)                  ? b.maildropPath
            : a.maildropPath == lockPath(other)                 ? a.maildropPath
                                                                : QString();
        if (!shared.isEmpty())
            return Result::failure(QStringLiteral("user %1 would share %2 with user %3")
                                       .arg(quotedUserName(user), shared, quotedUserName(other)));
    }
    if (Result r = prepareCopy(a, reset); !r)
        return r;
    a.maildrop = std::make_shared<Maildrop>();
    if (Result r = a.maildrop->load(a.maildropPath); !r)
        return r;
    reportWarnings(a);
    m_accounts.insert(user, a);
    m_order.append(user);
    return Result::success();
}

// Where an account's maildrop is served from: the original itself (in place, where it really
// is), or its working copy in the workspace, "mail/<user>" (a folder) or "mail/<user>.mbox".
QString MailStore::plannedMaildropPath(const Account &a) const
{
    if (a.inPlace) {
        const QString real = QFileInfo(a.source).canonicalFilePath();
        return real.isEmpty() ? a.source : real;
    }
    const bool isFile = QFileInfo(a.source).isFile();
    return QDir(QDir(m_workspace).filePath(QStringLiteral("mail")))
        .filePath(isFile ? a.user + QStringLiteral(".mbox") : a.user);
}

Result MailStore::prepareCopy(Account &a, bool reset)
{
    if (!QDir().mkpath(QDir(m_workspace).filePath(QStringLiteral("mail"))))
        return Result::failure(QStringLiteral("cannot create the workspace %1").arg(m_workspace));
    // Served where it really is: the maildrop's own files are never followed through a link.
    a.maildropPath = plannedMaildropPath(a);
    if (a.inPlace)
        return Result::success();
    const bool isFile = QFileInfo(a.source).isFile();
    const QDir mail(QDir(m_workspace).filePath(QStringLiteral("mail")));
    // A copy a killed process left half made (or half removed) is never used: it is cleared.
    SafeFile::removeStaleTemporaries(
        a.maildropPath, {QStringLiteral("pop3lab-new"), QStringLiteral("pop3lab-old")});
    // A marker remembers which original the copy was made from: another original means a new copy.
    const QString marker = mail.filePath(QStringLiteral(".%1.source").arg(a.user));
    SafeFile::removeStaleTemporaries(marker, {QStringLiteral("pop3lab-tmp")});
    const bool sameSource = SafeFile::read(marker, 64 * 1024) == a.source.toUtf8();
    const SafeFile::Kind present = SafeFile::kind(a.maildropPath);
    if (!reset && sameSource && present == (isFile ? SafeFile::Kind::File : SafeFile::Kind::Dir))
        return Result::success();
    // Built aside, then switched in with one rename: killed at any instant, the working copy is
    // the old one or the new one, whole.
    const QString fresh = SafeFile::temporaryFor(a.maildropPath, QStringLiteral("pop3lab-new"));
    SafeFile::removeTree(fresh);
    if (Result r = copyTree(a.source, fresh); !r) {
        SafeFile::removeTree(fresh);
        return r;
    }
    // The copy's files and folders on disk before it is switched in: a power cut right after a
    // reset must not leave a working copy of empty or missing files. One syncfs for the whole
    // tree: a flush per file (400 fdatasync for a 400-message Maildir) took twice as long.
    if (!SafeFile::syncFileSystem(fresh)) {
        SafeFile::removeTree(fresh);
        return Result::failure(QStringLiteral("cannot flush %1 to disk").arg(fresh));
    }
    if (Result r = switchIn(fresh, a.maildropPath); !r) {
        SafeFile::removeTree(fresh);
        return r;
    }
    SafeFile::syncFolder(mail.absolutePath()); // the switch itself, on disk
    if (Result r = SafeFile::writeAtomically(marker, a.source.toUtf8()); !r)
        return r;
    return Result::success();
}

Result MailStore::addSampleAccounts(bool reset)
{
    if (Result r = addAccount(QStringLiteral("student"),
            QLatin1String(sampleStudentPassword),
            QStringLiteral(":/mailbox/student"),
            false,
            reset);
        !r)
        return r;
    return addAccount(QStringLiteral("barakirs"),
        QLatin1String(sampleBarakirsPassword),
        QStringLiteral(":/mailbox/barakirs.mbox"),
        false,
        reset);
}

std::optional<QStringList> MailStore::accountsLineFields(const QString &line, QString *error)
{
    QStringList fields;
    const qsizetype n = line.size();
    qsizetype i = 0;
    const auto blank = [](QChar c) {
        return c == QLatin1Char(' ') || c == QLatin1Char('\t');
    };
    for (const QChar c : line) {
        if (c != QLatin1Char('\t') && (c.unicode() < 0x20 || c.unicode() == 0x7f)) {
            *error = QStringLiteral("a control character (0x%1) in the line")
                         .arg(c.unicode(), 2, 16, QLatin1Char('0'));
            return std::nullopt;
        }
    }
    while (true) {
        while (i < n && blank(line.at(i)))
            ++i;
        if (i == n)
            return fields;
        QString field;
        if (line.at(i) != QLatin1Char('"')) {
            while (i < n && !blank(line.at(i)))
                field += line.at(i++);
            fields.append(field);
            continue;
        }
        const qsizetype column = i + 1;
        ++i;
        bool closed = false;
        while (i < n) {
            const QChar c = line.at(i++);
            if (c == QLatin1Char('"')) {
                closed = true;
                break;
            }
            if (c == QLatin1Char('\\')) {
                if (i == n || (line.at(i) != QLatin1Char('"') && line.at(i) != QLatin1Char('\\'))) {
                    *error = QStringLiteral("column %1: a backslash in quotes escapes only \\\" "
                                            "or \\\\")
                                 .arg(i);
                    return std::nullopt;
                }
                field += line.at(i++);
                continue;
            }
            field += c;
        }
        if (!closed) {
            *error = QStringLiteral("column %1: unterminated quote").arg(column);
            return std::nullopt;
        }
        if (i < n && !blank(line.at(i))) {
            *error =
                QStringLiteral("column %1: a closing quote must be followed by a space").arg(i);
            return std::nullopt;
        }
        fields.append(field);
    }
}

QString MailStore::accountsField(const QString &value)
{
    bool bare = !value.isEmpty() && !value.startsWith(QLatin1Char('"'))
        && !value.startsWith(QLatin1Char('#'));
    for (const QChar c : value)
        bare = bare && !c.isSpace();
    if (bare)
        return value;
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

Result MailStore::addAccountsFile(const QString &path, bool reset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result::failure(
            QStringLiteral("cannot read the accounts file %1: %2").arg(path, file.errorString()));
    const QDir base = QFileInfo(path).absoluteDir();
    int lineNumber = 0;
    int added = 0;
    const auto lineError = [&](const QString &why) {
        return Result::failure(QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(why));
    };
    while (!file.atEnd()) {
        ++lineNumber;
        QByteArray raw = file.readLine();
        if (raw.endsWith('\n'))
            raw.chop(1);
        if (raw.endsWith('\r'))
            raw.chop(1);
        const QString line = QString::fromUtf8(raw);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        QString error;
        const std::optional<QStringList> fields = accountsLineFields(line, &error);
        if (!fields)
            return lineError(error);
        if (fields->size() != 3)
            return lineError(QStringLiteral(
                "expected \"name password mailbox\" (quote a field that holds a space)"));
        if (fields->at(1).isEmpty())
            return lineError(QStringLiteral("an empty password (PASS could never match it)"));
        const QString mailbox = fields->at(2) == QLatin1String("sample:student")
            ? QStringLiteral(":/mailbox/student")
            : fields->at(2) == QLatin1String("sample:barakirs")
            ? QStringLiteral(":/mailbox/barakirs.mbox")
            : base.absoluteFilePath(fields->at(2));
        if (Result r = addAccount(fields->at(0), fields->at(1), mailbox, false, reset); !r)
            return lineError(r.error);
        ++added;
    }
    if (added == 0) // a server with no account would refuse every login, silently
        return Result::failure(
            QStringLiteral("%1: no account in it (one per line: \"name password mailbox\")")
                .arg(path));
    return Result::success();
}

Result MailStore::resetMailbox(const QString &user)
{
    Account *a = account(user);
    if (!a)
        return Result::failure(QStringLiteral("no user '%1'").arg(user));
    if (a->inPlace)
        return Result::failure(
            QStringLiteral("%1 is served in place: there is no copy to reset").arg(user));
    if (Result r = prepareCopy(*a, true); !r)
        return r;
    if (Result r = a->maildrop->load(a->maildropPath); !r)
        return r;
    reportWarnings(*a);
    if (m_log) {
        Event e = Event::makeNote(NoteKind::MailboxReset,
            QStringLiteral("%1: fresh copy of %2 (%3 messages)")
                .arg(user, a->source)
                .arg(a->maildrop->messages().size()));
        e.user = user;
        e.number = int(a->maildrop->messages().size());
        m_log->append(e);
    }
    return Result::success();
}

} // namespace pop3
