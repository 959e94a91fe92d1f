#pragma once

#include "lab/labresults.h"

#include <QAbstractTableModel>
#include <QHash>

// The lab results as a table for the teacher: one row per student (in the class's order, as the
// overview's rows), one column per question, each cell the student's latest answer marked right
// or wrong in words and with a sign (never by colour alone), then how many are right. Fed by the
// observer stream's labAnswer lines; the server checked each answer against that student's own
// mailbox.
//
//   ObserverClient::labAnswerReceived ──apply()──► pop3::LabResults ──► dataChanged(cell, score)
class LabResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabResultsModel)

public:
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int UserNameRole = Qt::UserRole + 1;

    explicit LabResultsModel(QObject *parent = nullptr);

    void setStudents(const QStringList &users);
    // The lab's questions; titles: their titles in the window's language, by id (else the
    // server's).
    void setQuestions(
        const QList<pop3::LabQuestion> &questions, const QHash<QString, QString> &titles = {});
    void apply(const pop3::LabAnswer &answer);

    void setAnonymised(bool on);

    bool isAnonymised() const { return m_anonymised; }

    const pop3::LabResults &results() const { return m_results; }

    // The name shown for a row: the account, or "Student N" when anonymised.
    QString displayName(int row) const;
    QString questionTitle(int column) const;
    // "✓ 35" / "✗ 34 (expected 35)": a cell in words, as the PDF prints it too.
    QString cellText(const pop3::LabAnswer &answer, bool withExpected) const;

    int scoreColumn() const { return int(m_results.questions().size()) + 1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    pop3::LabResults m_results;
    QHash<QString, QString> m_titles;
    bool m_anonymised = false;
};
