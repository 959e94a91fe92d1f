// No two Alt+letter mnemonics clash, in English and in French: the menu bar's menus, each menu's
// items, the main window's own controls, and every dialog the window opens. In French "Affichage"
// and "Aide" were both Alt+A, and the New session dialog's "Raw + STLS" and "Seulement si la
// sortie est propre" both Alt+S, while lesson 9 says "Ctrl+Maj+T, Alt+S, Ouvrir".

#include "app/classroom/handindialog.h"
#include "app/mainwindow.h"
#include "app/personalitycomparedialog.h"
#include "app/preferencesdialog.h"
#include "app/terminal/connectiondialog.h"
#include "app/translations.h"
#include "support/labfixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRadioButton>
#include <QTabWidget>
#include <QTest>

#include <memory>

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower case; null if none.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Adds text's mnemonic to seen; a clash is written to clashes.
void note(
    const QString &text, const QString &where, QHash<QChar, QString> *seen, QStringList *clashes)
{
    const QChar key = mnemonic(text);
    if (key.isNull())
        return;
    if (seen->contains(key))
        clashes->append(QStringLiteral("%1: Alt+%2 is \"%3\" and \"%4\"")
                            .arg(where, QString(key).toUpper(), seen->value(key), text));
    else
        seen->insert(key, text);
}

// Every item of a menu, then each submenu on its own (one menu open at a time).
void walkMenu(QMenu *menu, const QString &where, QStringList *clashes)
{
    QHash<QChar, QString> seen;
    const QString path = where + QStringLiteral(" › ") + menu->title();
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        note(action->text(), path, &seen, clashes);
        if (action->menu())
            walkMenu(action->menu(), path, clashes);
    }
}

// The controls of one window (a dialog, the main window's panes) whose mnemonics share Alt.
void walkWidgets(
    QWidget *window, const QString &where, QHash<QChar, QString> *seen, QStringList *clashes)
{
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(window) || qobject_cast<QMenu *>(w))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            note(button->text(), where, seen, clashes);
        else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
            note(label->text(), where, seen, clashes);
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            note(box->title(), where, seen, clashes);
        else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                note(tabs->tabText(i), where, seen, clashes);
        }
    }
}

} // namespace

class TestMnemonics final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void noTwoMnemonicsClash_data();
    void noTwoMnemonicsClash();
    void altSTicksStlsInFrench();

private:
    void install(const QString &language);
    std::unique_ptr<Translations> m_translations;
};

void TestMnemonics::cleanup()
{
    m_translations.reset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMnemonics::install(const QString &language)
{
    QLocale::setDefault(QLocale(language));
    m_translations = std::make_unique<Translations>();
    m_translations->install(QLocale(language));
    QVERIFY(language == QLatin1String("en") || m_translations->hasOwnWords());
}

void TestMnemonics::noTwoMnemonicsClash_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void TestMnemonics::noTwoMnemonicsClash()
{
    QFETCH(QString, language);
    install(language);
    LabFixture lab;
    QVERIFY(lab.start());
    QStringList clashes;
    {
        MainWindow window(lab.services.get());
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QHash<QChar, QString> seen;
        for (QAction *action : window.menuBar()->actions()) {
            if (!action->isVisible())
                continue;
            note(action->text(), QStringLiteral("menu bar"), &seen, &clashes);
            if (action->menu())
                walkMenu(action->menu(), QStringLiteral("menu bar"), &clashes);
        }
        // The panes' own buttons answer the same Alt+letter as the menu bar.
        walkWidgets(&window, QStringLiteral("main window"), &seen, &clashes);
    }
    const ConnectionSettings settings;
    std::vector<std::unique_ptr<QDialog>> dialogs;
    dialogs.push_back(std::make_unique<ConnectionDialog>(settings, settings));
    dialogs.push_back(std::make_unique<PreferencesDialog>(PreferencesDialog::Values()));
    dialogs.push_back(std::make_unique<PersonalityCompareDialog>());
    dialogs.push_back(std::make_unique<HandInDialog>());
    for (const std::unique_ptr<QDialog> &dialog : dialogs) {
        dialog->show();
        QHash<QChar, QString> seen;
        walkWidgets(
            dialog.get(), QString::fromLatin1(dialog->metaObject()->className()), &seen, &clashes);
        dialog->hide();
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// Lesson 9 (French): "Ctrl+Maj+T, Alt+S, Ouvrir" opens a Raw + STLS session.
void TestMnemonics::altSTicksStlsInFrench()
{
    install(QStringLiteral("fr"));
    ConnectionSettings settings;
    settings.security = ConnectionSettings::Security::Raw;
    ConnectionDialog dialog(settings, settings);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *stls = dialog.findChild<QRadioButton *>(QStringLiteral("stlsRadio"));
    QVERIFY(stls);
    QVERIFY(!stls->isChecked());
    QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY(stls->isChecked()); // a mnemonic "animates" the click: checked 100 ms later
}

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
