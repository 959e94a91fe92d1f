#pragma once

#include <QLocale>
#include <QTranslator>

// The words of the window in one language: pop3lab's own (embedded, :/i18n) and Qt's (qtbase_*
// from Qt's translations folder: the OK/Cancel of every dialog, the text fields' context menus),
// so that a French window has no English button left. Qt's files come with the Debian package
// qt6-translations-l10n (scripts/setup.sh installs it); without it only pop3lab's words change.
class Translations final
{
    Q_DISABLE_COPY_MOVE(Translations)

public:
    Translations() = default;
    ~Translations();

    // Loads both catalogues for locale and installs those found (an application must exist).
    void install(const QLocale &locale);
    void remove();

    bool hasQtWords() const { return m_qtLoaded; }

    bool hasOwnWords() const { return m_ownLoaded; }

    // Where Qt's catalogues are looked for (QLibraryInfo::TranslationsPath).
    static QString qtFolder();

    // A personality's name as the window shows it: the built-in ones that are words, not a
    // product's name, in the window's language (the JSON files name them in English).
    static QString personalityName(const QString &id, const QString &name);

private:
    QTranslator m_qt;
    QTranslator m_own;
    bool m_qtLoaded = false;
    bool m_ownLoaded = false;
};
