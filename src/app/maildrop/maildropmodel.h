#pragma once

#include "mail/maildrop.h"

#include <QAbstractTableModel>
#include <QSet>

// The messages of one maildrop as a table: number, size in octets (as on the wire), unique-id,
// From and Subject (RFC 2047 decoded). A message marked by DELE is struck through and greyed.
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

    explicit MaildropModel(QObject *parent = nullptr);

    void setMessages(const QList<pop3::MessageInfo> &messages, const QSet<int> &marks);

    const QList<pop3::MessageInfo> &messages() const { return m_messages; }

    bool isMarked(int row) const { return m_marks.contains(row + 1); }

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
};
