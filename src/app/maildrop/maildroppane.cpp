#include "app/maildrop/maildroppane.h"

#include "ui_maildroppane.h"

#include "app/maildrop/maildropmodel.h"
#include "app/maildrop/maildropwatch.h"
#include "diagram/lockwords.h"
#include "mail/maildroplock.h"
#include "mail/mailstore.h"
#include "protocol/personality.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QIcon>
#include <QResizeEvent>
#include <QStringDecoder>
#include <QStyle>
#include <QUrl>

MaildropPane::MaildropPane(pop3::EventLog *log, pop3::MailStore *store, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::MaildropPane>())
    , m_store(store)
    , m_watch(new MaildropWatch(log, this))
    , m_model(new MaildropModel(this))
{
    m_ui->setupUi(this);
    m_ui->messageView->setModel(m_model);
    m_ui->messageView->verticalHeader()->hide();
    m_ui->messageView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_ui->messageView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    fitColumns();
    m_ui->messageView->setTextElideMode(Qt::ElideRight);
    // The family only: the size follows the pane's (presentation mode's zoom).
    QFont fixed;
    fixed.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    fixed.setStyleHint(QFont::Monospace);
    m_ui->rawView->setFont(fixed);
    m_ui->resetButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_ui->openFolderButton->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);

    connect(m_watch, &MaildropWatch::changed, this, &MaildropPane::refresh);
    connect(m_ui->messageView->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        &MaildropPane::showSelectedMessage);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MaildropPane::showSelectedMessage);
    connect(m_ui->resetButton, &QPushButton::clicked, this, [this] {
        emit resetRequested(m_user);
    });
    connect(m_ui->openFolderButton, &QToolButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(lockPath()).absolutePath()));
    });
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (QFileInfo::exists(lockPath()) != m_lockPresent)
            updateLock();
    });
    m_poll.start();
    refresh();
}

MaildropPane::~MaildropPane() = default;

QString MaildropPane::lockPath() const
{
    return m_store->lockPath(m_user);
}

QString MaildropPane::userText() const
{
    return m_ui->userLabel->text();
}

void MaildropPane::setPersonality(const pop3::Personality *personality)
{
    m_personality = personality;
    updateLock();
}

QString MaildropPane::lockText() const
{
    return m_ui->lockState->text();
}

void MaildropPane::setRecordedLocks(RecordedLocks locks)
{
    m_recordedLocks = std::move(locks);
    updateLock();
}

void MaildropPane::setSession(int sessionId, bool external)
{
    m_session = sessionId;
    m_external = external;
    refresh();
}

void MaildropPane::setUser(const QString &user)
{
    if (m_store->account(user))
        m_user = user;
}

void MaildropPane::refresh()
{
    if (!m_external && m_session) {
        const QString user = m_watch->userOf(m_session);
        if (!user.isEmpty() && m_store->account(user))
            m_user = user;
    }
    const pop3::MailStore::Account *account = m_external ? nullptr : m_store->account(m_user);
    if (account && account->maildrop)
        m_model->setMessages(account->maildrop->messages(),
            m_watch->marksFor(m_user),
            account->maildrop->delivered());
    else
        m_model->setMessages({}, {});
    updateLock();
    updateWidgets();
}

void MaildropPane::updateLock()
{
    using Why = pop3::MaildropLock::StaleReason;
    if (m_external) {
        m_lockPresent = false;
        m_ui->lockIcon->clear();
        m_ui->lockState->setText(tr("Not visible: a lock file lives on the server's own disk."));
        m_ui->lockPath->clear();
        return;
    }
    const QString path = lockPath();
    const std::optional<pop3::MaildropLock::Holder> holder = pop3::MaildropLock::read(path);
    m_lockPresent = holder.has_value() || QFileInfo::exists(path);
    const int iconSize = 32;
    m_ui->lockIcon->setPixmap(QIcon(
        m_lockPresent ? QStringLiteral(":/icons/lock.svg") : QStringLiteral(":/icons/unlock.svg"))
                                  .pixmap(iconSize, iconSize));
    const auto showStale = [this](const QString &leftBy) {
        m_ui->lockState->setText(tr("<b>Stale lock file</b> — %1. Nobody holds %2's maildrop: "
                                    "the next login removes the file and gets in.")
                                     .arg(leftBy.toHtmlEscaped(), m_user.toHtmlEscaped()));
    };
    const std::optional<RecordedLock> recorded =
        m_recordedLocks ? m_recordedLocks(m_user) : std::nullopt;
    if (!m_lockPresent) {
        m_ui->lockState->setText(
            tr("<b>No lock file</b> — nobody holds %1's maildrop. PASS creates it.").arg(m_user));
    } else if (recorded && recorded->stale) {
        // A replay: the trace's holder, on the recording's machine; whether its process still
        // runs is not this machine's to say.
        const QString by = recorded->holder.isEmpty() ? tr("an unknown holder")
                                                      : pop3::lockHolderWords(recorded->holder);
        showStale(recorded->killed
                ? tr("left by %1, whose session is gone: the teacher killed that server before "
                     "it released the lock")
                      .arg(by)
                : tr("left by %1, whose session is gone: its server ended without releasing the "
                     "lock")
                      .arg(by));
    } else if (const Why why = holder && !m_recordedLocks ? pop3::MaildropLock::staleReason(*holder,
                                   [this](int session) {
                                       return m_store->lockHolder(m_user) == session;
                                   })
                                                          : Why::NotStale;
               why != Why::NotStale) {
        // A crashed server's lock: nobody holds the maildrop, and the next login says so. Who
        // left it is told from the facts the judgement used, never "a dead process" for a pid
        // that still runs (this window's own, whose killed server left the file).
        QString leftBy;
        if (why == Why::SessionGone)
            leftBy = tr("left by session %1 of this window's own server (process %2, still "
                        "running), which was killed before it released the lock")
                         .arg(holder->session)
                         .arg(holder->pid);
        else if (why == Why::ProcessGone)
            leftBy = tr("left by process %1, which is no longer running (a crashed server)")
                         .arg(holder->pid);
        else if (why == Why::EmptyAndOld)
            leftBy = tr("an empty file older than a minute: its writer died before filling it");
        else if (why == Why::Rebooted)
            leftBy = tr("left by process %1 before the machine last started (another boot id)")
                         .arg(holder->pid);
        else
            leftBy = tr("left by process %1, which is no longer running: another program "
                        "started later has its pid")
                         .arg(holder->pid);
        showStale(leftBy);
    } else {
        const QString who = holder && holder->session
            ? tr("session %1 (%2) since %3")
                  .arg(holder->session)
                  .arg(holder->peer.isEmpty() ? QStringLiteral("?") : holder->peer)
                  .arg(QLocale().toString(holder->since.toLocalTime().time(), QLocale::LongFormat))
            : tr("an unknown holder");
        // The words the server really answers with: they differ from one server to another.
        const QString refusal = QStringLiteral("-ERR ")
            + (m_personality ? m_personality->text(QStringLiteral("auth.inUse"))
                             : QStringLiteral("[IN-USE]"));
        m_ui->lockState->setText(
            tr("<b>Lock file exists</b> — held by %1. Another login gets <code>%2</code> "
               "— QUIT or a disconnection removes it.")
                .arg(who.toHtmlEscaped(), refusal.toHtmlEscaped()));
    }
    m_ui->lockPath->setText(QStringLiteral("<code>%1</code>").arg(path.toHtmlEscaped()));
    fitLockBox();
}

void MaildropPane::updateWidgets()
{
    if (m_external) {
        m_ui->userLabel->setText(
            tr("This tab talks to another server: its maildrop is on that server, out of sight."));
        m_ui->resetButton->setEnabled(false);
        m_ui->openFolderButton->setEnabled(false);
        return;
    }
    qint64 total = 0;
    for (const pop3::MessageInfo &m : m_model->messages())
        total += m.wireSize;
    const int marked = int(m_watch->marksFor(m_user).size());
    QString text =
        tr("Maildrop of <b>%1</b>: %n message(s), %2 octets", nullptr, m_model->rowCount())
            .arg(m_user.toHtmlEscaped())
            .arg(total);
    if (marked > 0)
        text += QStringLiteral(" — ") + tr("%n marked for deletion", nullptr, marked);
    // A delivery during a session: the maildrop has more than the session's list (RFC 1939's
    // snapshot), which the class sees side by side.
    const int fresh = m_model->rowCount() - m_model->listedCount();
    if (fresh > 0 && m_watch->lockHolder(m_user) != 0)
        text += QStringLiteral(" — ")
            + tr("%n new, not in the open session's list (it sees %1)", nullptr, fresh)
                  .arg(m_model->listedCount());
    else if (fresh > 0)
        text += QStringLiteral(" — ") + tr("%n new since the last login", nullptr, fresh);
    m_ui->userLabel->setText(text);
    m_ui->resetButton->setEnabled(m_store->account(m_user) != nullptr);
    m_ui->openFolderButton->setEnabled(true);
}

void MaildropPane::showSelectedMessage()
{
    const QModelIndex current = m_ui->messageView->currentIndex();
    if (!current.isValid() || current.row() >= m_model->messages().size()) {
        m_ui->rawView->clear();
        return;
    }
    QByteArray content = pop3::Maildrop::content(m_model->messages().at(current.row()));
    const qsizetype limit = 256 * 1024;
    const bool cut = content.size() > limit;
    content.truncate(limit);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(content);
    if (utf8.hasError())
        text = QString::fromLatin1(content);
    if (cut)
        text += QLatin1Char('\n') + tr("[... the rest of the message is not shown here ...]");
    m_ui->rawView->setPlainText(text);
}

void MaildropPane::fitColumns()
{
    // Each column as wide as a typical value and as its title, in the fonts in use: the widths
    // were set once, for the English titles at the window's size, and French's "Identifiant
    // unique" or presentation mode's larger font showed "dentifiant unique".
    QHeaderView *header = m_ui->messageView->horizontalHeader();
    const QFontMetrics metrics = m_ui->messageView->fontMetrics();
    const QFontMetrics titles = header->fontMetrics();
    const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header)
        + header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + 8;
    const std::pair<int, const char *> samples[] = {{MaildropModel::Number, "No.00"},
        {MaildropModel::Size, "Octets00"},
        {MaildropModel::UniqueId, "000000016553f10000"},
        {MaildropModel::From, "Marta Lindqvist <m.l"}};
    for (const auto &[column, sample] : samples) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column,
            std::max(metrics.horizontalAdvance(QLatin1String(sample)),
                titles.horizontalAdvance(title) + margins));
    }
}

void MaildropPane::fitLockBox()
{
    // The dock (a QMainWindow's) does not ask its wrapped labels for their height at its width:
    // made short (presentation mode, the maildrop under the diagram), the lock's words were cut
    // in half. Their height at the width they have is the least they get.
    for (QWidget *w :
        {static_cast<QWidget *>(m_ui->lockBox), static_cast<QWidget *>(m_ui->hintLabel)}) {
        if (w->isVisible() && w->hasHeightForWidth())
            w->setMinimumHeight(w->heightForWidth(w->width()));
    }
    // In a room, five messages at least in view (made short under the diagram, the table
    // showed one row beside a three-line message view): the header, the rows, a sideways
    // scroll bar. The window's own layout keeps its freedom (its diagram comes first).
    QTableView *table = m_ui->messageView;
    if (m_minimumRows > 0) {
        const int rows = m_minimumRows * table->verticalHeader()->defaultSectionSize();
        const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, table);
        table->setMinimumHeight(
            table->horizontalHeader()->sizeHint().height() + rows + bar + 2 * table->frameWidth());
    } else {
        table->setMinimumHeight(0);
    }
}

void MaildropPane::setMinimumRows(int rows)
{
    m_minimumRows = rows;
    fitLockBox();
}

void MaildropPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitLockBox();
}

void MaildropPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) { // rows as tall as the text (presentation mode)
        m_ui->messageView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
        fitColumns();
        fitLockBox();
    }
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
        fitColumns();
        fitLockBox();
    }
}

void MaildropPane::setResetVisible(bool visible)
{
    m_ui->resetButton->setVisible(visible);
}

void MaildropPane::setPreviewVisible(bool visible)
{
    m_ui->rawView->setVisible(visible);
}
