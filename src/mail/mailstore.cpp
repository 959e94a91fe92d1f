#include "mail/mailstore.h"

#include "events/eventlog.h"
#include "protocol/replybody.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>

static void initMailboxResources()
{
    Q_INIT_RESOURCE(mailbox);
}

namespace pop3 {

namespace {

// Copies a file or a folder tree; files from resources arrive read-only, so permissions are set.
Result copyTree(const QString &from, const QString &to)
{
    const QFileInfo src(from);
    if (src.isDir()) {
        if (!QDir().mkpath(to))
            return Result::failure(QStringLiteral("cannot create %1").arg(to));
        QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        while (it.hasNext()) {
            it.next();
            if (Result r = copyTree(it.filePath(), QDir(to).filePath(it.fileName())); !r)
                return r;
        }
        return Result::success();
    }
    QFile in(from);
    QFile out(to);
    if (!in.open(QIODevice::ReadOnly))
        return Result::failure(QStringLiteral("cannot read %1: %2").arg(from, in.errorString()));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Result::failure(QStringLiteral("cannot write %1: %2").arg(to, out.errorString()));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (out.write(chunk) != chunk.size())
            return Result::failure(
                QStringLiteral("cannot write %1: %2").arg(to, out.errorString()));
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    return Result::success();
}

bool removeTree(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.exists() && !fi.isSymLink())
        return true;
    if (fi.isDir() && !fi.isSymLink())
        return QDir(path).removeRecursively();
    return QFile::remove(path);
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
    QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (base.isEmpty())
        base = QDir::home().filePath(QStringLiteral(".local/share/pop3lab"));
    return QDir(base).filePath(QStringLiteral("workspace"));
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
    MaildropLock::Holder me;
    me.user = request.user;
    me.pid = QCoreApplication::applicationPid();
    me.session = request.session;
    me.peer = request.peer;
    me.host = QSysInfo::machineHostName();
    me.since = QDateTime::fromMSecsSinceEpoch(
        request.sinceMs ? request.sinceMs : QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
    const MaildropLock::Attempt attempt = MaildropLock::acquire(out.path, me, [this](int session) {
        return isSessionHoldingLock(session);
    });
    if (attempt.staleFound)
        out.staleCleared = attempt.staleFound->describe();
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
    const Account *a = account(user);
    if (!a)
        return {};
    if (Result r = a->maildrop->refresh(); !r && m_log) {
        Event e;
        e.kind = EventKind::Note;
        e.text = QStringLiteral("maildrop-unreadable");
        e.detail = r.error;
        m_log->append(e);
    }
    return a->maildrop->messages();
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
    return a->maildrop->expunge(victims, removed);
}

bool MailStore::isSessionHoldingLock(int session) const
{
    for (auto it = m_lockHolders.begin(); it != m_lockHolders.end(); ++it) {
        if (it.value() == session)
            return true;
    }
    return false;
}

Result MailStore::addAccount(
    const QString &user, const QString &password, const QString &source, bool inPlace, bool reset)
{
    if (user.isEmpty() || user.contains(QLatin1Char('/')) || user.contains(QLatin1Char(' ')))
        return Result::failure(QStringLiteral("invalid user name '%1'").arg(user));
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
    if (Result r = prepareCopy(a, reset); !r)
        return r;
    a.maildrop = std::make_shared<Maildrop>();
    if (Result r = a.maildrop->load(a.maildropPath); !r)
        return r;
    m_accounts.insert(user, a);
    m_order.append(user);
    return Result::success();
}

Result MailStore::prepareCopy(Account &a, bool reset)
{
    if (!QDir().mkpath(QDir(m_workspace).filePath(QStringLiteral("mail"))))
        return Result::failure(QStringLiteral("cannot create the workspace %1").arg(m_workspace));
    if (a.inPlace) {
        // Served where it really is: the maildrop's own files are never followed through a link.
        const QString real = QFileInfo(a.source).canonicalFilePath();
        a.maildropPath = real.isEmpty() ? a.source : real;
        return Result::success();
    }
    const bool isFile = QFileInfo(a.source).isFile();
    const QDir mail(QDir(m_workspace).filePath(QStringLiteral("mail")));
    a.maildropPath = mail.filePath(isFile ? a.user + QStringLiteral(".mbox") : a.user);
    // A marker remembers which original the copy was made from: another original means a new copy.
    const QString marker = mail.filePath(QStringLiteral(".%1.source").arg(a.user));
    QFile markerFile(marker);
    const bool sameSource =
        markerFile.open(QIODevice::ReadOnly) && QString::fromUtf8(markerFile.readAll()) == a.source;
    markerFile.close();
    if (!reset && sameSource && QFileInfo::exists(a.maildropPath))
        return Result::success();
    if (!removeTree(a.maildropPath))
        return Result::failure(QStringLiteral("cannot remove the old copy %1").arg(a.maildropPath));
    if (Result r = copyTree(a.source, a.maildropPath); !r)
        return r;
    if (!markerFile.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || markerFile.write(a.source.toUtf8()) < 0)
        return Result::failure(QStringLiteral("cannot write %1").arg(marker));
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

Result MailStore::addAccountsFile(const QString &path, bool reset)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Result::failure(
            QStringLiteral("cannot read the accounts file %1: %2").arg(path, file.errorString()));
    const QDir base = QFileInfo(path).absoluteDir();
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() != 3)
            return Result::failure(QStringLiteral("%1:%2: expected \"name password mailbox\"")
                                       .arg(path)
                                       .arg(lineNumber));
        const QString mailbox = fields.at(2) == QLatin1String("sample:student")
            ? QStringLiteral(":/mailbox/student")
            : fields.at(2) == QLatin1String("sample:barakirs")
            ? QStringLiteral(":/mailbox/barakirs.mbox")
            : base.absoluteFilePath(fields.at(2));
        if (Result r = addAccount(fields.at(0), fields.at(1), mailbox, false, reset); !r)
            return Result::failure(
                QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(r.error));
    }
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
    if (m_log) {
        Event e;
        e.kind = EventKind::Note;
        e.text = QStringLiteral("mailbox-reset");
        e.detail = QStringLiteral("%1: fresh copy of %2 (%3 messages)")
                       .arg(user, a->source)
                       .arg(a->maildrop->messages().size());
        m_log->append(e);
    }
    return Result::success();
}

} // namespace pop3
