#pragma once

#include "mail/maildrop.h"

#include <QAbstractTableModel>
#include <QSet>

// The messages of one maildrop as a table: number, size in octets (as on the wire), unique-id,
// From and Subject (RFC 2047 decoded). A message marked by DELE is struck through and greyed; one
// delivered since the list was read is in italics, its number "new".
class MaildropModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaildropModel)

public:
    enum Column {
        Number,
        Size,
        UniqueId,
        From,
        Subject,
        ColumnCount,
    };

    static constexpr int MarkedRole = Qt::UserRole + 1;
    static constexpr int NewRole = Qt::UserRole + 2; // delivered since the last login

    explicit MaildropModel(QObject *parent = nullptr);

    // messages: the list the server has read (an open session's); delivered: put on disk since,
    // shown after them as new.
    void setMessages(const QList<pop3::MessageInfo> &messages,
        const QSet<int> &marks,
        const QList<pop3::MessageInfo> &delivered = {});

    // Every row's message, the delivered ones last.
    const QList<pop3::MessageInfo> &messages() const { return m_messages; }

    int listedCount() const { return m_listed; }

    bool isMarked(int row) const { return row < m_listed && m_marks.contains(row + 1); }

    bool isNew(int row) const { return row >= m_listed; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<pop3::MessageInfo> m_messages;
    QStringList m_from;
    QStringList m_subject;
    QSet<int> m_marks;
    int m_listed = 0; // rows in the server's list; the others are new
};
