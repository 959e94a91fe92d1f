#pragma once

#include <QLocale>
#include <QMenu>
#include <QString>

class QActionGroup;
class Translations;

// View > Language: the system's language, English or French, switched at run time. Choosing one
// installs its catalogues (every pane handles QEvent::LanguageChange and retranslates itself),
// makes it QLocale's default and remembers it (LabSettings::language) for the next start.
class LanguageMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageMenu)

public:
    // translations: the application's catalogues (owned by main, outliving the menu).
    explicit LanguageMenu(Translations *translations, QWidget *parent = nullptr);

    // "" (the system's), "en" or "fr": what is checked in the menu.
    QString choice() const { return m_choice; }

    // Applies code as the language (without remembering it: --language is for one run).
    void apply(const QString &code);
    // The locale code means ("" is the system's).
    static QLocale locale(const QString &code);

signals:
    // The language in effect changed (its two-letter code), e.g. for the lessons' language.
    void languageChanged(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void choose(const QString &code);

    Translations *m_translations;
    QActionGroup *m_group;
    QAction *m_system;
    QAction *m_english;
    QAction *m_french;
    QString m_choice;
};
