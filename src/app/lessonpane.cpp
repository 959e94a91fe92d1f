#include "app/lessonpane.h"

#include <QLabel>
#include <QVBoxLayout>

LessonPane::LessonPane(pop3::EventLog *log, pop3::MailStore *store, QWidget *parent)
    : QWidget(parent)
{
    Q_UNUSED(log);
    Q_UNUSED(store);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Lessons appear here."), this));
}
