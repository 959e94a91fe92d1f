// The side-by-side dialog (offscreen): the lab sheet under Dovecot and UW ipop3d marks the
// greeting and the USER/PASS replies as different, and a capability toggle shows in CAPA.

#include "app/personalitycomparedialog.h"

#include <QCheckBox>
#include <QTableWidget>
#include <QTest>

class TestPersonalityCompareDialog : public QObject
{
    Q_OBJECT

private slots:
    void labSheetHighlightsGreetingAndLogin();
    void capabilityToggleShowsInCapa();
    void everyCapabilityToggleChangesWhatTheServerOffers_data();
    void everyCapabilityToggleChangesWhatTheServerOffers();
};

void TestPersonalityCompareDialog::labSheetHighlightsGreetingAndLogin()
{
    PersonalityCompareDialog dialog;
    dialog.setPersonality(PersonalityCompareDialog::Left, QStringLiteral("dovecot"));
    dialog.setPersonality(PersonalityCompareDialog::Right, QStringLiteral("uw-ipop3d"));
    dialog.compare();
    QTableWidget *t = dialog.table();
    QCOMPARE(t->rowCount(), 10); // the greeting and the lab sheet's nine lines
    const auto differs = [t](int row) {
        return t->item(row, 0)->data(PersonalityCompareDialog::DiffersRole).toBool();
    };
    QVERIFY(differs(0));
    QCOMPARE(t->item(0, 1)->text(), QStringLiteral("+OK Dovecot ready."));
    QCOMPARE(t->item(0, 2)->text(), QStringLiteral("+OK POP3 [127.0.0.1] v7.60 server ready"));
    QCOMPARE(t->item(2, 0)->text(), QStringLiteral("user student"));
    QVERIFY(differs(2));
    QCOMPARE(t->item(3, 0)->text(), QStringLiteral("pass hessovs!"));
    QVERIFY(differs(3));
    QCOMPARE(t->item(3, 3)->text(), QStringLiteral("≠")); // not colour alone
    QVERIFY(t->item(3, 1)->font().bold());
    QCOMPARE(t->horizontalHeaderItem(2)->text(), QStringLiteral("UW ipop3d 7.60"));
}

void TestPersonalityCompareDialog::capabilityToggleShowsInCapa()
{
    PersonalityCompareDialog dialog;
    dialog.setPersonality(PersonalityCompareDialog::Left, QStringLiteral("dovecot"));
    dialog.setPersonality(PersonalityCompareDialog::Right, QStringLiteral("dovecot"));
    dialog.setScript({"CAPA"});
    dialog.compare();
    QVERIFY(!dialog.table()->item(1, 0)->data(PersonalityCompareDialog::DiffersRole).toBool());
    QCheckBox *top = dialog.capabilityBox(PersonalityCompareDialog::Left, QStringLiteral("TOP"));
    QVERIFY(top && top->isChecked());
    top->setChecked(false);
    dialog.compare();
    QVERIFY(dialog.table()->item(1, 0)->data(PersonalityCompareDialog::DiffersRole).toBool());
    QVERIFY(!dialog.table()->item(1, 1)->toolTip().contains(QStringLiteral("\r\nTOP\r\n")));
    QVERIFY(dialog.table()->item(1, 2)->toolTip().contains(QStringLiteral("\r\nTOP\r\n")));
}

void TestPersonalityCompareDialog::everyCapabilityToggleChangesWhatTheServerOffers_data()
{
    QTest::addColumn<QString>("toggle");
    QTest::addColumn<int>("row"); // 0: the greeting, 1: the CAPA reply
    QTest::addColumn<QString>("line"); // what the toggle adds or takes away there
    QTest::addRow("TOP") << QStringLiteral("TOP") << 1 << QStringLiteral("\r\nTOP\r\n");
    QTest::addRow("UIDL") << QStringLiteral("UIDL") << 1 << QStringLiteral("\r\nUIDL\r\n");
    QTest::addRow("APOP") << QStringLiteral("APOP") << 0 << QStringLiteral("@"); // <pid.clock@host>
    QTest::addRow("SASL PLAIN") << QStringLiteral("SASL PLAIN") << 1
                                << QStringLiteral("\r\nSASL LOGIN\r\n"); // PLAIN taken away
    QTest::addRow("SASL LOGIN") << QStringLiteral("SASL LOGIN") << 1
                                << QStringLiteral("\r\nSASL PLAIN\r\n"); // LOGIN taken away
}

// Each toggle (TOP, UIDL, APOP, each SASL mechanism) exists and, flipped on one side only,
// changes what that side's server offers: its CAPA lines, or (APOP) the greeting's timestamp.
void TestPersonalityCompareDialog::everyCapabilityToggleChangesWhatTheServerOffers()
{
    QFETCH(QString, toggle);
    QFETCH(int, row);
    QFETCH(QString, line);
    PersonalityCompareDialog dialog;
    dialog.setPersonality(PersonalityCompareDialog::Left, QStringLiteral("dovecot"));
    dialog.setPersonality(PersonalityCompareDialog::Right, QStringLiteral("dovecot"));
    dialog.setScript({"CAPA"});
    QCheckBox *box = dialog.capabilityBox(PersonalityCompareDialog::Left, toggle);
    QVERIFY2(box, qPrintable(toggle));
    const bool wasOn = box->isChecked();
    QCOMPARE(wasOn, toggle != QLatin1String("APOP")); // Dovecot's defaults
    box->setChecked(!wasOn);
    dialog.compare();
    QTableWidget *t = dialog.table();
    QVERIFY(t->item(row, 0)->data(PersonalityCompareDialog::DiffersRole).toBool());
    const auto shown = [t, row](int column) {
        const QString tip = t->item(row, column)->toolTip();
        return tip.isEmpty() ? t->item(row, column)->text() : tip;
    };
    if (toggle.startsWith(QLatin1String("SASL"))) {
        // One mechanism off: the other one alone on the SASL line.
        QVERIFY2(shown(1).contains(line), qPrintable(shown(1)));
        QVERIFY2(
            shown(2).contains(QStringLiteral("\r\nSASL PLAIN LOGIN\r\n")), qPrintable(shown(2)));
    } else {
        QCOMPARE(shown(1).contains(line), !wasOn);
        QCOMPARE(shown(2).contains(line), wasOn);
    }
}

QTEST_MAIN(TestPersonalityCompareDialog)
#include "tst_personalitycomparedialog.moc"
