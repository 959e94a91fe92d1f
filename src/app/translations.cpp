#include "app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

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
