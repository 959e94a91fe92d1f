#include "app/classroom/classrollmodel.h"

#include "protocol/commands.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QRegularExpression>
#include <QStyle>

#include <algorithm>

using pop3::ClassRoll;

ClassRollModel::ClassRollModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] {
        return QDateTime::currentMSecsSinceEpoch();
    })
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ClassRollModel::tick);
    m_ticker.start();
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &ClassRollModel::flushChanges);
}

void ClassRollModel::changed(int row)
{
    if (size_t(row) >= m_dirty.size())
        m_dirty.resize(size_t(rowCount()), false);
    m_dirty[size_t(row)] = true;
    m_anyDirty = true;
    if (!m_flush.isActive())
        m_flush.start();
}

void ClassRollModel::flushChanges()
{
    if (!m_anyDirty)
        return;
    m_anyDirty = false;
    for (size_t row = 0; row < m_dirty.size(); ++row) {
        if (!m_dirty[row])
            continue;
        m_dirty[row] = false;
        if (int(row) < rowCount())
            emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

void ClassRollModel::setStudents(const QStringList &users)
{
    m_namesFor = -1; // the names of withoutNames() change with the students
    beginResetModel();
    m_roll.setStudents(users);
    m_dirty.assign(size_t(users.size()), false);
    m_anyDirty = false;
    endResetModel();
}

QString ClassRollModel::apply(const pop3::Event &event)
{
    const qsizetype before = m_roll.students().size();
    const int row = m_roll.apply(event);
    if (row < 0)
        return {};
    if (m_roll.students().size() != before) {
        // A student the hello did not list (rare): the rows are read again.
        m_namesFor = -1; // the names of withoutNames() change with the students
        beginResetModel();
        endResetModel();
    } else {
        changed(row);
    }
    return m_roll.students().at(row).user;
}

void ClassRollModel::applyProgress(const pop3::StudentProgress &progress)
{
    const qsizetype before = m_roll.students().size();
    const int row = m_roll.applyProgress(progress);
    if (row < 0)
        return;
    if (m_roll.students().size() != before) {
        m_namesFor = -1; // the names of withoutNames() change with the students
        beginResetModel();
        endResetModel();
    } else {
        emit dataChanged(index(row, LessonColumn), index(row, LessonColumn));
    }
}

void ClassRollModel::applySnapshot(const QJsonObject &student)
{
    const qsizetype before = m_roll.students().size();
    const int row = m_roll.applySnapshot(student);
    if (row < 0)
        return;
    if (m_roll.students().size() != before) {
        m_namesFor = -1; // the names of withoutNames() change with the students
        beginResetModel();
        endResetModel();
    } else {
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void ClassRollModel::setStepTitles(const QHash<QString, QString> &titles)
{
    m_stepTitles = titles;
    if (!m_roll.students().isEmpty())
        emit dataChanged(index(0, LessonColumn), index(rowCount() - 1, LessonColumn));
}

QString ClassRollModel::lessonText(const pop3::StudentProgress &p) const
{
    if (p.of <= 0)
        return {};
    if (p.finished || p.step < 0)
        return tr("✓ all %1 steps done").arg(p.of);
    const QString title = m_stepTitles.value(p.stepId, p.stepId);
    return tr("step %1 of %2: %3").arg(p.step + 1).arg(p.of).arg(title);
}

void ClassRollModel::setAnonymised(bool on)
{
    if (on == m_anonymised)
        return;
    m_anonymised = on;
    if (!m_roll.students().isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

// A student's words with every account name of the class in them replaced by that student's
// alias ("USER: student07" typed by a student): anonymised, no real name reaches the projector,
// nor the filter, which matches what is shown.
QString ClassRollModel::withoutNames(const QString &text) const
{
    if (!m_anonymised || text.isEmpty())
        return text;
    const QList<pop3::ClassRoll::Student> &students = m_roll.students();
    if (m_namesFor != students.size()) {
        QStringList names;
        m_rowOfName.clear();
        for (int row = 0; row < students.size(); ++row) {
            names << QRegularExpression::escape(students.at(row).user);
            m_rowOfName.insert(students.at(row).user.toLower(), row);
        }
        // Longest first, so that "student1" never takes the start of "student10".
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            return a.size() > b.size();
        });
        m_names.setPattern(QStringLiteral("(?<![\\w.-])(") + names.join(QLatin1Char('|'))
            + QStringLiteral(")(?![\\w.-])"));
        m_names.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
        m_namesFor = students.size();
    }
    if (students.isEmpty())
        return text;
    QString out;
    qsizetype from = 0;
    for (auto it = m_names.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        out += displayName(m_rowOfName.value(m.captured(1).toLower()));
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

void ClassRollModel::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    tick();
}

void ClassRollModel::setLive(bool live)
{
    if (live == isLive())
        return;
    if (live) {
        m_frozenAt = -1;
        m_ticker.start();
    } else {
        m_frozenAt = m_now();
        m_ticker.stop();
    }
    tick();
}

void ClassRollModel::tick()
{
    if (m_roll.students().isEmpty())
        return;
    // The idle time, and the rows it puts in trouble (a lock held and idle) or out of it: nothing
    // else changes. Not every cell: the whole table repainted each second was the overview's
    // slowest frame with a class at work (docs/performance.md, Classroom).
    const qint64 at = now();
    m_tickTrouble.resize(size_t(rowCount()), 0);
    for (int row = 0; row < rowCount(); ++row) {
        const unsigned t = m_roll.trouble(row, at);
        if (t != m_tickTrouble[size_t(row)]) {
            m_tickTrouble[size_t(row)] = t;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    emit dataChanged(index(0, IdleColumn), index(rowCount() - 1, IdleColumn));
}

int ClassRollModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_roll.students().size());
}

int ClassRollModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClassRollModel::displayName(int row) const
{
    return m_anonymised ? tr("Student %1").arg(row + 1) : m_roll.students().at(row).user;
}

QString ClassRollModel::idleText(qint64 lastMs) const
{
    if (lastMs <= 0)
        return tr("not seen yet");
    const qint64 s = qMax<qint64>(0, (now() - lastMs) / 1000);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString ClassRollModel::troubleText(unsigned trouble)
{
    QStringList parts;
    if (trouble & ClassRoll::RepeatedErrors)
        parts << tr("⚠ %1 -ERR in a row").arg(ClassRoll::errorRunLimit);
    if (trouble & ClassRoll::LockHeldIdle)
        parts << tr("⚠ holds the lock, idle");
    if (trouble & ClassRoll::DisconnectedForErrors)
        parts << tr("⚠ cut off for too many errors");
    return parts.join(QStringLiteral("; "));
}

QVariant ClassRollModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const ClassRoll::Student &s = m_roll.students().at(row);
    const unsigned t = m_roll.trouble(row, now());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StudentColumn:
            return displayName(row);
        case StateColumn:
            return s.lastActivityMs > 0 ? pop3::stateName(s.state) : QString();
        case LockColumn:
            return s.lockHeld ? tr("held") : QString();
        case CommandColumn:
            // The stream hides credentials already; the same rule again, in case.
            return withoutNames(QString::fromUtf8(pop3::maskSecret(s.lastCommand)));
        case ReplyColumn:
            return withoutNames(QString::fromUtf8(s.lastReply));
        case ErrorsColumn:
            return s.errors;
        case IdleColumn:
            return idleText(s.lastActivityMs);
        case LessonColumn:
            return lessonText(s.lesson);
        case TroubleColumn:
            return t ? troubleText(t) : tr("fine");
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case StudentColumn:
            return m_anonymised ? QVariant(row) : QVariant(s.user);
        case ErrorsColumn:
            return s.errors;
        case IdleColumn:
            return s.lastActivityMs > 0 ? now() - s.lastActivityMs : -1;
        case TroubleColumn:
            return int(t);
        case LessonColumn: // by how far they got
            return s.lesson.finished ? s.lesson.of + 1 : s.lesson.done;
        default:
            return data(index, Qt::DisplayRole);
        }
    case UserNameRole:
        return s.user;
    case Qt::DecorationRole:
        if (index.column() == StudentColumn && t)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::BackgroundRole:
        if (t)
            return QBrush(QColor(0xf8, 0xd7, 0xda)); // a light red, the icon and words say it too
        return {};
    case Qt::ForegroundRole:
        if (t)
            return QBrush(QColor(0x58, 0x15, 0x1c)); // dark on the tint: contrast 11:1
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ErrorsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ClassRollModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StudentColumn:
        return tr("Student");
    case StateColumn:
        return tr("State");
    case LockColumn:
        return tr("Lock");
    case CommandColumn:
        return tr("Last command");
    case ReplyColumn:
        return tr("Last reply");
    case ErrorsColumn:
        return tr("Errors");
    case IdleColumn:
        return tr("Idle for");
    case LessonColumn:
        return tr("Lesson step");
    case TroubleColumn:
        return tr("Trouble");
    default:
        return {};
    }
}
