#include "app/maildrop/maildropmodel.h"

#include "mail/mimeheader.h"

#include <QBrush>
#include <QFont>

MaildropModel::MaildropModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void MaildropModel::setMessages(const QList<pop3::MessageInfo> &listed,
    const QSet<int> &marks,
    const QList<pop3::MessageInfo> &delivered)
{
    const QList<pop3::MessageInfo> messages = listed + delivered;
    bool same = messages.size() == m_messages.size() && listed.size() == m_listed;
    for (qsizetype i = 0; same && i < messages.size(); ++i)
        same = messages.at(i).file == m_messages.at(i).file
            && messages.at(i).offset == m_messages.at(i).offset;
    if (same) { // only the marks changed: keep the selection and the scroll position
        m_marks = marks;
        if (!m_messages.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_messages.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_messages = messages;
    m_listed = int(listed.size());
    m_marks = marks;
    m_from.clear();
    m_subject.clear();
    for (const pop3::MessageInfo &m : messages) {
        m_from.append(pop3::MimeHeader::decode(m.from));
        m_subject.append(pop3::MimeHeader::decode(m.subject));
    }
    endResetModel();
}

int MaildropModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int MaildropModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MaildropModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const pop3::MessageInfo &m = m_messages.at(index.row());
    const bool marked = isMarked(index.row());
    const bool fresh = isNew(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number:
            if (fresh) // its number is the next login's to give
                return tr("new", "a message delivered since the login");
            return index.row() + 1;
        case Size:
            return m.wireSize;
        case UniqueId:
            return QString::fromLatin1(m.uid);
        case From:
            return m_from.at(index.row());
        case Subject:
            return m_subject.at(index.row());
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() <= Size ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (marked) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        if (fresh) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (fresh)
            return QBrush(QColor(0x1a, 0x6b, 0x2f));
        return marked ? QVariant(QBrush(QColor(0x99, 0x33, 0x33))) : QVariant();
    case Qt::ToolTipRole:
        if (fresh)
            return tr("New: delivered since the last login. It is on disk, but not in the open "
                      "session's list: a session keeps the maildrop as it was when it logged in "
                      "(RFC 1939). The next login sees it.");
        return marked ? tr("Message %1 is marked by DELE: QUIT removes it, RSET or a dropped "
                           "connection keeps it")
                            .arg(index.row() + 1)
                      : QVariant();
    case MarkedRole:
        return marked;
    case NewRole:
        return fresh;
    default:
        return {};
    }
}

QVariant MaildropModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("No.");
    case Size:
        return tr("Octets");
    case UniqueId:
        return tr("Unique-ID");
    case From:
        return tr("From");
    case Subject:
        return tr("Subject");
    default:
        return {};
    }
}
