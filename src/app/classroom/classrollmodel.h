#pragma once

#include "lab/classroll.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QRegularExpression>
#include <QTimer>

#include <functional>
#include <vector>

// The teacher's overview as a table: one row per student of a ClassRoll (src/lab), worded and
// coloured here. A student in trouble says so in the Trouble column and with an icon on the name,
// and the row is tinted too (never colour alone). The idle time ticks every second by dataChanged
// on its column (and on the rows whose trouble it changes); the model is never rebuilt for it.
//
//   ObserverClient::eventReceived ──apply()──► ClassRoll ──► dataChanged(row) ──► proxy ──► view
class ClassRollModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassRollModel)

public:
    enum Column {
        StudentColumn,
        StateColumn,
        LockColumn,
        CommandColumn,
        ReplyColumn,
        ErrorsColumn,
        IdleColumn,
        LessonColumn,
        TroubleColumn,
        ColumnCount
    };

    // Qt::UserRole: a value to sort by (numbers for numbers); UserRole + 1: the account name.
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int UserNameRole = Qt::UserRole + 1;

    explicit ClassRollModel(QObject *parent = nullptr);

    // The class's accounts (the observer's hello): the rows start again from these.
    void setStudents(const QStringList &users);
    // Folds one event of the stream; returns the account it belongs to (empty: none yet).
    QString apply(const pop3::Event &event);
    // A student's lesson step (the server's lesson runner for them).
    void applyProgress(const pop3::StudentProgress &progress);
    // Where a student is when the overview joins late (the server's snapshot line).
    void applySnapshot(const QJsonObject &student);
    // The titles of the class lesson's steps, by step id, in the window's language.
    void setStepTitles(const QHash<QString, QString> &titles);

    // "Student 1", "Student 2"... instead of the names (a projector in front of the class).
    void setAnonymised(bool on);

    bool isAnonymised() const { return m_anonymised; }

    // text with every account name of the class replaced by its alias while anonymised (a
    // student's typing, a server's message); as it is otherwise.
    QString withoutNames(const QString &text) const;

    // The clock the idle times and the idle-lock trouble are measured by (tests set their own).
    void setClock(std::function<qint64()> nowMs);

    const pop3::ClassRoll &roll() const { return m_roll; }

    unsigned trouble(int row) const { return m_roll.trouble(row, now()); }

    // Not live (the overview's stream ended): the idle times and the idle-lock trouble stop at
    // this instant, as the class was last seen; live again, they follow the clock.
    void setLive(bool live);

    bool isLive() const { return m_frozenAt < 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString troubleText(unsigned trouble);

private:
    QString displayName(int row) const;
    QString idleText(qint64 lastMs) const;
    QString lessonText(const pop3::StudentProgress &p) const;
    void tick();
    void changed(int row);
    void flushChanges();

    pop3::ClassRoll m_roll;

    // The clock, or the instant the table stopped being live.
    qint64 now() const { return m_frozenAt >= 0 ? m_frozenAt : m_now(); }

    std::function<qint64()> m_now;
    qint64 m_frozenAt = -1;
    QTimer m_ticker;
    // The rows events changed since the last dataChanged: one signal per row per turn of the
    // event loop (a read of the stream brings dozens of events), not one per event.
    QTimer m_flush;
    std::vector<bool> m_dirty;
    bool m_anyDirty = false;
    std::vector<unsigned> m_tickTrouble; // each row's trouble at the last tick
    QHash<QString, QString> m_stepTitles;
    bool m_anonymised = false;
    // withoutNames(): every account name of the class, for the students it was made for.
    mutable QRegularExpression m_names;
    mutable QHash<QString, int> m_rowOfName; // lower-case name -> row
    mutable qsizetype m_namesFor = -1;
};
