#include "app/personalitycomparedialog.h"

#include "app/translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using pop3::Personality;
using pop3::PersonalityComparison;

namespace {

const QStringList capabilityNames = {QStringLiteral("TOP"),
    QStringLiteral("UIDL"),
    QStringLiteral("APOP"),
    QStringLiteral("SASL PLAIN"),
    QStringLiteral("SASL LOGIN")};

// A reply as one cell: its first line, and how many more lines a body has.
QString cellText(const QByteArray &reply)
{
    if (reply.isEmpty())
        return QString();
    const QList<QByteArray> lines = reply.trimmed().split('\n');
    const QString first = QString::fromLatin1(lines.first().trimmed());
    if (lines.size() == 1)
        return first;
    const int more = int(lines.size() - 1);
    // With no translation loaded, English plurals by hand (as sequencewords.cpp does).
    QString words = PersonalityCompareDialog::tr("%1 (+%n line(s))", nullptr, more).arg(first);
    return words.replace(QLatin1String("(s)"), more == 1 ? QString() : QStringLiteral("s"));
}

} // namespace

PersonalityCompareDialog::PersonalityCompareDialog(QWidget *parent)
    : QDialog(parent)
    , m_script(new QPlainTextEdit(this))
    , m_table(new QTableWidget(0, 4, this))
    , m_summary(new QLabel(this))
{
    setWindowTitle(tr("Personalities Side by Side"));
    auto *sides = new QHBoxLayout;
    sides->addWidget(buildSide(m_sides[Left], tr("Left server")));
    sides->addWidget(buildSide(m_sides[Right], tr("Right server")));
    auto *scriptBox = new QGroupBox(tr("Script (one command per line)"), this);
    auto *scriptLayout = new QVBoxLayout(scriptBox);
    scriptLayout->addWidget(m_script);
    m_script->setMaximumHeight(120);
    sides->addWidget(scriptBox, 1);

    m_table->setHorizontalHeaderLabels({tr("Client"), tr("Left"), tr("Right"), tr("Differs")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *run = buttons->addButton(tr("&Compare"), QDialogButtonBox::ActionRole);
    connect(run, &QPushButton::clicked, this, &PersonalityCompareDialog::compare);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sides);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    setScript(PersonalityComparison::labSheetScript());
    setPersonality(Left, QStringLiteral("dovecot"));
    setPersonality(Right, QStringLiteral("uw-ipop3d"));
    resize(1000, 600);
}

QWidget *PersonalityCompareDialog::buildSide(SideWidgets &side, const QString &title)
{
    auto *box = new QGroupBox(title, this);
    auto *layout = new QVBoxLayout(box);
    side.personality = new QComboBox(box);
    for (const QString &id : Personality::builtinIds()) {
        const std::optional<Personality> p = Personality::load(id);
        side.personality->addItem(p ? Translations::personalityName(id, p->name) : id, id);
    }
    layout->addWidget(side.personality);
    for (const QString &name : capabilityNames) {
        auto *check = new QCheckBox(name, box); // protocol words: not translated
        side.capabilities.append(check);
        layout->addWidget(check);
    }
    connect(side.personality, &QComboBox::currentIndexChanged, this, [this, &side] {
        loadCapabilities(side);
    });
    return box;
}

void PersonalityCompareDialog::loadCapabilities(SideWidgets &side)
{
    const std::optional<Personality> p =
        Personality::load(side.personality->currentData().toString());
    if (!p)
        return;
    const PersonalityComparison::Capabilities caps = PersonalityComparison::capabilitiesOf(*p);
    side.capabilities.at(0)->setChecked(caps.top);
    side.capabilities.at(1)->setChecked(caps.uidl);
    side.capabilities.at(2)->setChecked(caps.apop);
    side.capabilities.at(3)->setChecked(caps.sasl.contains(QLatin1String("PLAIN")));
    side.capabilities.at(4)->setChecked(caps.sasl.contains(QLatin1String("LOGIN")));
    // CAPA lists them only where the server has CAPA (RFC 1939's servers do not).
    for (QCheckBox *check : side.capabilities)
        check->setToolTip(p->capa
                ? QString()
                : tr("%1 has no CAPA command: a client cannot ask what it offers.")
                      .arg(Translations::personalityName(p->id, p->name)));
}

void PersonalityCompareDialog::setPersonality(Side side, const QString &id)
{
    SideWidgets &w = m_sides[side];
    const int index = w.personality->findData(id);
    if (index >= 0)
        w.personality->setCurrentIndex(index);
    loadCapabilities(w);
}

void PersonalityCompareDialog::setScript(const QList<QByteArray> &lines)
{
    m_script->setPlainText(QString::fromUtf8(lines.join('\n')));
}

QCheckBox *PersonalityCompareDialog::capabilityBox(Side side, const QString &name) const
{
    const qsizetype i = capabilityNames.indexOf(name);
    return i < 0 ? nullptr : m_sides[side].capabilities.at(i);
}

std::optional<Personality> PersonalityCompareDialog::personalityOf(
    const SideWidgets &side, QString *error) const
{
    std::optional<Personality> p =
        Personality::load(side.personality->currentData().toString(), error);
    if (!p)
        return p;
    PersonalityComparison::Capabilities caps;
    caps.top = side.capabilities.at(0)->isChecked();
    caps.uidl = side.capabilities.at(1)->isChecked();
    caps.apop = side.capabilities.at(2)->isChecked();
    if (side.capabilities.at(3)->isChecked())
        caps.sasl.append(QStringLiteral("PLAIN"));
    if (side.capabilities.at(4)->isChecked())
        caps.sasl.append(QStringLiteral("LOGIN"));
    return PersonalityComparison::withCapabilities(*p, caps);
}

void PersonalityCompareDialog::compare()
{
    QList<QByteArray> script;
    for (const QString &line : m_script->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            script.append(line.toUtf8());
    }
    QString error;
    std::optional<PersonalityComparison::Transcript> runs[2];
    for (int side : {Left, Right}) {
        const std::optional<Personality> p = personalityOf(m_sides[side], &error);
        if (p)
            runs[side] = PersonalityComparison::run(*p, script, &error);
        if (!runs[side]) {
            m_summary->setText(tr("Could not run the script: %1").arg(error));
            m_table->setRowCount(0);
            return;
        }
    }
    const QList<PersonalityComparison::Row> rows =
        PersonalityComparison::compare(*runs[Left], *runs[Right]);
    m_table->setHorizontalHeaderLabels({tr("Client"),
        m_sides[Left].personality->currentText(),
        m_sides[Right].personality->currentText(),
        tr("Differs")});
    m_table->setRowCount(int(rows.size()));
    int differing = 0;
    for (int i = 0; i < rows.size(); ++i) {
        const PersonalityComparison::Row &r = rows.at(i);
        differing += r.differs ? 1 : 0;
        const QStringList cells = {
            r.client.isEmpty() && i == 0 ? tr("(connect: greeting)") : QString::fromUtf8(r.client),
            r.leftSent ? cellText(r.left) : tr("(not sent: the connection is closed)"),
            r.rightSent ? cellText(r.right) : tr("(not sent: the connection is closed)"),
            r.differs ? QStringLiteral("≠") : QStringLiteral("=")};
        for (int c = 0; c < 4; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(DiffersRole, r.differs);
            if (c == 1 || c == 2)
                item->setToolTip(QString::fromLatin1(c == 1 ? r.left : r.right).left(4000));
            if (r.differs) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                // The palette's own pair: readable in a light or a dark theme.
                item->setBackground(palette().color(QPalette::Highlight));
                item->setForeground(palette().color(QPalette::HighlightedText));
            }
            m_table->setItem(i, c, item);
        }
    }
    m_summary->setText(
        tr("%n of %1 replies differ (marked ≠ and in bold); the protocol is the same, "
           "only the words and what is offered change.",
            nullptr,
            differing)
            .arg(rows.size()));
}
