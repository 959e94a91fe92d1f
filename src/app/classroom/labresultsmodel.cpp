#include "app/classroom/labresultsmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

LabResultsModel::LabResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void LabResultsModel::setStudents(const QStringList &users)
{
    beginResetModel();
    m_results.setStudents(users);
    endResetModel();
}

void LabResultsModel::setQuestions(
    const QList<pop3::LabQuestion> &questions, const QHash<QString, QString> &titles)
{
    beginResetModel();
    m_results.setQuestions(questions);
    m_titles = titles;
    endResetModel();
}

void LabResultsModel::apply(const pop3::LabAnswer &answer)
{
    const qsizetype before = m_results.students().size();
    const int row = m_results.apply(answer);
    if (m_results.students().size() != before) {
        beginResetModel();
        endResetModel();
        return;
    }
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void LabResultsModel::setAnonymised(bool on)
{
    if (on == m_anonymised)
        return;
    m_anonymised = on;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0));
}

QString LabResultsModel::displayName(int row) const
{
    return m_anonymised ? tr("Student %1").arg(row + 1) : m_results.students().at(row);
}

QString LabResultsModel::questionTitle(int column) const
{
    const pop3::LabQuestion &q = m_results.questions().at(column - 1);
    return m_titles.value(q.id, q.title.isEmpty() ? q.id : q.title);
}

QString LabResultsModel::cellText(const pop3::LabAnswer &a, bool withExpected) const
{
    if (a.correct)
        return tr("✓ %1").arg(a.given);
    if (withExpected)
        return tr("✗ %1 (expected %2)").arg(a.given, a.expected);
    return tr("✗ %1").arg(a.given);
}

int LabResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.students().size());
}

int LabResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.questions().size()) + 2;
}

QVariant LabResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    const QString &user = m_results.students().at(row);
    if (role == UserNameRole)
        return user;
    if (column == 0) {
        if (role == Qt::DisplayRole)
            return displayName(row);
        if (role == SortRole)
            return m_anonymised ? QVariant(row) : QVariant(user);
        return {};
    }
    if (column == scoreColumn()) {
        const int right = m_results.rightCount(user);
        if (role == Qt::DisplayRole)
            return tr("%1 of %2").arg(right).arg(m_results.questions().size());
        if (role == SortRole)
            return right;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const pop3::LabQuestion &q = m_results.questions().at(column - 1);
    const pop3::LabAnswer *a = m_results.answer(user, q.id);
    switch (role) {
    case Qt::DisplayRole:
        return a ? cellText(*a, false) : QString();
    case SortRole:
        return a ? (a->correct ? 2 : 1) : 0;
    case Qt::ToolTipRole:
        if (!a)
            return tr("No answer yet");
        return tr("%1\nGiven: %2\nExpected for this student's mailbox: %3\nTries: %4\nAt: %5")
            .arg(a->correct ? tr("Right") : tr("Wrong"),
                a->given,
                a->expected,
                QString::number(a->tries),
                QLocale().toString(
                    QDateTime::fromMSecsSinceEpoch(a->timeMs).time(), QLocale::ShortFormat));
    case Qt::AccessibleTextRole:
        if (!a)
            return tr("no answer");
        return a->correct ? tr("right: %1").arg(a->given)
                          : tr("wrong: %1, expected %2").arg(a->given, a->expected);
    case Qt::BackgroundRole:
        if (!a)
            return {};
        // Light tints, the sign and the words say it too; dark text on both.
        return QBrush(a->correct ? QColor(0xd4, 0xed, 0xda) : QColor(0xf8, 0xd7, 0xda));
    case Qt::ForegroundRole:
        if (!a)
            return {};
        return QBrush(a->correct ? QColor(0x15, 0x57, 0x24) : QColor(0x58, 0x15, 0x1c));
    default:
        return {};
    }
}

QVariant LabResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Student")) : QVariant();
    if (section == scoreColumn())
        return role == Qt::DisplayRole ? QVariant(tr("Right")) : QVariant();
    if (section < 1 || section > m_results.questions().size())
        return {};
    const pop3::LabQuestion &q = m_results.questions().at(section - 1);
    if (role == Qt::DisplayRole)
        return questionTitle(section);
    if (role == Qt::ToolTipRole)
        return q.prompt;
    return {};
}
