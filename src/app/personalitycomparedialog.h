#pragma once

#include "lab/personalitycomparison.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

// Personalities side by side: the same script run against two servers' wordings (each on its
// own temporary copy of the samples), the two transcripts in two columns, and the rows where the
// replies differ marked (a sign and bold, not colour alone). Capability toggles per side show how
// CAPA and the greeting change.
class PersonalityCompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonalityCompareDialog)

public:
    explicit PersonalityCompareDialog(QWidget *parent = nullptr);

    enum Side {
        Left,
        Right,
    };

    void setPersonality(Side side, const QString &id);
    void setScript(const QList<QByteArray> &lines);
    // Runs the script on both sides and fills the table.
    void compare();

    QTableWidget *table() const { return m_table; }

    QCheckBox *capabilityBox(Side side, const QString &name) const;

    // Column 3 of a row says whether the replies differ (DiffersRole on every cell).
    static constexpr int DiffersRole = Qt::UserRole + 1;

private:
    struct SideWidgets
    {
        QComboBox *personality = nullptr;
        QList<QCheckBox *> capabilities; // TOP, UIDL, APOP, SASL PLAIN, SASL LOGIN
    };

    QWidget *buildSide(SideWidgets &side, const QString &title);
    void loadCapabilities(SideWidgets &side);
    std::optional<pop3::Personality> personalityOf(const SideWidgets &side, QString *error) const;

    SideWidgets m_sides[2];
    QPlainTextEdit *m_script;
    QTableWidget *m_table;
    QLabel *m_summary;
};
