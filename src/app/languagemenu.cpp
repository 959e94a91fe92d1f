#include "app/languagemenu.h"

#include "app/labsettings.h"
#include "app/translations.h"

#include <QActionGroup>
#include <QEvent>
#include <QLocale>

LanguageMenu::LanguageMenu(Translations *translations, QWidget *parent)
    : QMenu(parent)
    , m_translations(translations)
    , m_group(new QActionGroup(this))
    , m_system(addAction(QString()))
    , m_english(addAction(QStringLiteral("English")))
    , m_french(addAction(QStringLiteral("Français")))
{
    setObjectName(QStringLiteral("languageMenu"));
    // Each language is named in its own words, so that a reader of the other finds it.
    m_system->setData(QString());
    m_english->setData(QStringLiteral("en"));
    m_french->setData(QStringLiteral("fr"));
    m_system->setObjectName(QStringLiteral("languageSystem"));
    m_english->setObjectName(QStringLiteral("languageEnglish"));
    m_french->setObjectName(QStringLiteral("languageFrench"));
    insertSeparator(m_english);
    for (QAction *action : {m_system, m_english, m_french}) {
        action->setCheckable(true);
        m_group->addAction(action);
    }
    m_system->setChecked(true);
    connect(m_group, &QActionGroup::triggered, this, [this](QAction *action) {
        choose(action->data().toString());
    });
    retranslate();
}

QLocale LanguageMenu::locale(const QString &code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

void LanguageMenu::apply(const QString &code)
{
    m_choice = code;
    for (QAction *action : m_group->actions())
        action->setChecked(action->data().toString() == code);
    const QLocale chosen = locale(code);
    QLocale::setDefault(chosen);
    m_translations->install(chosen); // every widget gets QEvent::LanguageChange
    emit languageChanged(chosen.name().left(2));
}

void LanguageMenu::choose(const QString &code)
{
    LabSettings().setLanguage(code);
    apply(code);
}

void LanguageMenu::retranslate()
{
    setTitle(tr("Lan&guage"));
    m_system->setText(tr("&System language"));
    setToolTip(tr("The language of the window and of the lessons"));
}

void LanguageMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(event);
}
