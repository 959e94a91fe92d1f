#include "app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace {

// Words Qt 6.4's own French (qtbase_fr) lacks, which its file dialog shows: pop3lab's catalogue,
// installed after Qt's, answers for them in their Qt context.
[[maybe_unused]] const char *const qtWordsMissing[][3] = {
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Folder", "All other platforms"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Drive", nullptr),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "File", nullptr),
    QT_TRANSLATE_NOOP3(
        "QAbstractFileIconProvider", "%1 File", "%1 is a file name suffix, for example txt"),
};

} // namespace

Translations::~Translations()
{
    remove();
}

QString Translations::qtFolder()
{
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
}

void Translations::install(const QLocale &locale)
{
    remove();
    m_qtLoaded = m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtFolder());
    if (m_qtLoaded)
        QCoreApplication::installTranslator(&m_qt);
    m_ownLoaded = m_own.load(
        locale, QStringLiteral("pop3lab"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // A language pop3lab has no words for (LANG=C, a bare X session, German): English, with its
    // plural forms ("1 message", not "1 message(s)"), which only the English catalogue has.
    if (!m_ownLoaded)
        m_ownLoaded = m_own.load(QStringLiteral(":/i18n/pop3lab_en.qm"));
    if (m_ownLoaded)
        QCoreApplication::installTranslator(&m_own);
}

void Translations::remove()
{
    if (m_qtLoaded)
        QCoreApplication::removeTranslator(&m_qt);
    if (m_ownLoaded)
        QCoreApplication::removeTranslator(&m_own);
    m_qtLoaded = m_ownLoaded = false;
}

QString Translations::personalityName(const QString &id, const QString &name)
{
    if (id == QLatin1String("rfc1939"))
        return QCoreApplication::translate("Translations", "RFC 1939 examples");
    if (id == QLatin1String("base"))
        return QCoreApplication::translate("Translations", "pop3lab (plain wording)");
    return name;
}
