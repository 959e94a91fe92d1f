#include "app/classroom/handindialog.h"

#include "lab/answerclient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

HandInDialog::HandInDialog(QWidget *parent)
    : QDialog(parent)
    , m_client(new pop3::AnswerClient(this))
    , m_host(new QLineEdit(QStringLiteral("127.0.0.1"), this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_logIn(new QPushButton(tr("&Log In"), this))
    , m_questionsBox(new QWidget(this))
    , m_questionsForm(new QFormLayout(m_questionsBox))
    , m_send(new QPushButton(tr("&Send Answers"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("handInDialog"));
    setWindowTitle(tr("Hand In Lab Answers"));
    m_port->setRange(1, 65535);
    m_port->setValue(1112);
    m_password->setEchoMode(QLineEdit::Password);
    m_user->setObjectName(QStringLiteral("handInUser"));
    m_password->setObjectName(QStringLiteral("handInPassword"));
    m_send->setObjectName(QStringLiteral("handInSend"));
    m_logIn->setObjectName(QStringLiteral("handInLogIn"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *intro = new QLabel(tr("Your answers go to the class server's answers port, as you: "
                                "the user name and password of your login slip. The server "
                                "checks each one against your own mailbox."),
        this);
    intro->setWordWrap(true);
    auto *login = new QFormLayout;
    auto *where = new QHBoxLayout;
    where->addWidget(m_host, 1);
    where->addWidget(m_port);
    // A row whose field is a layout gets no buddy from QFormLayout: without one, the label
    // shows its "&" instead of underlining the key, and Alt+R goes nowhere.
    auto *whereLabel = new QLabel(tr("Se&rver and answers port:"), this);
    whereLabel->setBuddy(m_host);
    login->addRow(whereLabel, where);
    login->addRow(tr("&User:"), m_user);
    login->addRow(tr("&Password:"), m_password);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_questionsBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_send, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(login);
    layout->addWidget(m_logIn, 0, Qt::AlignRight);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_logIn, &QPushButton::clicked, this, &HandInDialog::logIn);
    connect(m_password, &QLineEdit::returnPressed, this, &HandInDialog::logIn);
    connect(m_send, &QPushButton::clicked, this, &HandInDialog::sendAnswers);
    connect(m_client, &pop3::AnswerClient::loggedIn, this, &HandInDialog::showQuestions);
    connect(m_client, &pop3::AnswerClient::failed, this, [this](const QString &why) {
        m_status->setText(tr("Not logged in: %1").arg(why));
        m_pending = 0;
        updateWidgets();
    });
    connect(m_client,
        &pop3::AnswerClient::answered,
        this,
        [this](const QString &question, bool correct, const QString &error) {
            if (QLabel *v = m_verdicts.value(question))
                v->setText(!error.isEmpty() ? tr("not taken: %1").arg(error)
                        : correct           ? tr("✓ right")
                                            : tr("✗ wrong, try again"));
            if (--m_pending <= 0)
                m_status->setText(tr("The server has your answers; the latest one counts."));
            emit answerChecked(question, correct);
        });
    resize(640, 560);
    updateWidgets();
}

void HandInDialog::setServer(const QString &host, quint16 port)
{
    m_host->setText(host);
    m_port->setValue(port);
}

void HandInDialog::logIn()
{
    clearQuestions();
    m_status->setText(
        tr("Logging in to %1:%2...").arg(m_host->text().trimmed()).arg(m_port->value()));
    m_client->logIn(m_host->text().trimmed(),
        quint16(m_port->value()),
        m_user->text().trimmed(),
        m_password->text());
    updateWidgets();
}

void HandInDialog::clearQuestions()
{
    while (m_questionsForm->rowCount() > 0)
        m_questionsForm->removeRow(0);
    m_answers.clear();
    m_verdicts.clear();
}

void HandInDialog::showQuestions(const QList<pop3::LabQuestion> &questions)
{
    clearQuestions();
    for (const pop3::LabQuestion &q : questions) {
        auto *prompt = new QLabel(q.prompt, m_questionsBox);
        prompt->setTextFormat(Qt::PlainText);
        prompt->setWordWrap(true);
        auto *field = new QLineEdit(m_questionsBox);
        field->setObjectName(QStringLiteral("answer-") + q.id);
        field->setAccessibleName(q.prompt);
        auto *verdict = new QLabel(m_questionsBox);
        verdict->setTextFormat(Qt::PlainText);
        auto *row = new QHBoxLayout;
        row->addWidget(field, 1);
        row->addWidget(verdict);
        m_questionsForm->addRow(prompt);
        m_questionsForm->addRow(row);
        prompt->setBuddy(field);
        m_answers.insert(q.id, field);
        m_verdicts.insert(q.id, verdict);
    }
    m_status->setText(
        tr("Logged in as %1: %2 questions.").arg(m_user->text().trimmed()).arg(questions.size()));
    updateWidgets();
    emit questionsShown();
}

void HandInDialog::sendAnswers()
{
    for (auto it = m_answers.cbegin(); it != m_answers.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (text.isEmpty())
            continue;
        ++m_pending;
        m_verdicts.value(it.key())->setText(tr("sent..."));
        m_client->answer(it.key(), text);
    }
    if (m_pending == 0)
        m_status->setText(tr("Type an answer first."));
}

QLineEdit *HandInDialog::answerField(const QString &id) const
{
    return m_answers.value(id);
}

QString HandInDialog::verdict(const QString &id) const
{
    const QLabel *v = m_verdicts.value(id);
    return v ? v->text() : QString();
}

QString HandInDialog::statusText() const
{
    return m_status->text();
}

void HandInDialog::updateWidgets()
{
    m_send->setEnabled(m_client->isLoggedIn());
}
